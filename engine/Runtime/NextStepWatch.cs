using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>
/// Marks a passed next step as settled. The alert for it is the next step's activity's <c>activityOverdue</c>, raised by the
/// host at the activity's due time; the engine raises none of its own, so nobody hears of one missed call twice.
/// </summary>
internal static class NextStepWatch
{
    /// <summary>Settles a next step whose time has come; true when it changed the deal.</summary>
    public static bool Advance(DealInstance deal, Instant now)
    {
        if (deal.NextStep is not { OverdueAlerted: false } step || step.At > now)
            return false;
        deal.NextStep = step with { OverdueAlerted = true };
        return true;
    }
}
