using Crm.Engine.Alerts;
using Crm.Engine.Calendars;
using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>What an activity sees and may do while it runs for one deal.</summary>
public sealed class ActivityContext
{
    internal ActivityContext(DealInstance deal, Instant now, string? actorId, IActivityEnvironment environment, IWorkingCalendar calendar, DealChanges changes)
    {
        Deal = deal;
        Now = now;
        ActorId = actorId;
        Environment = environment;
        Calendar = calendar;
        _changes = changes;
    }

    private readonly DealChanges _changes;

    public DealInstance Deal { get; }
    public Instant Now { get; }
    /// <summary>The user whose action runs the workflow, or null for the engine itself (timers).</summary>
    public string? ActorId { get; }
    public IActivityEnvironment Environment { get; }
    /// <summary>The funnel's business calendar.</summary>
    public IWorkingCalendar Calendar { get; }

    /// <summary>Adds an entry to the deal's history.</summary>
    public void Record(string kind, IReadOnlyDictionary<string, object?> details) =>
        _changes.Record(Now, ActorId, kind, details);

    /// <summary>Raises an alert about this deal for its owner or the head of its team.</summary>
    public void Notify(string audience, string? message, string? stageId, string? stageName) =>
        _changes.Raise(new RaisedAlert
        {
            Id = AlertIds.New(),
            Kind = AlertKind.Notification,
            Audience = audience,
            DealId = Deal.Id,
            DealTitle = Deal.Title,
            StageId = stageId,
            StageName = stageName,
            OwnerId = Deal.OwnerId,
            TeamId = Deal.TeamId,
            RaisedAt = Now,
            Message = message,
        });
}
