using Crm.Api.Infrastructure.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Crm.Api.Infrastructure;

/// <summary>
/// Per node: <c>/health/live</c> answers while the process serves at all (restart it when not); <c>/health/ready</c>
/// answers 200 only while the database, Hangfire's storage and (when configured) the Redis backplane answer, so a
/// load balancer sends moves only to nodes that can commit them. Both anonymous.
/// </summary>
public static class CrmHealth
{
    private const string Ready = "ready";

    public static IServiceCollection AddCrmHealth(this IServiceCollection services, CrmOptions crm)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: [Ready]);
        if (!string.IsNullOrEmpty(crm.Redis))
            checks.AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        return services;
    }

    public static void MapCrmHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
    }
}
