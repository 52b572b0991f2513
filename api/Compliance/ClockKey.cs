namespace Crm.Api.Compliance;

/// <summary>What a compliance figure is grouped by: the owner it is attributed to, the funnel, the regulation and the
/// stage of a stage regulation (empty for a funnel-level one).</summary>
public readonly record struct ClockKey(string OwnerId, string WorkflowId, string RegulationId, string StageId);

/// <summary>A breach still running now, with what it takes to tell its overrun so far.</summary>
public sealed record OpenBreach(ClockKey Key, NodaTime.Instant BreachedAt, long ConsumedTicks, NodaTime.Instant? RunningSince, long LimitTicks, int WorkflowVersion);
