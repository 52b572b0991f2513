using Crm.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Api.Persistence;

/// <summary>Wires the store to the configured database: the embedded SQLite file, or a shared PostgreSQL.</summary>
internal static class DatabaseProvider
{
    public static void Configure(DbContextOptionsBuilder options, CrmOptions crm, DataDirectory data)
    {
        if (crm.UsesPostgres)
        {
            var connection = new NpgsqlConnectionStringBuilder(crm.ConnectionString
                ?? throw new InvalidOperationException("Crm:Database is postgres: set Crm:ConnectionString (Host=…;Database=…;Username=…;Password=…)."));
            // The store's hot-path statements are prepared by Npgsql itself once they repeat (SqlValues.Prepare).
            if (connection.MaxAutoPrepare == 0)
                connection.MaxAutoPrepare = 256;
            options.UseNpgsql(connection.ConnectionString, npgsql => npgsql.CommandTimeout(60));
            return;
        }
        if (!string.Equals(crm.Database, "sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Crm:Database '{crm.Database}' is neither sqlite nor postgres.");
        var file = crm.ConnectionString ?? $"Data Source={Path.Combine(data.Path, "crm.db")};Pooling=True";
        options.UseSqlite(file, sqlite => sqlite.CommandTimeout(60)).AddInterceptors(SqlitePragmas.Instance);
    }
}
