using Crm.Api.Auth;
using Crm.Api.Directory;

namespace Crm.Api.Deals;

/// <summary>
/// Whether a caller may give a deal to an owner and a team. Both must exist (an owner active and able to own deals), and
/// be the caller's to give: an admin gives to anyone; a head to themselves and within the teams they lead; a manager
/// only to themselves and their own team.
/// </summary>
public sealed class DealAssignmentCheck(UserDirectory directory)
{
    public AssignmentRefusal? Check(Caller caller, string? ownerId, string? teamId)
    {
        if (ownerId is not null)
        {
            if (directory.Find(ownerId) is null)
                return AssignmentRefusal.Invalid("ownerId", $"User '{ownerId}' does not exist.");
            if (!directory.CanOwnDeals(ownerId))
                return AssignmentRefusal.Invalid("ownerId", $"'{ownerId}' cannot own deals.");
        }
        if (teamId is not null && directory.FindTeam(teamId) is null)
            return AssignmentRefusal.Invalid("teamId", $"Team '{teamId}' does not exist.");
        if (!caller.IsAdmin)
        {
            if (ownerId is not null && ownerId != caller.Id && !(caller.IsHead && LedBy(caller, directory.TeamOf(ownerId))))
                return AssignmentRefusal.Forbidden("ownerId", caller.IsHead
                    ? $"'{ownerId}' is not in a team you lead."
                    : "A manager opens deals for themselves.");
            // A manager's team is read from the directory, not the token: a manager moved to another team gives to the new one.
            if (teamId is not null && !(caller.IsHead ? LedBy(caller, teamId) : teamId == directory.TeamOf(caller.Id)))
                return AssignmentRefusal.Forbidden("teamId", caller.IsHead ? $"You do not lead team '{teamId}'." : "A manager opens deals in their own team.");
        }
        // The engine keeps a reassigned deal in its owner's team; a new deal starts by the same rule, so its team's head sees it.
        if (ownerId is not null && teamId is not null && directory.TeamOf(ownerId) is { } ownersTeam && ownersTeam != teamId)
            return AssignmentRefusal.Invalid("teamId", $"'{ownerId}' works in team '{ownersTeam}', not '{teamId}'.");
        return null;
    }

    private bool LedBy(Caller head, string? teamId) => teamId is not null && directory.HeadOf(teamId) == head.Id;
}

/// <summary>Why an owner or team was refused: <see cref="IsForbidden"/> when it exists but is not the caller's to give.</summary>
public sealed record AssignmentRefusal(bool IsForbidden, string Field, string Message)
{
    public static AssignmentRefusal Invalid(string field, string message) => new(false, field, message);

    public static AssignmentRefusal Forbidden(string field, string message) => new(true, field, message);
}
