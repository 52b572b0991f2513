using Crm.Api.Persistence;
using NodaTime;

namespace Crm.Api.Activities;

/// <summary>When an activity's next alert is due: its reminder (when still ahead of the due time), then its overdue alert.</summary>
public static class ActivityAlarm
{
    public static Instant? Next(ActivityRecord a) =>
        a.State != ActivityKinds.Open ? null
        : !a.Reminded && a.RemindAt is { } remind && remind < a.DueAt ? remind
        : !a.OverdueAlerted ? a.DueAt
        : null;

    /// <summary>Arms the alerts of a new or rescheduled activity. Instants already past when it is planned stay silent: the
    /// person planning it sees it is late, and an alert about it at once would only be noise.</summary>
    public static void Arm(ActivityRecord a, Instant now)
    {
        a.Reminded = a.RemindAt is not { } remind || remind <= now;
        a.OverdueAlerted = a.DueAt <= now;
        a.AlarmAt = Next(a);
    }
}
