using Crm.Engine.Alerts;
using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>What one command added: history entries and alerts, persisted with the deal in one transaction.</summary>
public sealed class DealChanges
{
    private readonly List<DealEvent> _events = [];
    private readonly List<RaisedAlert> _alerts = [];
    private readonly List<string> _startedClocks = [];
    private readonly List<string> _settledClocks = [];
    private readonly List<string> _finishedBreaches = [];

    public IReadOnlyList<DealEvent> Events => _events;
    public IReadOnlyList<RaisedAlert> Alerts => _alerts;
    /// <summary>Clocks created by these changes (the store inserts them; the others it updates).</summary>
    public IReadOnlyList<string> StartedClocks => _startedClocks;

    /// <summary>Clocks whose result became final for attribution in these changes: met, or breached (a breach is
    /// final at its deadline even though the clock runs on). The store keeps its compliance tallies from these.</summary>
    public IReadOnlyList<string> SettledClocks => _settledClocks;

    /// <summary>Breached clocks that finished in these changes: their overrun is final now. The store adds it to the
    /// tally of the breach's day, so reports over months read overruns without reading the clocks.</summary>
    public IReadOnlyList<string> FinishedBreaches => _finishedBreaches;

    public void ClockStarted(string clockId) => _startedClocks.Add(clockId);

    public void ClockSettled(string clockId) => _settledClocks.Add(clockId);

    public void BreachFinished(string clockId) => _finishedBreaches.Add(clockId);

    public void Record(Instant at, string? by, string kind, IReadOnlyDictionary<string, object?> details) =>
        _events.Add(new DealEvent(at, by, kind, details));

    public void Raise(RaisedAlert alert)
    {
        _alerts.Add(alert);
        _events.Add(new DealEvent(alert.RaisedAt, null, "alert", new Dictionary<string, object?>
        {
            ["alertId"] = alert.Id,
            ["kind"] = alert.Kind,
            ["audience"] = alert.Audience,
            ["regulationId"] = alert.RegulationId,
            ["regulationName"] = alert.RegulationName,
            ["stageId"] = alert.StageId,
            ["dueAt"] = alert.DueAt?.ToString(),
            ["message"] = alert.Message,
        }));
    }

    public void Append(DealChanges other)
    {
        _events.AddRange(other._events);
        _alerts.AddRange(other._alerts);
        _startedClocks.AddRange(other._startedClocks);
        _settledClocks.AddRange(other._settledClocks);
        _finishedBreaches.AddRange(other._finishedBreaches);
    }
}
