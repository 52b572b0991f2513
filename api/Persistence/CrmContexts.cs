using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Makes the context of the configured database, so that <c>Migrate()</c> applies that database's migration set. The
/// provider is read from the options (each provider names its assembly), so a test or benchmark that wires SQLite by
/// hand gets the SQLite set too.
/// </summary>
public sealed class CrmContexts(DbContextOptions<CrmDbContext> options) : IDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext() => Create(options);

    public static CrmDbContext Create(DbContextOptions<CrmDbContext> options) =>
        IsPostgres(options) ? new PostgresCrmDbContext(options) : new SqliteCrmDbContext(options);

    private static bool IsPostgres(DbContextOptions options) =>
        options.Extensions.Any(e => e.GetType().Assembly.GetName().Name == "Npgsql.EntityFrameworkCore.PostgreSQL");
}
