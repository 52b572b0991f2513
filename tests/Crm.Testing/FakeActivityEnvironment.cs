using Crm.Engine.Runtime;

namespace Crm.Testing;

/// <summary>
/// A directory of teams for tests. <see cref="SalesTeam"/> is the demo team: managers <c>anna</c> and <c>boris</c>
/// (round-robin in that order) led by <c>head</c>. Thread-safe, so concurrent commands may assign.
/// </summary>
public sealed class FakeActivityEnvironment : IActivityEnvironment
{
    public const string Sales = "sales";
    public const string Anna = "anna";
    public const string Boris = "boris";
    public const string Head = "head";

    private readonly Dictionary<string, string[]> _managers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _teamOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rotation = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static FakeActivityEnvironment SalesTeam() => new FakeActivityEnvironment().WithTeam(Sales, Head, Anna, Boris);

    /// <summary>Adds a team; its head belongs to it but is not in the rotation.</summary>
    public FakeActivityEnvironment WithTeam(string teamId, string? headId, params string[] managers)
    {
        _managers[teamId] = managers;
        foreach (var manager in managers)
            _teamOf[manager] = teamId;
        if (headId is not null)
            _teamOf[headId] = teamId;
        return this;
    }

    public string? NextInRotation(string teamId)
    {
        lock (_lock)
        {
            if (!_managers.TryGetValue(teamId, out var managers) || managers.Length == 0)
                return null;
            var turn = _rotation.GetValueOrDefault(teamId);
            _rotation[teamId] = turn + 1;
            return managers[turn % managers.Length];
        }
    }

    public bool CanOwnDeals(string userId) => _teamOf.ContainsKey(userId);

    public string? TeamOf(string userId) => _teamOf.GetValueOrDefault(userId);
}
