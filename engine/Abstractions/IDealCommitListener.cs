using Crm.Engine.Alerts;
using NodaTime;

namespace Crm.Engine.Abstractions;

/// <summary>Told after a batch of deal changes is durable: alerts to deliver, and the deals' next due instants.</summary>
public interface IDealCommitListener
{
    void Committed(IReadOnlyList<RaisedAlert> alerts, IReadOnlyList<(string DealId, Instant? NextDueAt)> dueChanges);
}
