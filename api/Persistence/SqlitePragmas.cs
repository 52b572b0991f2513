using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Api.Persistence;

/// <summary>
/// Per-connection SQLite settings: a commit is on disk before it returns (synchronous=FULL), and writers wait
/// for each other instead of failing (busy_timeout). WAL itself is set once on the database file at start.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>What the product uses: every acknowledged commit survives a power cut.</summary>
    public static readonly SqlitePragmas Instance = new("FULL");

    /// <summary>
    /// synchronous=NORMAL: in WAL mode the last commits before a power cut may be lost (never corrupted). Only the
    /// benchmarks use it, to show what durability costs; the host always wires <see cref="Instance"/>.
    /// </summary>
    public static readonly SqlitePragmas NormalSync = new("NORMAL");

    private readonly string _pragmas;

    private SqlitePragmas(string synchronous) =>
        _pragmas = $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
