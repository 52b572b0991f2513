using Crm.Engine.Clocks;

namespace Crm.Api.Persistence;

/// <summary>
/// Whether a clock changed since it was loaded. Only the settable parts are compared: the rest is fixed when the
/// clock starts. Most clocks of a deal sit still during a move (finished ones, funnel-wide ones), and rewriting
/// them is most of what a move would otherwise cost the database.
/// </summary>
internal static class ClockComparer
{
    public static bool Unchanged(RegulationClock before, RegulationClock after) =>
        before.State == after.State
        && before.Consumed == after.Consumed
        && before.RunningSince == after.RunningSince
        && before.DueAt == after.DueAt
        && before.WarnAt == after.WarnAt
        && before.WarnedAt == after.WarnedAt
        && before.BreachedAt == after.BreachedAt
        && before.EscalationsRaised == after.EscalationsRaised
        && before.NextEscalationAt == after.NextEscalationAt
        && before.FinishedAt == after.FinishedAt
        && string.Equals(before.OwnerId, after.OwnerId, StringComparison.Ordinal)
        && before.Overrun == after.Overrun
        && before.Handovers.SequenceEqual(after.Handovers);
}
