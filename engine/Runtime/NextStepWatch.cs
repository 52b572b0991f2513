using Crm.Engine.Alerts;
using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>Raises <c>nextStepOverdue</c> once when a next step passes with no interaction logged since it was set.</summary>
internal static class NextStepWatch
{
    public static void Advance(DealInstance deal, Instant now, DealChanges changes)
    {
        if (deal.NextStep is not { OverdueAlerted: false } step || step.At > now)
            return;
        deal.NextStep = step with { OverdueAlerted = true };
        if (deal.LastInteractionAt is { } last && last >= step.SetAt)
            return;
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
    }
}
