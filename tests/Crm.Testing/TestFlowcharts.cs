using Crm.Engine.Activities;
using Crm.Engine.Calendars;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;

namespace Crm.Testing;

/// <summary>Compiles funnels the way the host does: built-in activities and the test calendars.</summary>
public static class TestFlowcharts
{
    public static WorkflowCompiler Compiler(ICalendarProvider? calendars = null) =>
        new(new ActivityRegistry(BuiltInActivities.All()), calendars ?? TestCalendars.Registry());

    public static CompileResult Validate(WorkflowDefinition definition) => Compiler().Compile(definition);

    /// <summary>The compiled flowchart; throws listing the problems when the definition is not valid.</summary>
    public static Flowchart Compile(WorkflowDefinition definition, int version = 1)
    {
        var result = Compiler().Compile(definition, version);
        if (result.Flowchart is null || result.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Funnel '{definition.Id}' does not compile: "
                + string.Join("; ", result.Errors.Select(e => $"{e.ActivityId}: {e.Code} ({e.Message})")));
        }
        return result.Flowchart;
    }
}
