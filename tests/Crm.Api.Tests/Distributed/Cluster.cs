using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Persistence;
using Crm.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Api.Tests.Distributed;

/// <summary>
/// API nodes on their own loopback ports, all on one PostgreSQL database and one Redis backplane, each running its
/// deadline scheduler and a Hangfire server on the real clock — the distributed setup as the README configures it.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    // One key for every node, as a real deployment configures it: a token from one node is good on the others.
    private const string SigningKey = "distributed-tests-signing-key-0123456789";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));
    private readonly List<CrmTestHost> _running = [];

    public static Cluster Create()
    {
        if (!TestDatabase.IsPostgres || TestDatabase.Redis is null)
            throw new InvalidOperationException(
                "The distributed tests need PostgreSQL and Redis: set CRM_TEST_DATABASE=postgres, CRM_TEST_POSTGRES " +
                "(e.g. Host=127.0.0.1;Username=crm;Password=crm) and CRM_TEST_REDIS (e.g. 127.0.0.1:6379). " +
                ".ci/run installs both from Debian packages and starts them on 127.0.0.1.");
        return new Cluster();
    }

    /// <summary>Starts one more node; the first to start migrates, seeds and holds the deadline lease.</summary>
    public async Task<CrmTestHost> StartNodeAsync()
    {
        var node = await CrmTestHost.StartAsync(_dataDirectory, clock: null, runScheduler: true, SystemClock.Instance, settings =>
        {
            settings["Crm:Jobs"] = "postgres";
            settings["Crm:Redis"] = TestDatabase.Redis;
            settings["Crm:SigningKey"] = SigningKey;
        });
        _running.Add(node);
        return node;
    }

    public async Task StopNodeAsync(CrmTestHost node)
    {
        _running.Remove(node);
        await node.DisposeAsync();
    }

    /// <summary>Publishes funnel <c>fast</c>: stage "offer" with the given regulation on the 24x7 calendar, so each deal
    /// that sits there breaches once; with <paramref name="callFirst"/>, deals start in stage "call" and reach "offer" by
    /// the outcome Called.</summary>
    public static async Task PublishAsync(CrmTestHost node, string regulation, bool callFirst = false)
    {
        var admin = await node.SignInAsync("admin@crm.local");
        var call = callFirst ? """{ "id": "call", "type": "Stage", "name": "Call the client", "outcomes": ["Called"] },""" : "";
        var toOffer = callFirst ? """{ "source": "call", "outcome": "Called", "target": "offer" },""" : "";
        var funnel = JsonNode.Parse($$"""
            { "id": "fast", "name": "Fast", "calendarId": "24x7", "start": "{{(callFirst ? "call" : "offer")}}",
              "activities": [
                {{call}}
                { "id": "offer", "type": "Stage", "name": "Send the offer", "outcomes": ["Sent"],
                  "regulation": { "duration": "{{regulation}}" } },
                { "id": "won", "type": "End", "result": "won" } ],
              "connections": [
                {{toOffer}}
                { "source": "offer", "outcome": "Sent", "target": "won" } ] }
            """)!;
        (await admin.PostJsonAsync("/api/workflows", funnel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsync("/api/workflows/fast/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task<string> OpenDealAsync(HttpClient client, string title)
    {
        var response = await client.PostJsonAsync("/api/deals", new { title, workflowId = "fast" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).Str("id");
    }

    /// <summary>What the shared database holds: clocks breached, clocks breached exactly at their deadline, breach alerts.</summary>
    public static async Task<(int Breached, int AtDeadline, int Alerts)> CountAsync(CrmTestHost node)
    {
        await using var db = await node.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var breached = await db.Clocks.CountAsync(c => c.BreachedAt != null);
        var atDeadline = await db.Clocks.CountAsync(c => c.BreachedAt != null && c.BreachedAt == c.DueAt);
        var alerts = await db.Alerts.CountAsync(a => a.Kind == "breach");
        return (breached, atDeadline, alerts);
    }

    /// <summary>Polls the database until <paramref name="done"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<(int Breached, int AtDeadline, int Alerts)> WaitForAsync(CrmTestHost node,
        Func<(int Breached, int AtDeadline, int Alerts), bool> done, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var counts = await CountAsync(node);
            if (done(counts) || waited.Elapsed > timeout)
                return counts;
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(_running))
            await node.DisposeAsync();
        _running.Clear();
        TestDatabase.DropPostgres(TestDatabase.DatabaseNameFor(_dataDirectory));
        try
        {
            System.IO.Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleanup.
        }
    }
}
