using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Engine.Activities;

/// <summary>Waits a working-time <c>duration</c>, or <c>until: "nextStep"</c> (the deal's next-step date), then goes on by <c>Done</c>.</summary>
public sealed class TimerActivityType : IActivityType
{
    public string TypeName => "Timer";

    public IActivity Compile(ActivityDefinition definition, ActivityCompileContext context)
    {
        var until = definition.GetString("until");
        Duration? duration = null;
        if (until is not null)
        {
            if (!string.Equals(until, "nextStep", StringComparison.Ordinal))
                context.Report(ValidationCodes.BadSetting, $"Timer '{definition.DisplayName}': \"until\" can only be \"nextStep\".");
            if (definition.Has("duration"))
                context.Report(ValidationCodes.BadSetting, $"Timer '{definition.DisplayName}' has both \"duration\" and \"until\"; keep one.");
        }
        else
        {
            duration = context.ParseDuration(definition.GetString("duration"), $"Timer '{definition.DisplayName}' duration");
        }
        var outcomes = ActivityOutcomes.OrDefault(definition, context, "Done");
        if (outcomes.Count != 1)
            context.Report(ValidationCodes.BadSetting, $"Timer '{definition.DisplayName}' goes on one way only; give it one outcome.");
        return new TimerActivity(definition.Id, definition.DisplayName, outcomes, duration);
    }

    private sealed class TimerActivity(string id, string name, IReadOnlyList<string> outcomes, Duration? duration) : IActivity
    {
        public string Id => id;
        public string Name => name;
        public string TypeName => "Timer";
        public IReadOnlyList<string> Outcomes => outcomes;
        private static readonly ActivityTraits Waiting = new(MayWait: true);

        public ActivityTraits Traits => Waiting;

        public ActivityStep Enter(ActivityContext context)
        {
            var at = duration is { } d
                ? context.Calendar.Deadline(context.Now, d)
                : context.Deal.NextStep?.At;
            return at is { } due && due > context.Now ? ActivityStep.WaitUntil(due) : ActivityStep.Continue(outcomes[0]);
        }

        public ActivityStep Resume(ActivityContext context, Resumption resumption) => resumption switch
        {
            Resumption.TimerFired => ActivityStep.Continue(outcomes[0]),
            _ => ActivityStep.Fail("not-waiting-for-outcome", $"'{name}' is a timer; it goes on by itself."),
        };
    }
}
