using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Crm.Api.Persistence;
using Crm.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.Tests.Fuzz;

/// <summary>
/// A cheap picture of every table of the product's database: its row count and a hash of its rows (in a fixed order),
/// read with raw SQL so that tables added later are covered without changing this file. Two equal fingerprints mean
/// no row was added, removed or changed.
/// </summary>
internal static class DatabaseFingerprint
{
    // A refused sign-in or password change must count toward the account's lockout, or guessing would be free: those two
    // columns are the one thing a rejected request is meant to change, and nothing else of the row may move with them.
    private static readonly HashSet<(string Table, string Column)> Bookkeeping =
    [
        ("Users", nameof(UserRecord.FailedSignIns)),
        ("Users", nameof(UserRecord.LockedUntil)),
    ];

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        // SQLite's own bookkeeping and EF's migration history are not the product's data.
        tables.RemoveAll(t => t.StartsWith("sqlite_", StringComparison.Ordinal) || t.StartsWith("__EF", StringComparison.Ordinal));
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
            result[table] = await HashAsync(connection, table);
        return result;
    }

    public static string Difference(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join(", ", before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t) ?? "absent"} -> {after.GetValueOrDefault(t) ?? "absent"}"));

    private static string? Show(DbDataReader reader, int column) => reader.IsDBNull(column)
        ? "\u2400"
        : reader.GetValue(column) switch
        {
            byte[] bytes => Convert.ToHexString(bytes),
            // PostgreSQL arrays (text[]) arrive as arrays: their items are the data.
            System.Collections.IEnumerable items and not string => string.Join("\u241E", items.Cast<object?>().Select(Invariant)),
            var value => Invariant(value),
        };

    private static string? Invariant(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> HashAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        // Rows are hashed one by one and the row hashes sorted, so the order the database returns them in does not matter.
        var rows = new List<string>();
        var text = new StringBuilder();
        while (await reader.ReadAsync())
        {
            text.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!Bookkeeping.Contains((table, reader.GetName(i))))
                    text.Append(Show(reader, i)).Append('\u241F');
            }
            rows.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 8));
        }
        rows.Sort(StringComparer.Ordinal);
        var all = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", rows))), 0, 8);
        return $"{rows.Count} rows #{all}";
    }
}
