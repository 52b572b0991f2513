using Crm.Engine.Alerts;
using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>Raises <c>nextStepOverdue</c> once when a next step passes with no interaction logged since it was set.</summary>
internal static class NextStepWatch
{
    /// <summary>Settles a next step whose time has come; true when it changed the deal (even without an alert).</summary>
    public static bool Advance(DealInstance deal, Instant now, DealChanges changes)
    {
        if (deal.NextStep is not { OverdueAlerted: false } step || step.At > now)
            return false;
        deal.NextStep = step with { OverdueAlerted = true };
        if (deal.LastInteractionAt is { } last && last >= step.SetAt)
            return true;
        changes.Raise(new RaisedAlert
        {
            Id = AlertIds.New(),
            Kind = AlertKind.NextStepOverdue,
            Audience = AlertAudience.Owner,
            DealId = deal.Id,
            DealTitle = deal.Title,
            StageId = deal.ActivityId,
            OwnerId = deal.OwnerId,
            TeamId = deal.TeamId,
            DueAt = step.At,
            RaisedAt = now,
            Message = step.What,
        });
        return true;
    }
}
