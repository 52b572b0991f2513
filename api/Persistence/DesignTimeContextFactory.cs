using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Api.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteCrmDbContext</c> build the model without starting the host.</summary>
internal sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgresCrmDbContext</c> build the model; adding a migration never connects.</summary>
internal sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
