using Crm.Engine.Definitions;
using Crm.Engine.Runtime;

namespace Crm.Engine.Activities;

/// <summary>
/// Hands the deal to another funnel when reached: <c>"workflowId"</c> names it, <c>"stageId"</c> (optional) the stage to
/// enter there instead of its start. The deal keeps its id, journal and history; its clocks here are cancelled. An
/// inbox funnel ("Unsorted") sorts incoming deals into sales funnels this way.
/// </summary>
public sealed class HandOffActivityType : IActivityType
{
    public string TypeName => "HandOff";

    public IActivity Compile(ActivityDefinition definition, ActivityCompileContext context)
    {
        var workflowId = definition.GetString("workflowId");
        if (string.IsNullOrWhiteSpace(workflowId))
            context.Report(ValidationCodes.BadSetting, $"Hand-off '{definition.DisplayName}' needs \"workflowId\": the funnel it hands deals to.");
        if (definition.Outcomes is { Count: > 0 })
            context.Report(ValidationCodes.BadSetting, $"Hand-off '{definition.DisplayName}' sends the deal to another funnel and can have no outcomes.");
        return new HandOffActivity(definition.Id, definition.DisplayName, workflowId ?? "", definition.GetString("stageId"));
    }

    private sealed class HandOffActivity(string id, string name, string workflowId, string? stageId) : IHandOff
    {
        // Terminal for this funnel: the deal leaves it here (it does not close).
        private static readonly ActivityTraits Leaves = new(IsTerminal: true);

        public string Id => id;
        public string Name => name;
        public string TypeName => "HandOff";
        public IReadOnlyList<string> Outcomes => [];
        public ActivityTraits Traits => Leaves;
        public string TargetWorkflowId => workflowId;
        public string? TargetStageId => stageId;
        public ActivityStep Enter(ActivityContext context) => ActivityStep.HandOff(workflowId, stageId);
        public ActivityStep Resume(ActivityContext context, Resumption resumption) => Enter(context);
    }
}
