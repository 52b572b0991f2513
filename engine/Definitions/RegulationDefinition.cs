namespace Crm.Engine.Definitions;

/// <summary>A stage's regulation: the working time a deal may spend in it.</summary>
public sealed record StageRegulation
{
    public string? Duration { get; init; }
    public string? WarnBefore { get; init; }
    public IReadOnlyList<EscalationDefinition> Escalations { get; init; } = [];
}

/// <summary>A funnel-level regulation: from entering <see cref="StartOn"/> until entering <see cref="StopOn"/>.</summary>
public sealed record RegulationDefinition
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? StartOn { get; init; }
    public string? StopOn { get; init; }
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
