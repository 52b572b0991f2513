using Crm.Engine.Abstractions;
using Crm.Engine.Alerts;
using NodaTime;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// A commit listener that timestamps every breach alert (system clock) when the commit that recorded it is durable:
/// the lateness of a breach is that moment minus its deadline (the alert's DueAt, which is the clock's).
/// </summary>
internal sealed class BreachRecorder : IDealCommitListener
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastTicks;

    public Latencies Lateness { get; } = new();

    public Task FirstBreach => _first.Task;

    public Instant LastRecordedAt => Instant.FromUnixTimeTicks(Interlocked.Read(ref _lastTicks));

    public void Committed(IReadOnlyList<RaisedAlert> alerts, IReadOnlyList<(string DealId, Instant? NextDueAt)> dueChanges)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var any = false;
        foreach (var alert in alerts)
        {
            if (alert.Kind == AlertKind.Breach && alert.DueAt is { } due)
            {
                Lateness.Add((now - due).TotalMilliseconds);
                any = true;
            }
        }
        if (any)
        {
            Interlocked.Exchange(ref _lastTicks, now.ToUnixTimeTicks());
            _first.TrySetResult();
        }
    }
}
