namespace Crm.Engine.Alerts;

/// <summary>Who an alert is for: the deal's owner, or the head of the owner's team.</summary>
public static class AlertAudience
{
    public const string Owner = "owner";
    public const string Head = "head";

    public static bool IsKnown(string? audience) => audience is Owner or Head;
}
