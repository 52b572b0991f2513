using Crm.Engine.Definitions;
using Crm.Engine.Runtime;

namespace Crm.Engine.Activities;

/// <summary>Closes the deal as won or lost.</summary>
public sealed class EndActivityType : IActivityType
{
    public string TypeName => "End";

    public IActivity Compile(ActivityDefinition definition, ActivityCompileContext context)
    {
        var text = definition.GetString("result");
        var result = text?.ToLowerInvariant() switch
        {
            "won" => DealState.Won,
            "lost" => DealState.Lost,
            _ => (DealState?)null,
        };
        if (result is null)
            context.Report(ValidationCodes.BadSetting, $"End '{definition.DisplayName}' needs \"result\": \"won\" or \"lost\".");
        if (definition.Outcomes is { Count: > 0 })
            context.Report(ValidationCodes.BadSetting, $"End '{definition.DisplayName}' closes the deal and can have no outcomes.");
        return new EndActivity(definition.Id, definition.DisplayName, result ?? DealState.Lost);
    }

    private sealed class EndActivity(string id, string name, DealState result) : IActivity
    {
        private static readonly ActivityTraits Terminal = new(IsTerminal: true);

        public string Id => id;
        public string Name => name;
        public string TypeName => "End";
        public IReadOnlyList<string> Outcomes => [];
        public ActivityTraits Traits => Terminal;
        public ActivityStep Enter(ActivityContext context) => ActivityStep.Close(result);
        public ActivityStep Resume(ActivityContext context, Resumption resumption) => ActivityStep.Close(result);
    }
}
