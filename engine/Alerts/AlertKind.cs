namespace Crm.Engine.Alerts;

/// <summary>The alert kinds of the contract, plus <c>notification</c> raised by a funnel's Notify activity and the activity alerts.</summary>
public static class AlertKind
{
    public const string Warning = "warning";
    public const string Breach = "breach";
    public const string Escalation = "escalation";
    /// <summary>An activity's reminder, at its remind time (raised by the host, which keeps activities).</summary>
    public const string ActivityReminder = "activityReminder";
    /// <summary>An open activity reached its due time; a deal's overdue next step is this alert of its activity.</summary>
    public const string ActivityOverdue = "activityOverdue";
    public const string Notification = "notification";
}
