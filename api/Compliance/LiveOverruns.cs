using Crm.Engine.Abstractions;
using Crm.Engine.Calendars;
using Crm.Engine.Clocks;
using Crm.Engine.Compliance;
using NodaTime;

namespace Crm.Api.Compliance;

/// <summary>Overruns of clocks still running, as of one instant, in the calendar of the funnel version each deal runs on.</summary>
internal sealed class LiveOverruns(IFlowchartSource flows, Instant now)
{
    private readonly Dictionary<(string, int), IWorkingCalendar> _calendars = [];

    public async ValueTask<Duration> OfAsync(string workflowId, int version, long consumedTicks, Instant? runningSince, long limitTicks, CancellationToken ct) =>
        OpenOverrun.AsOf(Duration.FromTicks(consumedTicks), runningSince, Duration.FromTicks(limitTicks), now, await CalendarAsync(workflowId, version, ct));

    /// <summary>The split of a clock between its holders, as of now while it runs.</summary>
    public async ValueTask<IReadOnlyList<ClockHolding>> HoldingsAsync(IReadOnlyList<ClockHandover> handovers, string workflowId, int version,
        long consumedTicks, Instant? runningSince, long limitTicks, CancellationToken ct)
    {
        var consumed = Duration.FromTicks(consumedTicks);
        if (runningSince is { } since && now > since)
            consumed += (await CalendarAsync(workflowId, version, ct)).WorkingTime(since, now);
        return ClockHoldings.Of(handovers, consumed, Duration.FromTicks(limitTicks));
    }

    private async ValueTask<IWorkingCalendar> CalendarAsync(string workflowId, int version, CancellationToken ct)
    {
        if (!_calendars.TryGetValue((workflowId, version), out var calendar))
        {
            // A version that no longer compiles (its calendar was removed) falls back to counting every hour.
            calendar = (await flows.GetAsync(workflowId, version, ct))?.Calendar ?? AlwaysOpenCalendar.Instance;
            _calendars[(workflowId, version)] = calendar;
        }
        return calendar;
    }
}
