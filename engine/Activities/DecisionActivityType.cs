using Crm.Engine.Definitions;
using Crm.Engine.Definitions.Expressions;
using Crm.Engine.Runtime;

namespace Crm.Engine.Activities;

/// <summary>
/// Branches on a <c>condition</c> over deal fields, parsed once at publish: <c>True</c> or <c>False</c>
/// (or the first and second of the outcomes the definition names).
/// </summary>
public sealed class DecisionActivityType : IActivityType
{
    public string TypeName => "Decision";

    public IActivity Compile(ActivityDefinition definition, ActivityCompileContext context)
    {
        var outcomes = ActivityOutcomes.OrDefault(definition, context, "True", "False");
        if (outcomes.Count != 2)
            context.Report(ValidationCodes.BadSetting, $"Decision '{definition.DisplayName}' needs exactly two outcomes: one for true, one for false.");
        var text = definition.GetString("condition");
        Condition? condition = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            context.Report(ValidationCodes.BadCondition, $"Decision '{definition.DisplayName}' has no condition.");
        }
        else
        {
            var parsed = ConditionParser.Parse(text);
            if (parsed.Success)
                condition = parsed.Condition;
            foreach (var error in parsed.Errors)
                context.Report(ValidationCodes.BadCondition, $"Decision '{definition.DisplayName}': {error.Message}");
        }
        return new DecisionActivity(definition.Id, definition.DisplayName, outcomes.Count == 2 ? outcomes : ["True", "False"], condition);
    }

    private sealed class DecisionActivity(string id, string name, IReadOnlyList<string> outcomes, Condition? condition) : IActivity
    {
        public string Id => id;
        public string Name => name;
        public string TypeName => "Decision";
        public IReadOnlyList<string> Outcomes => outcomes;
        public ActivityTraits Traits => ActivityTraits.PassThrough;

        public ActivityStep Enter(ActivityContext context) =>
            ActivityStep.Continue(condition?.Evaluate(new DealConditionScope(context.Deal)) == true ? outcomes[0] : outcomes[1]);

        public ActivityStep Resume(ActivityContext context, Resumption resumption) => Enter(context);
    }
}
