using Crm.Engine.Abstractions;
using Crm.Engine.Alerts;
using Crm.Engine.Runtime;

namespace Crm.Testing;

/// <summary>
/// An <see cref="IDealStore"/> in memory that enforces optimistic concurrency like the real one: a commit whose
/// <see cref="DealWrite.LoadedVersion"/> differs from the stored version (0 meaning "must not exist yet") throws
/// <see cref="DealConcurrencyException"/> and writes nothing. <see cref="BeforeNextCommit"/> lets a test play
/// another node that writes in between a load and a commit.
/// </summary>
public sealed class InMemoryDealStore : IDealStore
{
    private readonly Dictionary<string, DealInstance> _deals = new(StringComparer.Ordinal);
    private readonly List<RaisedAlert> _alerts = [];
    private readonly List<DealEvent> _events = [];
    private readonly Lock _lock = new();
    private Action<InMemoryDealStore>? _beforeNextCommit;

    public int Commits { get; private set; }
    /// <summary>Commits begun, including those still waiting or about to fail.</summary>
    public int CommitsStarted => _commitsStarted;
    public int Conflicts { get; private set; }

    public IReadOnlyList<RaisedAlert> Alerts
    {
        get { lock (_lock) return [.. _alerts]; }
    }

    public IReadOnlyList<DealEvent> Events
    {
        get { lock (_lock) return [.. _events]; }
    }

    public DealInstance? Find(string dealId)
    {
        lock (_lock)
            return _deals.GetValueOrDefault(dealId);
    }

    public DealInstance Get(string dealId) => Find(dealId) ?? throw new KeyNotFoundException($"Deal '{dealId}' is not stored.");

    /// <summary>Stores a deal as it is, as if another writer committed it.</summary>
    public void Put(DealInstance deal)
    {
        lock (_lock)
            _deals[deal.Id] = deal;
    }

    /// <summary>Runs <paramref name="interference"/> once, at the start of the next commit, before versions are checked.</summary>
    public void BeforeNextCommit(Action<InMemoryDealStore> interference) => _beforeNextCommit = interference;

    private (string DealId, Func<DealInstance, DealInstance> Change)? _contested;
    private int _commitsStarted;

    public Task<IReadOnlyDictionary<string, DealInstance>> LoadAsync(IReadOnlyCollection<string> dealIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<string, DealInstance> found = dealIds
                .Where(_deals.ContainsKey)
                .ToDictionary(id => id, id => _deals[id], StringComparer.Ordinal);
            return Task.FromResult(found);
        }
    }

    /// <summary>Before every commit that writes <paramref name="dealId"/>, another writer changes that deal first: a deal
    /// contested for ever, as by a busy node elsewhere.</summary>
    public void KeepChanging(string dealId, Func<DealInstance, DealInstance> change) => _contested = (dealId, change);

    public Task CommitAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _commitsStarted);
        var interference = Interlocked.Exchange(ref _beforeNextCommit, null);
        interference?.Invoke(this);
        if (_contested is var (contestedId, change) && writes.Any(w => w.Deal.Id == contestedId))
            Put(change(Get(contestedId)));
        lock (_lock)
        {
            foreach (var write in writes)
            {
                var stored = _deals.GetValueOrDefault(write.Deal.Id)?.Version ?? 0;
                if (stored != write.LoadedVersion)
                {
                    Conflicts++;
                    throw new DealConcurrencyException($"Deal '{write.Deal.Id}' is at version {stored}, not {write.LoadedVersion}.");
                }
            }
            foreach (var write in writes)
            {
                _deals[write.Deal.Id] = write.Deal;
                _alerts.AddRange(write.Changes.Alerts);
                _events.AddRange(write.Changes.Events);
            }
            Commits++;
        }
        return Task.CompletedTask;
    }
}
