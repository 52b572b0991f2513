using System.Threading.Channels;
using Crm.Api.Directory;
using Crm.Api.Hubs;
using Crm.Api.Persistence;
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
    private readonly Channel<(string? Recipient, AlertPayload Alert)> _outbox =
        Channel.CreateUnbounded<(string? Recipient, AlertPayload Alert)>(new UnboundedChannelOptions { SingleReader = true });

    public void Committed(IReadOnlyList<RaisedAlert> alerts, IReadOnlyList<(string DealId, Instant? NextDueAt)> dueChanges)
    {
        foreach (var alert in alerts)
            _outbox.Writer.TryWrite((AlertRouting.RecipientOf(alert, directory), AlertPayload.From(alert)));
    }

    /// <summary>Sends an alert stored outside a deal commit (an activity's reminder or overdue alert), once it is durable.</summary>
    public void Stored(AlertRecord alert) => _outbox.Writer.TryWrite((alert.RecipientId, AlertPayload.From(alert)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (recipient, alert) in _outbox.Reader.ReadAllAsync(stoppingToken))
        {
            if (recipient is null)
                continue;
            try
            {
                await hub.Clients.Group(AlertRouting.GroupOf(recipient)).SendAsync(AlertHub.AlertMethod, alert, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Alert {AlertId} was not pushed; it will be replayed when {UserId} reconnects.", alert.Id, recipient);
            }
        }
    }
}
