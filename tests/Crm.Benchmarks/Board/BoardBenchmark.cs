using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Benchmarks.Harness;
using Microsoft.Data.Sqlite;

namespace Crm.Benchmarks.Board;

/// <summary>
/// The board of one funnel holding 100,000 open deals (<c>--deals N</c>) in the real product's SQLite file, read over
/// HTTP as an admin sees it (every deal): the whole board, and the board narrowed by owner, by source and owner, by
/// text, by overdue clocks and by a missing next step; then one column's next page. 200 runs each (<c>--runs N</c>)
/// after a warm-up, p50/p99 (a tenth of that, at least 20, for the filters no index narrows: text, overdue, a source alone).
/// Then the same requests once more with the board's indexes dropped: the peer.
/// </summary>
internal static class BoardBenchmark
{
    private const string Funnel = "b2b-sales";
    private static readonly string[] Stages = ["contacts", "requirements", "portfolio", "proposal", "meeting", "negotiation", "contract", "invoice", "payment", "handover"];
    private static readonly string[] Sources = ["website", "cold-call", "referral-client", "referral-partner", "referral-employee", "tender"];
    private static readonly string[] Owners = ["anna", "boris", "head"];

    /// <summary>The indexes this benchmark is about (migration BoardsAndTransfers); dropped for the peer run.</summary>
    private static readonly string[] BoardIndexes = ["IX_Deals_Board", "IX_Deals_BoardByOwner", "IX_Deals_BoardBySource", "IX_Clocks_OpenBreachDeals"];

    public static async Task RunAsync(string[] args)
    {
        var deals = Option(args, "--deals") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 100_000;
        var runs = Option(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 200;
        var data = BenchHost.NewDataDirectory("board");
        try
        {
            await using var host = await BenchHost.StartAsync(data, runScheduler: false);
            var admin = await host.SignInAsync("admin@crm.local");
            var stages = await StageIdsAsync(admin);
            var connection = $"Data Source={Path.Combine(data, "crm.db")};Pooling=True";
            var generated = Stopwatch.StartNew();
            await FillAsync(connection, deals, stages);
            Console.WriteLine($"Generated {deals:N0} open deals over {stages.Count} stages of '{Funnel}' in {generated.Elapsed.TotalSeconds:N1} s");

            var board = await GetAsync(admin, $"/api/deals/board?workflowId={Funnel}");
            var columns = board.GetProperty("columns").EnumerateArray().ToList();
            Console.WriteLine($"Board: {columns.Sum(c => c.GetProperty("count").GetInt32()):N0} deals, {columns.Count} columns, {columns.Sum(c => c.GetProperty("deals").GetArrayLength())} cards on the first page");
            var cursor = columns[0].GetProperty("nextCursor").GetString();
            // Text, overdue and a source alone read every matching row of the funnel (no index narrows them): fewer runs.
            var heavy = Math.Max(20, runs / 10);
            var queries = new (string Name, string Url, int Runs)[]
            {
                ("whole board", $"/api/deals/board?workflowId={Funnel}", runs),
                ("ownerId=anna", $"/api/deals/board?workflowId={Funnel}&ownerId=anna", runs),
                ("ownerId=anna&source=tender", $"/api/deals/board?workflowId={Funnel}&ownerId=anna&source=tender", runs),
                ("nextStep=missing&ownerId=boris", $"/api/deals/board?workflowId={Funnel}&nextStep=missing&ownerId=boris", runs),
                ("one column's next page", $"/api/deals/board?workflowId={Funnel}&stageId={stages[0]}&cursor={cursor}", runs),
                ("source=tender", $"/api/deals/board?workflowId={Funnel}&source=tender", heavy),
                ("overdue=true", $"/api/deals/board?workflowId={Funnel}&overdue=true", heavy),
                ("q=client 4242", $"/api/deals/board?workflowId={Funnel}&q=client%204242", heavy),
            };
            var with = new List<LatencySummary>();
            foreach (var (name, url, count) in queries)
            {
                with.Add(await TimeAsync(admin, url, count));
                Console.WriteLine($"with the board indexes: {name,-34} {with[^1]}");
            }
            await DropIndexesAsync(connection);
            var without = new List<LatencySummary>();
            foreach (var (name, url, _) in queries)
            {
                without.Add(await TimeAsync(admin, url, heavy));
                Console.WriteLine($"without them (peer):    {name,-34} {without[^1]}");
            }
            Console.WriteLine($"{"query",-34} {"with the board indexes",-48} | without them (peer)");
            for (var i = 0; i < queries.Length; i++)
                Console.WriteLine($"{queries[i].Name,-34} p50 {with[i].P50,6:N1} ms p99 {with[i].P99,6:N1} ms (n={with[i].Count}) | p50 {without[i].P50,7:N1} ms p99 {without[i].P99,7:N1} ms (n={without[i].Count})  (p99 x{without[i].P99 / with[i].P99:N1})");
            Console.WriteLine("Each after 3 warm-ups, over HTTP on loopback, admin's sight (every deal).");
        }
        finally
        {
            BenchHost.DeleteData(data);
        }
    }

    private static async Task<List<string>> StageIdsAsync(HttpClient admin)
    {
        var board = await GetAsync(admin, $"/api/deals/board?workflowId={Funnel}");
        var ids = board.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("stageId").GetString()!).ToList();
        return ids.Count > 0 ? ids : [.. Stages];
    }

    private static async Task<LatencySummary> TimeAsync(HttpClient client, string url, int runs)
    {
        for (var i = 0; i < 3; i++)
            await GetAsync(client, url);
        var latencies = new Latencies();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await GetAsync(client, url);
            latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        return latencies.Summarise();
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Open deals spread over the stages (more at the top of the funnel), owners and sources; one in ten has a
    /// running clock of its stage, one in thirty a breached one; half have a next step, a fifth of those overdue.</summary>
    private static async Task FillAsync(string connectionString, int count, IReadOnlyList<string> stages)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * TimeSpan.TicksPerMillisecond;
        var hour = TimeSpan.TicksPerHour;
        using var deal = connection.CreateCommand();
        deal.Transaction = transaction;
        deal.CommandText = """
            INSERT INTO "Deals" ("Id", "Title", "WorkflowId", "WorkflowVersion", "StageId", "State", "OwnerId", "TeamId", "Amount", "Source",
                "ClientName", "ClientKind", "SearchText", "NextStepAt", "Data", "CreatedAt", "UpdatedAt", "Version")
            VALUES (@id, @title, 'b2b-sales', 1, @stage, 'open', @owner, 'sales', @amount, @source, @client, 'company', @search, @next,
                '{"bookmark":"Outcome"}', @created, @updated, 1)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "@id", "@title", "@stage", "@owner", "@amount", "@source", "@client", "@search", "@next", "@created", "@updated" })
            p[name] = deal.Parameters.Add(name, SqliteType.Text);
        using var clock = connection.CreateCommand();
        clock.Transaction = transaction;
        clock.CommandText = """
            INSERT INTO "Clocks" ("Id", "DealId", "WorkflowId", "RegulationId", "Name", "StageId", "State", "StartedAt", "LimitTicks", "ConsumedTicks",
                "RunningSince", "DueAt", "BreachedAt", "EscalationsRaised", "OwnerId")
            VALUES (@cid, @deal, 'b2b-sales', @stage, 'Stage time', @stage, @state, @started, @limit, 0, @started, @due, @breached, 0, @owner)
            """;
        var c = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "@cid", "@deal", "@stage", "@state", "@started", "@limit", "@due", "@breached", "@owner" })
            c[name] = clock.Parameters.Add(name, SqliteType.Text);
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            // Fewer deals the further down the funnel, as in a real one.
            var stage = stages[Math.Min(stages.Count - 1, (int)(-Math.Log(1 - random.NextDouble()) * stages.Count / 3))];
            var owner = random.Next(10) == 0 ? null : Owners[random.Next(Owners.Length)];
            var id = $"bench{i:D7}";
            var client = $"Client {i % 20_000}";
            var title = $"Deal {i} with {client}";
            var updated = now - random.NextInt64(90 * 24 * hour);
            var next = random.Next(2) == 0 ? (object)DBNull.Value : updated + (random.Next(5) == 0 ? -hour : 30 * 24 * hour);
            p["@id"].Value = id;
            p["@title"].Value = title;
            p["@stage"].Value = stage;
            p["@owner"].Value = (object?)owner ?? DBNull.Value;
            p["@amount"].Value = (random.Next(1, 1_000_000) / 100m).ToString(CultureInfo.InvariantCulture);
            p["@source"].Value = Sources[random.Next(Sources.Length)];
            p["@client"].Value = client;
            p["@search"].Value = $"{title} {client}".ToLowerInvariant();
            p["@next"].Value = next;
            p["@created"].Value = updated - 24 * hour;
            p["@updated"].Value = updated;
            await deal.ExecuteNonQueryAsync();
            if (i % 10 == 0)
            {
                var breached = i % 30 == 0;
                c["@cid"].Value = $"clock{i:D7}";
                c["@deal"].Value = id;
                c["@stage"].Value = stage;
                c["@state"].Value = breached ? "breached" : "running";
                c["@started"].Value = updated;
                c["@limit"].Value = 4 * hour;
                c["@due"].Value = updated + 4 * hour;
                c["@breached"].Value = breached ? updated + 4 * hour : DBNull.Value;
                c["@owner"].Value = (object?)owner ?? DBNull.Value;
                await clock.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task DropIndexesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var index in BoardIndexes)
        {
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP INDEX IF EXISTS \"{index}\"";
            await drop.ExecuteNonQueryAsync();
        }
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
        SqliteConnection.ClearAllPools();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
