using Crm.Engine.Abstractions;
using Crm.Engine.Calendars;
using Crm.Engine.Compliance;
using NodaTime;

namespace Crm.Api.Compliance;

/// <summary>Overruns of clocks still running, as of one instant, in the calendar of the funnel version each deal runs on.</summary>
internal sealed class LiveOverruns(IFlowchartSource flows, Instant now)
{
    private readonly Dictionary<(string, int), IWorkingCalendar> _calendars = [];

    public async ValueTask<Duration> OfAsync(string workflowId, int version, long consumedTicks, Instant? runningSince, long limitTicks, CancellationToken ct)
    {
        if (!_calendars.TryGetValue((workflowId, version), out var calendar))
        {
            // A version that no longer compiles (its calendar was removed) falls back to counting every hour.
            calendar = (await flows.GetAsync(workflowId, version, ct))?.Calendar ?? AlwaysOpenCalendar.Instance;
            _calendars[(workflowId, version)] = calendar;
        }
        return OpenOverrun.AsOf(Duration.FromTicks(consumedTicks), runningSince, Duration.FromTicks(limitTicks), now, calendar);
    }
}
