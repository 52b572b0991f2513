using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Scheduling;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Api.Tests.Regulations;

public sealed class DeadlineTests
{
    private static JsonObject RegulatedFunnel() => JsonNode.Parse("""
        { "id": "fast", "name": "Fast", "calendarId": "24x7", "start": "call",
          "activities": [
            { "id": "call", "type": "Stage", "name": "Call the client", "outcomes": ["Called", "Lost"],
              "regulation": { "duration": "PT10M", "warnBefore": "PT2M",
                              "escalations": [ { "after": "PT5M", "notify": "head" } ] } },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "call", "outcome": "Called", "target": "won" },
            { "source": "call", "outcome": "Lost", "target": "lost" } ] }
        """)!.AsObject();

    private static async Task PublishAsync(CrmTestHost host)
    {
        var admin = await host.SignInAsync("admin@crm.local");
        (await admin.PostJsonAsync("/api/workflows", RegulatedFunnel())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsync("/api/workflows/fast/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> OpenDealAsync(HttpClient client, string title)
    {
        var response = await client.PostJsonAsync("/api/deals", new { title, workflowId = "fast" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).Str("id");
    }

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/alerts?unacknowledged=true")).JsonAsync()).EnumerateArray()];

    [Fact]
    public async Task Clock_AsTimePasses_WarnsBreachesAndEscalatesOnceEach()
    {
        await using var host = await CrmTestHost.StartAsync();
        try
        {
            await PublishAsync(host);
            var anna = await host.SignInAsync("anna@crm.local");
            var boris = await host.SignInAsync("boris@crm.local");
            var head = await host.SignInAsync("head@crm.local");
            var scheduler = host.Services.GetRequiredService<DeadlineScheduler>();
            var id = await OpenDealAsync(anna, "Call ACME back");
            var opened = host.Clock.GetCurrentInstant();

            host.Clock.AdvanceMinutes(7);
            await scheduler.RunDueAsync();
            (await AlertsAsync(anna)).ShouldBeEmpty();

            host.Clock.AdvanceMinutes(2);
            await scheduler.RunDueAsync();
            (await AlertsAsync(anna)).Select(a => a.Str("kind")).ShouldBe(["warning"]);

            host.Clock.AdvanceMinutes(2);
            await scheduler.RunDueAsync();
            await scheduler.RunDueAsync();
            var annaAlerts = await AlertsAsync(anna);
            annaAlerts.Select(a => a.Str("kind")).ShouldBe(["breach", "warning"]);
            var breach = annaAlerts[0];
            breach.Str("dealId").ShouldBe(id);
            breach.GetProperty("dueAt").GetString().ShouldBe(InstantText(opened + Duration.FromMinutes(10)));

            host.Clock.AdvanceMinutes(5);
            await scheduler.RunDueAsync();
            (await AlertsAsync(head)).Select(a => a.Str("kind")).ShouldBe(["escalation"]);
            (await AlertsAsync(boris)).ShouldBeEmpty();
            (await AlertsAsync(anna)).Count.ShouldBe(2);

            var deal = await (await anna.GetAsync($"/api/deals/{id}")).JsonAsync();
            var clock = deal.GetProperty("clocks")[0];
            clock.Str("state").ShouldBe("breached");
            clock.Str("breachedAt").ShouldBe(InstantText(opened + Duration.FromMinutes(10)));
            deal.GetProperty("history").EnumerateArray().Count(h => h.Str("kind") == "alert").ShouldBe(3);
            (await (await anna.GetAsync("/api/deals?sla=overdue")).JsonAsync()).EnumerateArray().ShouldContain(d => d.Str("id") == id);
        }
        finally
        {
            host.DeleteData();
        }
    }

    [Fact]
    public async Task Restart_AfterDeadlinesPassedWhileDown_EveryBreachIsRecordedOnceAtItsDeadline()
    {
        var first = await CrmTestHost.StartAsync();
        var ids = new List<string>();
        Instant opened;
        try
        {
            await PublishAsync(first);
            var anna = await first.SignInAsync("anna@crm.local");
            opened = first.Clock.GetCurrentInstant();
            for (var i = 0; i < 5; i++)
                ids.Add(await OpenDealAsync(anna, $"Deal {i}"));
            var met = ids[4];
            (await anna.PostJsonAsync($"/api/deals/{met}/moves", new { outcome = "Called" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await first.DisposeAsync();
        }

        first.Clock.AdvanceHours(3);
        await using var second = await CrmTestHost.StartAsync(first.DataDirectory, first.Clock);
        try
        {
            var scheduler = second.Services.GetRequiredService<DeadlineScheduler>();
            await Task.WhenAll(scheduler.RunDueAsync(), scheduler.RunDueAsync());
            await scheduler.RunDueAsync();

            var anna = await second.SignInAsync("anna@crm.local");
            var head = await second.SignInAsync("head@crm.local");
            var alerts = await AlertsAsync(anna);
            foreach (var id in ids.Take(4))
            {
                alerts.Count(a => a.Str("dealId") == id && a.Str("kind") == "breach").ShouldBe(1);
                alerts.Count(a => a.Str("dealId") == id && a.Str("kind") == "warning").ShouldBe(1);
                var clock = (await (await anna.GetAsync($"/api/deals/{id}")).JsonAsync()).GetProperty("clocks")[0];
                clock.Str("breachedAt").ShouldBe(InstantText(opened + Duration.FromMinutes(10)));
            }
            alerts.ShouldNotContain(a => a.Str("dealId") == ids[4]);
            (await AlertsAsync(head)).Count(a => a.Str("kind") == "escalation").ShouldBe(4);
        }
        finally
        {
            second.DeleteData();
        }
    }

    private static string InstantText(Instant instant) => JsonSerializer.Serialize(instant, CrmTestHost.Json).Trim('"');
}
