namespace Crm.Engine.Alerts;

internal static class AlertIds
{
    /// <summary>Time-ordered ids, so alerts sort by when they were raised.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}
