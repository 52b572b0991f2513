using Crm.Api.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Api.Infrastructure.Health;

/// <summary>Ready only while the SignalR backplane is connected to Redis (when one is configured).</summary>
internal sealed class RedisHealthCheck(IServiceProvider services, RedisConnection connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The backplane connects when SignalR first needs it; asking for the hub context makes sure it has started.
        _ = services.GetRequiredService<IHubContext<AlertHub>>();
        return Task.FromResult(connection.Multiplexer?.IsConnected == true
            ? HealthCheckResult.Healthy("Connected to Redis.")
            : HealthCheckResult.Unhealthy("The SignalR backplane is not connected to Redis."));
    }
}
