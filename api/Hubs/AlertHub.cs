using Crm.Api.Alerts;
using Crm.Api.Auth;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Hubs;

/// <summary>
/// Live alerts. A connection joins only its own user's group — alerts are addressed to a person when raised —
/// and on every (re)connect gets the unacknowledged ones again with the same ids. No method lets a client
/// choose a group.
/// </summary>
[Authorize]
public sealed class AlertHub(IDbContextFactory<CrmDbContext> contexts, IClock clock, HubAccountWatch watch) : Hub
{
    public const string Path = "/hubs/alerts";
    public const string AlertMethod = "alert";

    public override async Task OnConnectedAsync()
    {
        // Closed again as soon as the account changes (HubAccountWatch).
        if (!watch.Opened(Context))
            return;
        var me = Caller.From(Context.User!).Id;
        await Groups.AddToGroupAsync(Context.ConnectionId, AlertRouting.GroupOf(me));
        await using var db = await contexts.CreateDbContextAsync(Context.ConnectionAborted);
        var missed = await db.Alerts.AsNoTracking().Where(a => a.RecipientId == me && a.AcknowledgedAt == null)
            .OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Take(1000).ToListAsync(Context.ConnectionAborted);
        foreach (var alert in missed)
            await Clients.Caller.SendAsync(AlertMethod, AlertPayload.From(alert), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watch.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Marks one of the caller's alerts as seen; it is not replayed again. Unknown or foreign ids are ignored.</summary>
    public async Task<bool> Ack(string alertId)
    {
        var me = Caller.From(Context.User!).Id;
        await using var db = await contexts.CreateDbContextAsync(Context.ConnectionAborted);
        var now = clock.GetCurrentInstant();
        var changed = await db.Alerts.Where(a => a.Id == alertId && a.RecipientId == me && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AcknowledgedAt, now), Context.ConnectionAborted);
        return changed > 0 || await db.Alerts.AnyAsync(a => a.Id == alertId && a.RecipientId == me, Context.ConnectionAborted);
    }
}
