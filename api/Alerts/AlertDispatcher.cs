using System.Threading.Channels;
using Crm.Api.Directory;
using Crm.Api.Hubs;
using Crm.Engine.Abstractions;
using Crm.Engine.Alerts;
using Microsoft.AspNetCore.SignalR;
using NodaTime;

namespace Crm.Api.Alerts;

/// <summary>
/// Sends alerts to their recipients' connections once the commit that raised them is durable. Sending is
/// best effort and in order; a client that misses one gets it on its next connect (the hub replays every
/// unacknowledged alert), so delivery is at least once and clients de-duplicate by id.
/// </summary>
public sealed class AlertDispatcher(IHubContext<AlertHub> hub, UserDirectory directory, ILogger<AlertDispatcher> logger)
    : BackgroundService, IDealCommitListener
{
    private readonly Channel<RaisedAlert> _outbox = Channel.CreateUnbounded<RaisedAlert>(new UnboundedChannelOptions { SingleReader = true });

    public void Committed(IReadOnlyList<RaisedAlert> alerts, IReadOnlyList<(string DealId, Instant? NextDueAt)> dueChanges)
    {
        foreach (var alert in alerts)
            _outbox.Writer.TryWrite(alert);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var alert in _outbox.Reader.ReadAllAsync(stoppingToken))
        {
            if (AlertRouting.RecipientOf(alert, directory) is not { } recipient)
                continue;
            try
            {
                await hub.Clients.Group(AlertRouting.GroupOf(recipient)).SendAsync(AlertHub.AlertMethod, AlertPayload.From(alert), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Alert {AlertId} was not pushed; it will be replayed when {UserId} reconnects.", alert.Id, recipient);
            }
        }
    }
}
