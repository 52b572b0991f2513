using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>What an activity sees and may do while it runs for one deal.</summary>
public sealed class ActivityContext
{
    internal ActivityContext(DealInstance deal, Instant now, string? actorId, IActivityEnvironment environment, List<DealEvent> events)
    {
        Deal = deal;
        Now = now;
        ActorId = actorId;
        Environment = environment;
        _events = events;
    }

    private readonly List<DealEvent> _events;

    public DealInstance Deal { get; }
    public Instant Now { get; }
    /// <summary>The user whose action runs the workflow, or null for the engine itself (timers).</summary>
    public string? ActorId { get; }
    public IActivityEnvironment Environment { get; }

    /// <summary>Adds an entry to the deal's history.</summary>
    public void Record(string kind, IReadOnlyDictionary<string, object?> details) =>
        _events.Add(new DealEvent(Now, ActorId, kind, details));
}
