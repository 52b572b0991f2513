using Crm.Api.Auth;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Crm.Engine.Runtime;

namespace Crm.Api.Deals;

/// <summary>Who sees which deal: admins all; heads their teams' deals; managers their own and their team's unowned queue.</summary>
public static class DealVisibility
{
    public static IQueryable<DealRecord> VisibleTo(this IQueryable<DealRecord> deals, Caller caller, UserDirectory directory)
    {
        if (caller.IsAdmin)
            return deals;
        if (caller.IsHead)
        {
            var teams = directory.TeamsLedBy(caller.Id).ToArray();
            return deals.Where(d => d.OwnerId == caller.Id || (d.TeamId != null && teams.Contains(d.TeamId)));
        }
        return deals.Where(d => d.OwnerId == caller.Id || (d.OwnerId == null && caller.TeamId != null && d.TeamId == caller.TeamId));
    }

    public static bool CanSee(Caller caller, string? ownerId, string? teamId, UserDirectory directory) =>
        caller.IsAdmin
        || ownerId == caller.Id
        || (caller.IsHead && teamId is not null && directory.TeamsLedBy(caller.Id).Contains(teamId))
        || (ownerId is null && teamId is not null && teamId == caller.TeamId);

    /// <summary>A guard for commands: the deal must be visible to the caller, judged on its state at the moment of change.</summary>
    public static Func<DealInstance, EngineError?> Guard(Caller caller, UserDirectory directory, bool ownerOrLeadOnly = false) => deal =>
    {
        if (!CanSee(caller, deal.OwnerId, deal.TeamId, directory))
            return new EngineError(EngineErrorKind.NotFound, "not-found", $"Deal '{deal.Id}' does not exist.");
        if (ownerOrLeadOnly && caller.IsManager && deal.OwnerId != caller.Id)
            return new EngineError(EngineErrorKind.Conflict, "not-owner", "Take the deal from the queue before working on it.");
        return null;
    };
}
