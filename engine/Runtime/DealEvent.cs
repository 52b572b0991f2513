using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>One entry of a deal's history: moved, assigned, interaction, alert, …</summary>
public sealed record DealEvent(Instant At, string? By, string Kind, IReadOnlyDictionary<string, object?> Details);
