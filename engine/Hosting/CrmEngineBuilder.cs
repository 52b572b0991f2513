using Crm.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.Engine.Hosting;

/// <summary>Configures the engine: which activity types it knows. <c>services.AddCrmEngine(e => e.AddActivity&lt;MyActivity&gt;())</c>.</summary>
public sealed class CrmEngineBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    public CrmEngineBuilder AddActivity<TActivityType>() where TActivityType : class, IActivityType
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityType, TActivityType>());
        return this;
    }
}
