using NodaTime;

namespace Crm.Api.Interactions;

/// <summary>A correction: what is given replaces what the entry says; an empty topic or result clears it.</summary>
public sealed record InteractionCorrectionRequest(string? Text, string? Topic, string? Result, Instant? At);
