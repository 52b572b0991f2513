using Crm.Api.Directory;
using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Tests.Persistence;

/// <summary>A migrated SQLite file in a temp folder, wired as the product wires it (WAL, FULL), with the real deal store.</summary>
internal sealed class StoreDatabase : IAsyncDisposable, IDbContextFactory<CrmDbContext>
{
    private readonly string _folder;
    private readonly string _connection;
    private readonly DbContextOptions<CrmDbContext> _options;

    private StoreDatabase(string folder)
    {
        _folder = folder;
        _connection = $"Data Source={Path.Combine(folder, "crm.db")};Pooling=True";
        _options = new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(_connection).AddInterceptors(SqlitePragmas.Instance).Options;
        Store = new EfDealStore(this, new UserDirectory(this));
    }

    public EfDealStore Store { get; }

    public static async Task<StoreDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crm-store-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        var database = new StoreDatabase(folder);
        await using var db = database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
        return database;
    }

    public CrmDbContext CreateDbContext() => CrmContexts.Create(_options);

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; let go of this database's before deleting it.
        using (var connection = new SqliteConnection(_connection))
            SqliteConnection.ClearPool(connection);
        System.IO.Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
