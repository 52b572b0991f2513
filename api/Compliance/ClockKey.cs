namespace Crm.Api.Compliance;

/// <summary>What a compliance figure is grouped by: the owner it is attributed to, the funnel, the regulation and the
/// stage of a stage regulation (empty for a funnel-level one).</summary>
public readonly record struct ClockKey(string OwnerId, string WorkflowId, string RegulationId, string StageId);

/// <summary>A breach still running now, with what it takes to tell its overrun so far and who held it.</summary>
public sealed record OpenBreach(ClockKey Key, NodaTime.Instant BreachedAt, long ConsumedTicks, NodaTime.Instant? RunningSince, long LimitTicks, int WorkflowVersion,
    string? HandoversJson);

/// <summary>What a compliance report takes from the store. Counts and late time may come negative for a key: the part of
/// a whole day outside the period, taken back; they add up right over the period.</summary>
public interface ITallySink
{
    void Count(ClockKey key, long met, long breached);

    /// <summary>Final overruns (ticks) of finished breaches: <paramref name="sign"/> +1 adds them, -1 takes them back.</summary>
    void Overruns(ClockKey key, ReadOnlySpan<long> ticks, int sign);

    /// <summary>Late time held (ticks) by <c>key.OwnerId</c> on breaches of that key, whoever they are attributed to.</summary>
    void LateHeld(ClockKey key, long ticks);
}
