using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Scheduling;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Api.Tests.Compliance;

/// <summary>
/// The managers table read again and again while moves keep committing. Every deal's stage clock (10 minutes) has
/// breached; each move to Done finishes that breach (5 minutes over) and meets the funnel clock. So at any committed
/// state anna has <c>Deals</c> breaches, met + open overdue = <c>Deals</c>, every overrun is 5 minutes and she held
/// 5 minutes late of each: a report that mixed two states (tallies from one, open breaches from another) would break
/// the sums.
/// </summary>
public sealed class ComplianceUnderLoadTests
{
    private const int Deals = 120;

    private static JsonObject Funnel() => JsonNode.Parse("""
        { "id": "race", "name": "Race", "calendarId": "24x7", "start": "work",
          "activities": [
            { "id": "work", "type": "Stage", "name": "Work", "outcomes": ["Done"], "regulation": { "duration": "PT10M" } },
            { "id": "won", "type": "End", "result": "won" } ],
          "connections": [ { "source": "work", "outcome": "Done", "target": "won" } ],
          "regulations": [ { "id": "close", "name": "Close within an hour", "startOn": "work", "stopOn": "won", "duration": "PT1H" } ] }
        """)!.AsObject();

    [Fact]
    public async Task Managers_WhileMovesKeepArriving_AlwaysAddUp()
    {
        await using var host = await CrmTestHost.StartAsync();
        try
        {
            var admin = await host.SignInAsync("admin@crm.local");
            var head = await host.SignInAsync("head@crm.local");
            var anna = await host.SignInAsync("anna@crm.local");
            (await admin.PostJsonAsync("/api/workflows", Funnel())).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await admin.PostAsync("/api/workflows/race/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var deals = new List<string>();
            for (var i = 0; i < Deals; i++)
            {
                var created = await head.PostJsonAsync("/api/deals", new { title = $"R{i}", workflowId = "race", ownerId = "anna" });
                created.StatusCode.ShouldBe(HttpStatusCode.Created);
                deals.Add((await created.JsonAsync()).Str("id"));
            }
            host.Clock.Advance(Duration.FromMinutes(15));
            await host.Services.GetRequiredService<DeadlineScheduler>().RunDueAsync();

            // Most of the day, so the report is the day's tallies less the hours around the period, read from the clocks.
            const string Query = "/api/compliance/managers?from=2027-03-01T01:00:00Z&to=2027-03-01T23:00:00Z";
            var moving = Task.WhenAll(Enumerable.Range(0, 4).Select(mover => Task.Run(async () =>
            {
                for (var i = mover; i < Deals; i += 4)
                {
                    var moved = await anna.PostJsonAsync($"/api/deals/{deals[i]}/moves", new { outcome = "Done" });
                    moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
                }
            })));
            var seenMidway = 0;
            var reads = 0;
            while (true)
            {
                var done = moving.IsCompleted;
                var table = (await (await head.GetAsync(Query)).JsonAsync()).EnumerateArray().ToList();
                var row = table.Single(r => r.Str("managerId") == "anna");
                var (met, breached, open) = (row.GetProperty("met").GetInt64(), row.GetProperty("breached").GetInt64(), row.GetProperty("openOverdue").GetInt64());
                breached.ShouldBe(Deals);
                (met + open).ShouldBe(Deals, $"read {reads}: {met} met and {open} still open");
                row.GetProperty("measured").GetInt64().ShouldBe(met + breached);
                row.Str("medianOverrun").ShouldBe("PT5M");
                row.Str("p90Overrun").ShouldBe("PT5M");
                row.Str("lateHeld").ShouldBe("PT10H", "anna held every one of them 5 minutes late, finished or not");
                reads++;
                if (met > 0 && met < Deals)
                    seenMidway++;
                if (done)
                {
                    met.ShouldBe(Deals);
                    break;
                }
            }
            await moving;
            seenMidway.ShouldBeGreaterThan(0, $"no read of {reads} fell while the moves were committing");
        }
        finally
        {
            host.DeleteData();
        }
    }
}
