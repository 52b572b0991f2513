using System.Diagnostics;
using Crm.Engine.Abstractions;
using Crm.Engine.Runtime;

namespace Crm.Benchmarks.Moves;

/// <summary>
/// Wraps the real store to see what the engine asks of it: how many deals each commit carries (the group-commit
/// batch) and how the writer's time splits between loading, committing and the rest (the engine itself).
/// The processor is the only caller and calls one method at a time, so plain fields suffice.
/// </summary>
internal sealed class MeasuredDealStore(IDealStore inner) : IDealStore
{
    private readonly List<int> _batchSizes = [];
    private long _loadTicks;
    private long _commitTicks;

    public IReadOnlyList<int> BatchSizes => _batchSizes;
    public TimeSpan LoadTime => Stopwatch.GetElapsedTime(0, _loadTicks);
    public TimeSpan CommitTime => Stopwatch.GetElapsedTime(0, _commitTicks);

    public void Reset()
    {
        _batchSizes.Clear();
        _loadTicks = 0;
        _commitTicks = 0;
    }

    public async Task<IReadOnlyDictionary<string, DealInstance>> LoadAsync(IReadOnlyCollection<string> dealIds, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var loaded = await inner.LoadAsync(dealIds, cancellationToken);
        _loadTicks += Stopwatch.GetTimestamp() - started;
        return loaded;
    }

    public async Task CommitAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.CommitAsync(writes, cancellationToken);
        _commitTicks += Stopwatch.GetTimestamp() - started;
        _batchSizes.Add(writes.Count);
    }
}
