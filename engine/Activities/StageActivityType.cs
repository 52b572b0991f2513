using Crm.Engine.Definitions;
using Crm.Engine.Runtime;

namespace Crm.Engine.Activities;

/// <summary>A status of the funnel: the deal rests here until its owner picks one of the outcomes; an outcome may
/// require data first (<c>requires</c>, see <see cref="StageRequirements"/>).</summary>
public sealed class StageActivityType : IActivityType
{
    public string TypeName => "Stage";

    public IActivity Compile(ActivityDefinition definition, ActivityCompileContext context)
    {
        var outcomes = ActivityOutcomes.Distinct(definition, context);
        if (outcomes.Count == 0)
            context.Report(ValidationCodes.NoOutcomes, $"Stage '{definition.DisplayName}' has no outcomes, so a deal could never leave it.");
        var returnOutcome = definition.ReturnOutcome;
        if (returnOutcome is not null)
        {
            if (!definition.PausesClocks)
                context.Report(ValidationCodes.BadSetting, $"Stage '{definition.DisplayName}' has a return outcome but does not pause clocks; only a pause stage returns the deal to where it was.");
            if (!outcomes.Contains(returnOutcome, StringComparer.Ordinal))
                context.Report(ValidationCodes.BadSetting, $"Return outcome '{returnOutcome}' is not one of the stage's outcomes.");
        }
        var connected = outcomes.Where(o => !string.Equals(o, returnOutcome, StringComparison.Ordinal)).ToArray();
        var requirements = StageRequirements.Compile(definition, outcomes, context);
        return new StageActivity(definition.Id, definition.DisplayName, connected,
            new ActivityTraits(IsStage: true, MayWait: true, PausesClocks: definition.PausesClocks, ReturnOutcome: returnOutcome), outcomes, requirements);
    }

    private sealed class StageActivity(string id, string name, IReadOnlyList<string> connected, ActivityTraits traits, IReadOnlyList<string> all, StageRequirements requirements)
        : IActivity, IChoosableOutcomes, IOutcomeRequirements
    {
        public string Id => id;
        public string Name => name;
        public string TypeName => "Stage";
        public IReadOnlyList<string> Outcomes => connected;
        public IReadOnlyList<string> ChoosableOutcomes => all;
        public ActivityTraits Traits => traits;

        public ActivityStep Enter(ActivityContext context) => ActivityStep.WaitForOutcome();

        public IReadOnlyDictionary<string, string[]> Missing(DealInstance deal, string outcome, NodaTime.Instant now, DealFacts facts) => requirements.Missing(deal, outcome, now, facts);

        public ActivityStep Resume(ActivityContext context, Resumption resumption) => resumption switch
        {
            Resumption.OutcomeChosen chosen when string.Equals(chosen.Outcome, traits.ReturnOutcome, StringComparison.Ordinal) => ActivityStep.Return(),
            Resumption.OutcomeChosen chosen => ActivityStep.Continue(chosen.Outcome),
            _ => ActivityStep.WaitForOutcome(),
        };
    }
}
