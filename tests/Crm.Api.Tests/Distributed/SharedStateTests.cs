using System.Net;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Distributed;

/// <summary>Edits that each node keeps in memory (people, teams, calendars) made on one node reach the other at once.</summary>
public sealed class SharedStateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly object[] Day = [new { from = "09:00", to = "18:00" }];

    [DistributedFact]
    public async Task ARenameAndANewCalendar_OnNodeA_AreSeenOnNodeB_WithoutARestart()
    {
        await using var cluster = Cluster.Create();
        var a = await cluster.StartNodeAsync();
        var b = await cluster.StartNodeAsync();
        var adminOnA = await a.SignInAsync("admin@crm.local");
        var adminOnB = await b.SignInAsync("admin@crm.local");
        (await adminOnB.GetAsync("/api/calendars/lisbon")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await adminOnA.PutJsonAsync("/api/users/boris", new { name = "Boris Renamed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lisbon = new
        {
            id = "lisbon", name = "Lisbon office", timeZone = "Europe/Lisbon",
            week = new
            {
                monday = Day, tuesday = Day, wednesday = Day, thursday = Day, friday = Day,
                saturday = Array.Empty<object>(), sunday = Array.Empty<object>(),
            },
        };
        (await adminOnA.PutJsonAsync("/api/calendars/lisbon", lisbon)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await EventuallyAsync(async () =>
            (await (await adminOnB.GetAsync("/api/users")).JsonAsync()).EnumerateArray().Single(u => u.Str("id") == "boris").Str("name") == "Boris Renamed");
        await EventuallyAsync(async () => (await adminOnB.GetAsync("/api/calendars/lisbon")).StatusCode == HttpStatusCode.OK);
        var due = await (await adminOnB.PostJsonAsync("/api/calendars/lisbon/deadline", new { start = "2027-03-05T17:00:00Z", duration = "PT2H" })).JsonAsync();
        due.Str("dueAt").ShouldBe("2027-03-08T10:00:00Z"); // Friday's last hour, then Monday from 09:00 Lisbon (UTC in March)
    }

    [DistributedFact]
    public async Task RoundRobin_TakesTurnsAcrossNodes()
    {
        await using var cluster = Cluster.Create();
        var a = await cluster.StartNodeAsync();
        var b = await cluster.StartNodeAsync();
        var admin = await a.SignInAsync("admin@crm.local");
        var funnel = System.Text.Json.Nodes.JsonNode.Parse("""
            { "id": "turns", "name": "Turns", "calendarId": "24x7", "start": "assign",
              "activities": [
                { "id": "assign", "type": "Assign", "name": "Next in the team", "outcomes": ["Done"], "strategy": "roundRobin", "teamId": "sales" },
                { "id": "work", "type": "Stage", "name": "Work", "outcomes": ["Done"] },
                { "id": "won", "type": "End", "result": "won" } ],
              "connections": [
                { "source": "assign", "outcome": "Done", "target": "work" },
                { "source": "work", "outcome": "Done", "target": "won" } ] }
            """)!;
        (await admin.PostJsonAsync("/api/workflows", funnel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsync("/api/workflows/turns/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var heads = new[] { await a.SignInAsync("head@crm.local"), await b.SignInAsync("head@crm.local") };

        var owners = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            // Leads arrive on the nodes in turn; each node alone would start its own count at anna.
            var created = await heads[i % 2].PostJsonAsync("/api/deals", new { title = $"Lead {i}", workflowId = "turns" });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            owners.Add((await created.JsonAsync()).Str("ownerId"));
        }

        owners.ShouldBe(["anna", "boris", "anna", "boris", "anna", "boris"]);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            waited.Elapsed.ShouldBeLessThan(Patience, "node B never saw the edit made on node A");
            await Task.Delay(100);
        }
    }
}
