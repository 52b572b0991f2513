using Npgsql;

namespace Crm.Api.Tests.Infrastructure;

/// <summary>
/// Which database the API tests run on. SQLite by default; PostgreSQL when <c>CRM_TEST_DATABASE=postgres</c>, with
/// <c>CRM_TEST_POSTGRES</c> naming a server (a connection string without a database) where each test host gets a
/// fresh database of its own, named after its data folder so a restart on the same folder finds the same data.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("CRM_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server, from <c>CRM_TEST_POSTGRES</c>.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "CRM_TEST_POSTGRES is not set: give a PostgreSQL server as a connection string without a database, " +
                "e.g. Host=127.0.0.1;Username=crm;Password=crm (./test.sh and .ci/run set it up).");

    /// <summary>Redis for the SignalR backplane, from <c>CRM_TEST_REDIS</c> (host:port).</summary>
    public static string? Redis => Environment.GetEnvironmentVariable("CRM_TEST_REDIS") is { Length: > 0 } redis ? redis : null;

    public static string DatabaseNameFor(string dataDirectory) =>
        "crm_test_" + new string(Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDirectory)).ToLowerInvariant()
            .Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>Creates the database unless it exists; returns its connection string.</summary>
    public static string EnsurePostgres(string name)
    {
        using (var connection = new NpgsqlConnection(Admin()))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                create.ExecuteNonQuery();
            }
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static void DropPostgres(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Admin());
        connection.Open();
        // FORCE: a node of a distributed test may still hold a pooled connection to it. An autovacuum worker on the fresh
        // database belongs to another role, which FORCE may not end (42501): it finishes within moments, so try again,
        // and past that leave the database behind: cleaning up must never fail the test it follows.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 20)
                    return;
                Thread.Sleep(250);
            }
        }
    }

    private static string Admin() => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString;
}
