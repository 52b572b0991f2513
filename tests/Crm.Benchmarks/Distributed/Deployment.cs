using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crm.Benchmarks.Distributed;

/// <summary>One deployment of real API processes: the embedded single node on SQLite, or N nodes on one PostgreSQL
/// database with Hangfire on PostgreSQL and the Redis backplane.</summary>
internal sealed class Deployment : IAsyncDisposable
{
    private static readonly string PostgresServer =
        Environment.GetEnvironmentVariable("CRM_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=crm;Password=crm";
    private static readonly string Redis = Environment.GetEnvironmentVariable("CRM_BENCH_REDIS") ?? "127.0.0.1:6379";

    private readonly string _folder;
    private readonly string? _database;

    private Deployment(string label, string folder, string? database, List<ApiNode> nodes)
    {
        Label = label;
        _folder = folder;
        _database = database;
        Nodes = nodes;
    }

    public string Label { get; }
    public IReadOnlyList<ApiNode> Nodes { get; }
    public bool IsPostgres => _database is not null;

    public static async Task<Deployment> StartEmbeddedAsync(int port)
    {
        var folder = NewFolder();
        var node = new ApiNode("sqlite", port, new Dictionary<string, string> { ["Crm:DataDirectory"] = folder }, folder);
        await node.StartAsync();
        return new Deployment("SQLite, 1 node", folder, null, [node]);
    }

    public static async Task<Deployment> StartPostgresAsync(int nodes, int firstPort)
    {
        var folder = NewFolder();
        var database = $"crm_bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(Admin()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var list = new List<ApiNode>();
        for (var i = 0; i < nodes; i++)
        {
            var data = Path.Combine(folder, $"node{i}");
            Directory.CreateDirectory(data);
            var node = new ApiNode($"pg-node{(char)('A' + i)}", firstPort + i, new Dictionary<string, string>
            {
                ["Crm:DataDirectory"] = data,
                ["Crm:Database"] = "postgres",
                ["Crm:ConnectionString"] = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString,
                ["Crm:Jobs"] = "postgres",
                ["Crm:Redis"] = Redis,
                ["Crm:SigningKey"] = "benchmark-signing-key-for-every-node-0123",
            }, folder);
            // One after the other: the first migrates and seeds, and holds the deadline lease.
            await node.StartAsync();
            list.Add(node);
        }
        return new Deployment($"PostgreSQL, {nodes} node{(nodes > 1 ? "s" : "")}", folder, database, list);
    }

    /// <summary>A connection to the deployment's database, for checking what it holds.</summary>
    public async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection connection = _database is null
            ? new SqliteConnection($"Data Source={Path.Combine(_folder, "crm.db")};Mode=ReadOnly")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _database }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
            await node.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Admin());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own cleanup.
        }
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crm-distributed", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Admin() => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString;
}
