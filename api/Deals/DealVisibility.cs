using Crm.Api.Auth;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Crm.Engine.Runtime;

namespace Crm.Api.Deals;

/// <summary>Who sees which deal, as <see cref="DealSight"/> defines it: admins all; heads their teams' deals; everyone their
/// own deals and their team's unowned queue.</summary>
public static class DealVisibility
{
    public static IQueryable<DealRecord> VisibleTo(this IQueryable<DealRecord> deals, Caller caller, UserDirectory directory)
    {
        var sight = DealSight.For(caller, directory);
        return sight.All ? deals : deals.Where(sight.ToExpression());
    }

    public static bool CanSee(Caller caller, string? ownerId, string? teamId, UserDirectory directory) =>
        DealSight.For(caller, directory).Matches(ownerId, teamId);

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
