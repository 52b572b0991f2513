using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Api.Infrastructure.Health;

/// <summary>Ready only while Hangfire's storage answers (a query of its servers); healthy when this node runs no jobs.</summary>
internal sealed class JobStorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<JobStorage>() is not { } storage)
            return Task.FromResult(HealthCheckResult.Healthy("This node runs no jobs."));
        var servers = storage.GetMonitoringApi().Servers();
        return Task.FromResult(HealthCheckResult.Healthy($"{servers.Count} job server(s) registered."));
    }
}
