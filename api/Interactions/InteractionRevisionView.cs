using NodaTime;

namespace Crm.Api.Interactions;

/// <summary>One version of an entry: who wrote it and when, and what it said.</summary>
public sealed record InteractionRevisionView(Instant At, string? By, string? ByName, string Text, string? Topic, string? Result, Instant InteractionAt);
