using Crm.Api.Directory;
using Crm.Engine.Alerts;

namespace Crm.Api.Alerts;

/// <summary>Who hears an alert: the deal's owner, or the head of the owner's team for head escalations and for deals nobody owns yet.</summary>
public static class AlertRouting
{
    public static string? RecipientOf(RaisedAlert alert, UserDirectory directory) =>
        alert.Audience == AlertAudience.Head || alert.OwnerId is null ? directory.HeadOf(alert.TeamId) : alert.OwnerId;

    public static string GroupOf(string userId) => $"user:{userId}";
}
