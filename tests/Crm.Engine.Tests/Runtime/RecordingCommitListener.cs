using Crm.Engine.Abstractions;
using Crm.Engine.Alerts;
using NodaTime;

namespace Crm.Engine.Tests.Runtime;

/// <summary>Remembers what the processor reported after each commit.</summary>
internal sealed class RecordingCommitListener : IDealCommitListener
{
    private readonly Lock _lock = new();
    private readonly List<RaisedAlert> _alerts = [];
    private readonly List<(string DealId, Instant? NextDueAt)> _due = [];

    public IReadOnlyList<RaisedAlert> Alerts
    {
        get { lock (_lock) return [.. _alerts]; }
    }

    public IReadOnlyList<(string DealId, Instant? NextDueAt)> DueChanges
    {
        get { lock (_lock) return [.. _due]; }
    }

    public void Committed(IReadOnlyList<RaisedAlert> alerts, IReadOnlyList<(string DealId, Instant? NextDueAt)> dueChanges)
    {
        lock (_lock)
        {
            _alerts.AddRange(alerts);
            _due.AddRange(dueChanges);
        }
    }
}
