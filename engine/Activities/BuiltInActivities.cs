using Crm.Engine.Hosting;
using Crm.Engine.Runtime;

namespace Crm.Engine.Activities;

/// <summary>The activity types every funnel may use.</summary>
public static class BuiltInActivities
{
    public static IReadOnlyList<IActivityType> All() =>
    [
        new StageActivityType(),
        new EndActivityType(),
        new DecisionActivityType(),
        new TimerActivityType(),
        new NotifyActivityType(),
        new AssignActivityType(),
        new HandOffActivityType(),
    ];

    public static CrmEngineBuilder AddTo(CrmEngineBuilder builder) =>
        builder
            .AddActivity<StageActivityType>()
            .AddActivity<EndActivityType>()
            .AddActivity<DecisionActivityType>()
            .AddActivity<TimerActivityType>()
            .AddActivity<NotifyActivityType>()
            .AddActivity<AssignActivityType>()
            .AddActivity<HandOffActivityType>();
}
