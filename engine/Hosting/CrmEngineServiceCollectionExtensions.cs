using Crm.Engine.Activities;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Engine.Hosting;

public static class CrmEngineServiceCollectionExtensions
{
    /// <summary>Adds the engine with the built-in activities (Stage, Decision, Timer, Notify, Assign, End).
    /// The host supplies <see cref="Calendars.ICalendarProvider"/> and <see cref="IActivityEnvironment"/>.</summary>
    public static IServiceCollection AddCrmEngine(this IServiceCollection services, Action<CrmEngineBuilder>? configure = null)
    {
        var builder = new CrmEngineBuilder(services);
        BuiltInActivities.AddTo(builder);
        configure?.Invoke(builder);
        services.AddSingleton<ActivityRegistry>();
        services.AddSingleton<WorkflowCompiler>();
        services.AddSingleton<DealEngine>();
        return services;
    }
}
