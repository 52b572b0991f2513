using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Api.Infrastructure.Health;

/// <summary>Ready only while the database answers.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<CrmDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy(db.Database.ProviderName)
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
