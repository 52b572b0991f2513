using Crm.Api.Auth;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;

namespace Crm.Api.Compliance;

/// <summary>
/// Whose figures a caller may read. Admins: everyone. Heads: the people of the teams they lead. Managers: none of the
/// team reports (403), only themselves. Asking for a person or team one may not see is a 404, as if it did not exist.
/// </summary>
public sealed class ComplianceScope(UserDirectory directory)
{
    /// <summary>The people a team report covers: <see cref="Owners"/> null means everyone (admin, no team filter), which
    /// SQL need not filter on; <see cref="People"/> are their ids either way. <see cref="Listed"/> are shown even with
    /// nothing measured: the managers of the teams in view.</summary>
    public sealed record Team(IReadOnlySet<string>? Owners, IReadOnlyList<UserRecord> Listed, IReadOnlyList<string> People);

    public bool TryTeam(Caller caller, string? teamId, out Team team, out IResult? problem)
    {
        team = new Team(null, [], []);
        problem = null;
        if (caller.IsManager || !(caller.IsAdmin || caller.IsHead))
        {
            problem = Problems.Forbidden("Compliance reports are for heads and admins; your own figures are at /api/compliance/me.");
            return false;
        }
        IReadOnlyCollection<string>? teams = caller.IsHead ? directory.TeamsLedBy(caller.Id) : null;
        if (teamId is not null)
        {
            if (directory.FindTeam(teamId) is null || (teams is not null && !teams.Contains(teamId)))
            {
                problem = Problems.NotFound($"Team '{teamId}' does not exist.");
                return false;
            }
            teams = [teamId];
        }
        if (teams is null)
        {
            team = new Team(null, [.. directory.Users.Where(u => u.Role == Roles.Manager)], [.. directory.Users.Select(u => u.Id)]);
            return true;
        }
        var people = directory.Users.Where(u => u.TeamId is not null && teams.Contains(u.TeamId)).ToList();
        team = new Team(people.Select(u => u.Id).ToHashSet(StringComparer.Ordinal), [.. people.Where(u => u.Role == Roles.Manager)], [.. people.Select(u => u.Id)]);
        return true;
    }

    /// <summary>Whether the caller may read this person's figures: themselves, anyone for an admin, their teams' people for a head.</summary>
    public bool CanSeePerson(Caller caller, string personId)
    {
        if (personId == caller.Id)
            return true;
        if (caller.IsAdmin)
            return directory.Find(personId) is not null;
        if (!caller.IsHead)
            return false;
        var teamId = directory.TeamOf(personId);
        return teamId is not null && directory.TeamsLedBy(caller.Id).Contains(teamId);
    }

    public string NameOf(string personId) => directory.Find(personId)?.Name ?? personId;
}
