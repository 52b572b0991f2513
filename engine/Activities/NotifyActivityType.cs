using Crm.Engine.Alerts;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;

namespace Crm.Engine.Activities;

/// <summary>Raises a notification for the deal's owner (<c>notify: "owner"</c>) or the head of its team, then goes on.</summary>
public sealed class NotifyActivityType : IActivityType
{
    public string TypeName => "Notify";

    public IActivity Compile(ActivityDefinition definition, ActivityCompileContext context)
    {
        var audience = definition.GetString("notify") ?? AlertAudience.Owner;
        if (!AlertAudience.IsKnown(audience))
            context.Report(ValidationCodes.BadSetting, $"Notify '{definition.DisplayName}': \"notify\" must be \"owner\" or \"head\".");
        var outcomes = ActivityOutcomes.OrDefault(definition, context, "Done");
        if (outcomes.Count != 1)
            context.Report(ValidationCodes.BadSetting, $"Notify '{definition.DisplayName}' goes on one way only; give it one outcome.");
        return new NotifyActivity(definition.Id, definition.DisplayName, outcomes, audience, definition.GetString("message"));
    }

    private sealed class NotifyActivity(string id, string name, IReadOnlyList<string> outcomes, string audience, string? message) : IActivity
    {
        public string Id => id;
        public string Name => name;
        public string TypeName => "Notify";
        public IReadOnlyList<string> Outcomes => outcomes;
        public ActivityTraits Traits => ActivityTraits.PassThrough;

        public ActivityStep Enter(ActivityContext context)
        {
            context.Notify(audience, message ?? name, id, name);
            return ActivityStep.Continue(outcomes[0]);
        }

        public ActivityStep Resume(ActivityContext context, Resumption resumption) => Enter(context);
    }
}
