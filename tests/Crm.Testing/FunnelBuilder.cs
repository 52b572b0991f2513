using System.Text.Json;
using Crm.Engine.Definitions;

namespace Crm.Testing;

/// <summary>
/// Builds funnel definitions for tests in a few lines: activities, connections and regulations in the order a
/// reader expects them. The first activity is the start unless <see cref="StartAt"/> says otherwise.
/// </summary>
public sealed class FunnelBuilder(string id = "test-funnel")
{
    private readonly List<ActivityDefinition> _activities = [];
    private readonly List<ConnectionDefinition> _connections = [];
    private readonly List<RegulationDefinition> _regulations = [];
    private string? _calendarId;
    private string? _start;
    private bool _startSet;

    public FunnelBuilder WithCalendar(string? calendarId)
    {
        _calendarId = calendarId;
        return this;
    }

    public FunnelBuilder StartAt(string? activityId)
    {
        _start = activityId;
        _startSet = true;
        return this;
    }

    /// <summary>A stage waiting for one of <paramref name="outcomes"/>.</summary>
    public FunnelBuilder Stage(string id, params string[] outcomes) => Stage(id, outcomes, regulation: null);

    public FunnelBuilder Stage(string id, IReadOnlyList<string> outcomes, StageRegulation? regulation, bool pausesClocks = false, string? returnOutcome = null) =>
        Add(new ActivityDefinition
        {
            Id = id,
            Type = "Stage",
            Name = id,
            Outcomes = outcomes,
            Regulation = regulation,
            PausesClocks = pausesClocks,
            ReturnOutcome = returnOutcome,
        });

    public FunnelBuilder Decision(string id, string? condition) =>
        Add(Activity(id, "Decision", ("condition", condition)));

    public FunnelBuilder Timer(string id, string? duration = null, string? until = null) =>
        Add(Activity(id, "Timer", ("duration", duration), ("until", until)));

    public FunnelBuilder Notify(string id, string audience, string? message = null) =>
        Add(Activity(id, "Notify", ("notify", audience), ("message", message)));

    public FunnelBuilder Assign(string id, string strategy, string? teamId = null, string? userId = null) =>
        Add(Activity(id, "Assign", ("strategy", strategy), ("teamId", teamId), ("userId", userId)));

    public FunnelBuilder End(string id, string? result) => Add(Activity(id, "End", ("result", result)));

    public FunnelBuilder Add(ActivityDefinition activity)
    {
        _activities.Add(activity);
        return this;
    }

    public FunnelBuilder Connect(string source, string outcome, string target)
    {
        _connections.Add(new ConnectionDefinition { Source = source, Outcome = outcome, Target = target });
        return this;
    }

    public FunnelBuilder Regulation(string id, string? startOn, string? stopOn, string? duration, string? warnBefore = null,
        params (string After, string Notify)[] escalations)
    {
        _regulations.Add(new RegulationDefinition
        {
            Id = id,
            Name = id,
            StartOn = startOn,
            StopOn = stopOn,
            Duration = duration,
            WarnBefore = warnBefore,
            Escalations = Escalations(escalations),
        });
        return this;
    }

    public WorkflowDefinition Build() => new()
    {
        Id = id,
        Name = id,
        CalendarId = _calendarId,
        Start = _startSet ? _start : _activities.FirstOrDefault()?.Id,
        Activities = [.. _activities],
        Connections = [.. _connections],
        Regulations = [.. _regulations],
    };

    /// <summary>A stage regulation: <paramref name="duration"/> of working time, optionally a warning and escalations.</summary>
    public static StageRegulation Regulated(string? duration, string? warnBefore = null, params (string After, string Notify)[] escalations) => new()
    {
        Duration = duration,
        WarnBefore = warnBefore,
        Escalations = Escalations(escalations),
    };

    /// <summary>An activity of any type with string settings; null settings are left out.</summary>
    public static ActivityDefinition Activity(string id, string type, params (string Name, string? Value)[] settings) => new()
    {
        Id = id,
        Type = type,
        Name = id,
        Properties = settings.Where(s => s.Value is not null).ToDictionary(s => s.Name, s => JsonSerializer.SerializeToElement(s.Value)),
    };

    private static EscalationDefinition[] Escalations((string After, string Notify)[] escalations) =>
        [.. escalations.Select(e => new EscalationDefinition { After = e.After, Notify = e.Notify })];
}
