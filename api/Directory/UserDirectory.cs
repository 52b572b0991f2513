using Crm.Api.Cluster;
using Crm.Api.Persistence;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Directory;

/// <summary>
/// People and teams as the engine needs them, in memory: who may own deals, who heads which team, whose turn it is.
/// Reloaded whenever users or teams change; the database stays the truth.
/// </summary>
public sealed class UserDirectory(IDbContextFactory<CrmDbContext> contexts, IRotation? rotation = null) : IActivityEnvironment
{
    private volatile Snapshot _snapshot = Snapshot.Empty;
    private readonly IRotation _rotation = rotation ?? new LocalRotation();

    /// <summary>Raised after every reload, here or because another node changed people or teams.</summary>
    public event Action? Reloaded;

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToListAsync(cancellationToken);
        _snapshot = new Snapshot(
            users.ToDictionary(u => u.Id, StringComparer.Ordinal),
            teams.ToDictionary(t => t.Id, StringComparer.Ordinal),
            users.Where(u => u.Active && u.Role == Roles.Manager && u.TeamId is not null)
                .GroupBy(u => u.TeamId!)
                .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => u.Id).ToArray(), StringComparer.Ordinal));
        Reloaded?.Invoke();
    }

    public UserRecord? Find(string? userId) => userId is not null ? _snapshot.Users.GetValueOrDefault(userId) : null;

    public TeamRecord? FindTeam(string? teamId) => teamId is not null ? _snapshot.Teams.GetValueOrDefault(teamId) : null;

    public string? HeadOf(string? teamId) => FindTeam(teamId)?.HeadId;

    /// <summary>The teams a head leads.</summary>
    public IReadOnlyList<string> TeamsLedBy(string userId) =>
        [.. _snapshot.Teams.Values.Where(t => t.HeadId == userId).Select(t => t.Id)];

    public IEnumerable<UserRecord> Users => _snapshot.Users.Values;

    public IEnumerable<TeamRecord> Teams => _snapshot.Teams.Values;

    public string? NextInRotation(string teamId)
    {
        if (!_snapshot.Managers.TryGetValue(teamId, out var members) || members.Length == 0)
            return null;
        return members[_rotation.Next(teamId) % members.Length];
    }

    public bool CanOwnDeals(string userId) => Find(userId) is { Active: true } user && user.Role is Roles.Manager or Roles.Head;

    public string? TeamOf(string userId) => Find(userId)?.TeamId;

    private sealed record Snapshot(
        IReadOnlyDictionary<string, UserRecord> Users,
        IReadOnlyDictionary<string, TeamRecord> Teams,
        IReadOnlyDictionary<string, string[]> Managers)
    {
        public static readonly Snapshot Empty = new(new Dictionary<string, UserRecord>(), new Dictionary<string, TeamRecord>(), new Dictionary<string, string[]>());
    }
}
