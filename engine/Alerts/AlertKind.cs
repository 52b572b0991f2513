namespace Crm.Engine.Alerts;

/// <summary>The alert kinds of the contract, plus <c>notification</c> raised by a funnel's Notify activity.</summary>
public static class AlertKind
{
    public const string Warning = "warning";
    public const string Breach = "breach";
    public const string Escalation = "escalation";
    public const string NextStepOverdue = "nextStepOverdue";
    public const string Notification = "notification";
}
