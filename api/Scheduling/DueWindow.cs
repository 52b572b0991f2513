using NodaTime;

namespace Crm.Api.Scheduling;

/// <summary>
/// The near future of the deadline index, in memory: every deal whose next due instant is at or before the
/// <em>horizon</em> (a position in the index's order: due instant, then deal id), earliest first. Beyond the horizon
/// the database alone knows. Commits keep it current (<see cref="Update"/>); the scheduler extends the horizon by
/// reading the index in order (<see cref="BeginLoad"/>/<see cref="EndLoad"/>) and takes what has come due
/// (<see cref="TakeDue"/>). Thread-safe; every operation is a few dictionary and heap steps under one lock.
/// </summary>
internal sealed class DueWindow
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<string, Instant> _queue = new();
    /// <summary>The instant each armed deal is due; a queue entry that disagrees with it is stale and skipped.</summary>
    private readonly Dictionary<string, Instant> _armed = new(StringComparer.Ordinal);
    /// <summary>Deals taken and not yet answered by the engine: the sweep leaves them alone.</summary>
    private readonly HashSet<string> _handed = new(StringComparer.Ordinal);
    private readonly List<(string DealId, Instant? Due)> _duringLoad = [];
    private Instant _horizonDue = Instant.MinValue;
    /// <summary>Null: every deal due at <see cref="_horizonDue"/> is in memory; otherwise those with ids up to this one.</summary>
    private string? _horizonId;
    private bool _loading;

    public int Count
    {
        get
        {
            lock (_gate)
                return _armed.Count;
        }
    }

    /// <summary>Where the next read of the index starts (exclusive): the horizon.</summary>
    public (Instant Due, string? DealId) Horizon
    {
        get
        {
            lock (_gate)
                return (_horizonDue, _horizonId);
        }
    }

    /// <summary>A commit set this deal's next due instant (null: nothing due). True when that instant is armed in memory.</summary>
    public bool Update(string dealId, Instant? due)
    {
        lock (_gate)
        {
            if (_loading)
                _duringLoad.Add((dealId, due));
            return Apply(dealId, due);
        }
    }

    /// <summary>Starts a read of the index past the horizon; commits seen meanwhile are replayed over what it returns.</summary>
    public void BeginLoad()
    {
        lock (_gate)
        {
            _loading = true;
            _duringLoad.Clear();
        }
    }

    /// <summary>
    /// Merges rows read in index order past the horizon up to <paramref name="upTo"/>. When the read stopped at its
    /// limit (<paramref name="complete"/> false), the horizon moves to the last row instead.
    /// </summary>
    public void EndLoad(IReadOnlyList<(string DealId, Instant Due)> rows, Instant upTo, bool complete)
    {
        lock (_gate)
        {
            (_horizonDue, _horizonId) = complete || rows.Count == 0 ? (upTo, null) : (rows[^1].Due, rows[^1].DealId);
            foreach (var (dealId, due) in rows)
            {
                if (!_handed.Contains(dealId))
                    Apply(dealId, due);
            }
            foreach (var (dealId, due) in _duringLoad)
                Apply(dealId, due);
            _duringLoad.Clear();
            _loading = false;
        }
    }

    /// <summary>The read failed: the horizon stays where it was.</summary>
    public void AbortLoad()
    {
        lock (_gate)
        {
            _duringLoad.Clear();
            _loading = false;
        }
    }

    /// <summary>Takes up to <paramref name="max"/> deals due at or before <paramref name="now"/>, earliest first.</summary>
    public List<string> TakeDue(Instant now, int max)
    {
        var taken = new List<string>();
        lock (_gate)
        {
            while (taken.Count < max && _queue.TryPeek(out var dealId, out var due) && due <= now)
            {
                _queue.Dequeue();
                if (_armed.TryGetValue(dealId, out var armed) && armed == due)
                {
                    _armed.Remove(dealId);
                    _handed.Add(dealId);
                    taken.Add(dealId);
                }
            }
        }
        return taken;
    }

    /// <summary>The engine answered for these deals; their commits (if any) have already re-armed what is due next.</summary>
    public void Answered(IEnumerable<string> dealIds)
    {
        lock (_gate)
        {
            foreach (var dealId in dealIds)
                _handed.Remove(dealId);
        }
    }

    /// <summary>The earliest armed instant, or null when nothing is armed.</summary>
    public Instant? Earliest()
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out var dealId, out var due))
            {
                if (_armed.TryGetValue(dealId, out var armed) && armed == due)
                    return due;
                _queue.Dequeue();
            }
            return null;
        }
    }

    /// <summary>Whether the scheduler already holds this deal (armed or handed to the engine).</summary>
    public bool Holds(string dealId)
    {
        lock (_gate)
            return _armed.ContainsKey(dealId) || _handed.Contains(dealId);
    }

    private bool Apply(string dealId, Instant? due)
    {
        if (due is not { } at || !WithinHorizon(at, dealId))
        {
            _armed.Remove(dealId);
            return false;
        }
        if (_armed.TryGetValue(dealId, out var current) && current == at)
            return true;
        _armed[dealId] = at;
        _queue.Enqueue(dealId, at);
        return true;
    }

    private bool WithinHorizon(Instant due, string dealId) =>
        due < _horizonDue || (due == _horizonDue && (_horizonId is null || string.CompareOrdinal(dealId, _horizonId) <= 0));
}
