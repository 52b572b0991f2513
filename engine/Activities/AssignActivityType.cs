using Crm.Engine.Definitions;
using Crm.Engine.Runtime;

namespace Crm.Engine.Activities;

/// <summary>
/// Gives the deal an owner: <c>strategy: "roundRobin"</c> over the managers of <c>teamId</c> (the deal's team when
/// absent), <c>"user"</c> with <c>userId</c>, or <c>"queue"</c>: no owner, waiting in the team's queue to be taken.
/// </summary>
public sealed class AssignActivityType : IActivityType
{
    public string TypeName => "Assign";

    public IActivity Compile(ActivityDefinition definition, ActivityCompileContext context)
    {
        var strategy = definition.GetString("strategy") ?? "roundRobin";
        var userId = definition.GetString("userId");
        if (strategy is not ("roundRobin" or "user" or "queue"))
            context.Report(ValidationCodes.BadSetting, $"Assign '{definition.DisplayName}': strategy must be roundRobin, user or queue.");
        if (strategy == "user" && string.IsNullOrWhiteSpace(userId))
            context.Report(ValidationCodes.BadSetting, $"Assign '{definition.DisplayName}' assigns to a user but names none (\"userId\").");
        var outcomes = ActivityOutcomes.OrDefault(definition, context, "Done");
        if (outcomes.Count != 1)
            context.Report(ValidationCodes.BadSetting, $"Assign '{definition.DisplayName}' goes on one way only; give it one outcome.");
        return new AssignActivity(definition.Id, definition.DisplayName, outcomes, strategy, definition.GetString("teamId"), userId);
    }

    private sealed class AssignActivity(string id, string name, IReadOnlyList<string> outcomes, string strategy, string? teamId, string? userId) : IActivity
    {
        public string Id => id;
        public string Name => name;
        public string TypeName => "Assign";
        public IReadOnlyList<string> Outcomes => outcomes;
        public ActivityTraits Traits => ActivityTraits.PassThrough;

        public ActivityStep Enter(ActivityContext context)
        {
            var deal = context.Deal;
            var team = teamId ?? deal.TeamId;
            var owner = strategy switch
            {
                "user" when userId is not null && context.Environment.CanOwnDeals(userId) => userId,
                "roundRobin" when team is not null => context.Environment.NextInRotation(team),
                _ => null,
            };
            if (strategy == "user" && owner is null)
                return ActivityStep.Fail("assignee-unknown", $"Assign '{name}': user '{userId}' cannot own deals.");
            var previous = deal.OwnerId;
            deal.OwnerId = owner;
            deal.TeamId = owner is not null ? context.Environment.TeamOf(owner) ?? team : team;
            context.Record("assigned", new Dictionary<string, object?>
            {
                ["from"] = previous,
                ["to"] = owner,
                ["teamId"] = deal.TeamId,
                ["strategy"] = strategy,
                ["activityId"] = id,
            });
            return ActivityStep.Continue(outcomes[0]);
        }

        public ActivityStep Resume(ActivityContext context, Resumption resumption) => Enter(context);
    }
}
