using System.Linq.Expressions;
using Crm.Api.Auth;
using Crm.Api.Directory;
using Crm.Api.Persistence;

namespace Crm.Api.Deals;

/// <summary>
/// Which deals one caller sees, as data: the one definition both forms of the rule are read from (<see cref="ToExpression"/>
/// for queries, <see cref="Matches"/> for a deal in memory). Everyone sees the deals they own and the unowned queue of
/// the team they belong to; a head also sees every deal of the teams they lead; an admin sees all. A head who belongs
/// to a team someone else leads still sees that team's queue: leading a team adds its deals to what membership shows,
/// it never takes the member's queue away (a head can own deals and take them from the queue like anyone in the team).
/// </summary>
public sealed record DealSight(bool All, string OwnerId, IReadOnlyList<string> QueueTeams, IReadOnlyList<string> LedTeams)
{
    public static DealSight For(Caller caller, UserDirectory directory) =>
        For(caller, caller.IsHead ? directory.TeamsLedBy(caller.Id) : []);

    /// <summary>The sight of a caller given the teams they lead (only a head's count).</summary>
    public static DealSight For(Caller caller, IReadOnlyList<string> ledTeams) =>
        caller.IsAdmin ? new DealSight(true, caller.Id, [], [])
        : new DealSight(false, caller.Id, caller.TeamId is { } team ? [team] : [], caller.IsHead ? ledTeams : []);

    public bool Matches(string? ownerId, string? teamId) =>
        All
        || ownerId == OwnerId
        || (teamId is not null && ownerId is null && QueueTeams.Contains(teamId))
        || (teamId is not null && LedTeams.Contains(teamId));

    public Expression<Func<DealRecord, bool>> ToExpression()
    {
        if (All)
            return d => true;
        var ownerId = OwnerId;
        var queue = QueueTeams.ToArray();
        var led = LedTeams.ToArray();
        return d => d.OwnerId == ownerId
            || (d.TeamId != null && d.OwnerId == null && queue.Contains(d.TeamId))
            || (d.TeamId != null && led.Contains(d.TeamId));
    }
}
