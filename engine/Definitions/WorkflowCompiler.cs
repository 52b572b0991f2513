using Crm.Engine.Calendars;
using Crm.Engine.Runtime;

namespace Crm.Engine.Definitions;

/// <summary>
/// Checks a funnel definition and compiles it into a runnable <see cref="Flowchart"/>. Reports every problem
/// at once; a definition with any problem compiles to nothing.
/// </summary>
public sealed class WorkflowCompiler(ActivityRegistry registry, ICalendarProvider calendars)
{
    public CompileResult Compile(WorkflowDefinition definition, int version = 0)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(definition.Id))
            errors.Add(new(null, ValidationCodes.MissingId, "The funnel needs an id."));
        var calendar = calendars.Find(definition.EffectiveCalendarId);
        if (calendar is null)
            errors.Add(new(null, ValidationCodes.UnknownCalendar, $"Calendar '{definition.CalendarId}' does not exist."));

        var activities = CompileActivities(definition, calendar, errors);
        if (string.IsNullOrWhiteSpace(definition.Start) || !activities.ContainsKey(definition.Start))
        {
            var known = definition.Activities.Any(a => a.Id == definition.Start);
            if (!known)
                errors.Add(new(definition.Start, ValidationCodes.MissingStart,
                    string.IsNullOrWhiteSpace(definition.Start) ? "The funnel has no start activity." : $"Start activity '{definition.Start}' does not exist."));
        }
        var next = Wire(definition, activities, errors);
        var graph = new FlowGraph(activities, next);
        if (definition.Start is not null && activities.ContainsKey(definition.Start))
            graph.Check(definition.Start, errors);
        var regulations = new RegulationCompiler(definition, activities, calendar, errors).Compile();

        if (errors.Count > 0 || calendar is null)
            return new CompileResult(null, errors);
        return new CompileResult(new Flowchart(definition, version, calendar, activities, next, regulations), errors);
    }

    private Dictionary<string, IActivity> CompileActivities(WorkflowDefinition definition, IWorkingCalendar? calendar, List<ValidationError> errors)
    {
        var activities = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in definition.Activities)
        {
            if (string.IsNullOrWhiteSpace(activity.Id))
            {
                errors.Add(new(null, ValidationCodes.MissingId, $"An activity of type '{activity.Type}' has no id."));
                continue;
            }
            if (!seen.Add(activity.Id))
            {
                errors.Add(new(activity.Id, ValidationCodes.DuplicateId, $"Two activities have the id '{activity.Id}'."));
                continue;
            }
            var type = registry.Find(activity.Type ?? "");
            if (type is null)
            {
                errors.Add(new(activity.Id, ValidationCodes.UnknownType,
                    $"'{activity.DisplayName}' has type '{activity.Type}', which is not one of: {string.Join(", ", registry.TypeNames)}."));
                continue;
            }
            var compiled = type.Compile(activity, new ActivityCompileContext(activity.Id, calendar, errors));
            activities[activity.Id] = compiled;
        }
        foreach (var regulation in definition.Regulations)
        {
            if (seen.Contains(regulation.Id))
                errors.Add(new(regulation.Id, ValidationCodes.DuplicateId, $"Regulation '{regulation.Id}' has the id of an activity; stage regulations use the stage's id."));
        }
        return activities;
    }

    private static Dictionary<(string, string), string> Wire(WorkflowDefinition definition, Dictionary<string, IActivity> activities, List<ValidationError> errors)
    {
        var next = new Dictionary<(string, string), string>();
        var declared = definition.Activities.Where(a => !string.IsNullOrWhiteSpace(a.Id)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var connection in definition.Connections)
        {
            if (!declared.Contains(connection.Source))
            {
                errors.Add(new(connection.Source, ValidationCodes.ConnectionFromNowhere, $"A connection starts at '{connection.Source}', which does not exist."));
                continue;
            }
            if (!declared.Contains(connection.Target))
            {
                errors.Add(new(connection.Source, ValidationCodes.ConnectionToNowhere,
                    $"Outcome '{connection.Outcome}' of '{connection.Source}' leads to '{connection.Target}', which does not exist."));
                continue;
            }
            if (!activities.TryGetValue(connection.Source, out var source))
                continue;
            if (!source.Outcomes.Contains(connection.Outcome, StringComparer.Ordinal))
            {
                var why = source.Traits.ReturnOutcome == connection.Outcome
                    ? "it returns the deal to where it was paused and takes no connection"
                    : $"the outcomes are: {string.Join(", ", source.Outcomes)}";
                errors.Add(new(source.Id, ValidationCodes.UnknownOutcome, $"'{source.Name}' has a connection for outcome '{connection.Outcome}', but {why}."));
                continue;
            }
            if (!next.TryAdd((connection.Source, connection.Outcome), connection.Target))
                errors.Add(new(source.Id, ValidationCodes.DuplicateConnection, $"Outcome '{connection.Outcome}' of '{source.Name}' is connected twice."));
        }
        foreach (var activity in activities.Values)
        {
            foreach (var outcome in activity.Outcomes)
            {
                if (!next.ContainsKey((activity.Id, outcome)))
                    errors.Add(new(activity.Id, ValidationCodes.UnconnectedOutcome, $"Outcome '{outcome}' of '{activity.Name}' leads nowhere; connect it."));
            }
        }
        return next;
    }
}

/// <summary>The outcome of compiling: the flowchart when valid, and every problem found.</summary>
public sealed record CompileResult(Flowchart? Flowchart, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Flowchart is not null && Errors.Count == 0;
}
