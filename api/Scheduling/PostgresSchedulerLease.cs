using System.Diagnostics;
using Crm.Api.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Api.Scheduling;

/// <summary>
/// The lease as a PostgreSQL session-level advisory lock, held on a connection of its own. PostgreSQL lets go of it the
/// moment that session ends: a node that is stopped, crashes or is killed hands the lease over without saying so, and
/// the next node to ask takes it (within <see cref="DeadlineScheduler"/>'s retry). No timer state moves with it: every
/// due instant is a column of the shared database, so the new holder's first query finds whatever is due.
/// </summary>
internal sealed class PostgresSchedulerLease(IOptions<CrmOptions> options, ILogger<PostgresSchedulerLease> logger)
    : ISchedulerLease, IAsyncDisposable
{
    // Any number every node agrees on: "crm-due" in ASCII.
    private const long LockKey = 0x63726d2d647565;
    // How often a holder checks that its session (and so its lock) is still there.
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Stopwatch _sinceCheck = new();
    private NpgsqlConnection? _connection;
    private bool _held;

    public async Task<bool> TryHoldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_held && _sinceCheck.Elapsed < Recheck)
                return true;
            _connection ??= await OpenAsync(cancellationToken);
            await using var command = _held
                ? new NpgsqlCommand("SELECT true", _connection)
                : new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", _connection);
            var held = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (held && !_held)
                logger.LogInformation("This node now fires deadlines.");
            _held = held;
            _sinceCheck.Restart();
            return held;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The session is gone, and with it the lock: another node may take over while this one reconnects.
            if (_held)
                logger.LogWarning(ex, "Lost the deadline lease; another node takes over.");
            await DropAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ReleaseAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await DropAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _gate.Dispose();
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Unpooled: closing must end the session, so the lock is released at once and not parked in a pool.
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false, KeepAlive = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task DropAsync()
    {
        _held = false;
        if (_connection is not null)
            await _connection.DisposeAsync();
        _connection = null;
    }
}
