namespace Crm.Engine.Definitions;

/// <summary>A stage's regulation: the working time a deal may spend in it.</summary>
public sealed record StageRegulation
{
    public string? Duration { get; init; }
    public string? WarnBefore { get; init; }
    public IReadOnlyList<EscalationDefinition> Escalations { get; init; } = [];
}

/// <summary>A funnel-level regulation: from entering <see cref="StartOn"/> until entering <see cref="StopOn"/>; or, with
/// <see cref="Watch"/> <c>"nextStep"</c>, "every open deal has a future next step": a clock runs whenever an open deal has
/// none (never set, or its time has passed) and is met when one is set.</summary>
public sealed record RegulationDefinition
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? StartOn { get; init; }
    public string? StopOn { get; init; }
    /// <summary>What the regulation watches instead of stages: <c>"nextStep"</c> (see <see cref="RegulationWatch"/>).</summary>
    public string? Watch { get; init; }
    public string? Duration { get; init; }
    public string? WarnBefore { get; init; }
    public IReadOnlyList<EscalationDefinition> Escalations { get; init; } = [];
}

/// <summary>Who is told, and how long after the deadline (in working time).</summary>
public sealed record EscalationDefinition
{
    public string? After { get; init; }
    public string? Notify { get; init; }
}
