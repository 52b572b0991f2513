using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Scheduling;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Api.Tests.Compliance;

/// <summary>
/// A small, hand-checkable history on the 24x7 calendar, driven through the public API from Monday 2027-03-01 06:00Z
/// (t = minutes after that). Stage regulations Q "qualify" 10 minutes and O "offer" 20 minutes; the funnel regulation
/// C "close" runs 30 minutes from entering the offer to winning; "hold" pauses clocks.
/// <code>
/// D1 anna   Q1 met t5 · O1 met t15 · C1 met t15 (won)
/// D2 anna   Q2 breached t10, left t16: overrun 6m · O2 and C2 16→26, paused, 46→50: both met (14m used) (won)
/// D3 boris→anna(t4)  Q3 met t8 by anna · O3 breached t28 (anna), deal back to boris t30, left t40: overrun 12m, still anna's
///           · C3 from t8 follows the deal to boris, breached t38 (boris), won t40: overrun 2m
/// D4 boris  Q4 breached t10, still open at t60: 50m so far
/// D5 boris  Q5 met t3 · O5 met t12 (the outcome Lost was chosen in time) · C5 cancelled t12 (lost): counts for no one
/// D6 boris  Q6 (from t20) breached t30, left t45: overrun 15m · O6 and C6 running
/// anna:  measured 8, met 6, breached 2, 0.75, median 9m, p90 12m, open 0
/// boris: measured 5, met 2, breached 3, 0.4, median 15m (2, 15, 50), p90 50m, open 1
/// </code>
/// Anna also logs one call and one note on D1 at t0.
/// </summary>
public sealed class ComplianceHistory : IAsyncLifetime
{
    public static readonly Instant T0 = CrmTestHost.DefaultStart;

    public CrmTestHost Host { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Head { get; private set; } = null!;
    public HttpClient Anna { get; private set; } = null!;
    public HttpClient Boris { get; private set; } = null!;
    public Dictionary<string, string> Deals { get; } = [];

    public static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static JsonObject Funnel() => JsonNode.Parse("""
        { "id": "audit", "name": "Audit", "calendarId": "24x7", "start": "qualify",
          "activities": [
            { "id": "qualify", "type": "Stage", "name": "Qualify the lead", "outcomes": ["Next", "Lost"],
              "regulation": { "duration": "PT10M" } },
            { "id": "offer", "type": "Stage", "name": "Send the offer", "outcomes": ["Sent", "Pause", "Lost"],
              "regulation": { "duration": "PT20M" } },
            { "id": "hold", "type": "Stage", "name": "On hold", "outcomes": ["Resume", "Lost"], "pausesClocks": true, "returnOutcome": "Resume" },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "qualify", "outcome": "Next", "target": "offer" },
            { "source": "qualify", "outcome": "Lost", "target": "lost" },
            { "source": "offer", "outcome": "Sent", "target": "won" },
            { "source": "offer", "outcome": "Pause", "target": "hold" },
            { "source": "offer", "outcome": "Lost", "target": "lost" },
            { "source": "hold", "outcome": "Lost", "target": "lost" } ],
          "regulations": [
            { "id": "close", "name": "Close within 30 minutes of the offer", "startOn": "offer", "stopOn": "won", "duration": "PT30M" } ] }
        """)!.AsObject();

    public async Task InitializeAsync()
    {
        Host = await CrmTestHost.StartAsync();
        Admin = await Host.SignInAsync("admin@crm.local");
        Head = await Host.SignInAsync("head@crm.local");
        Anna = await Host.SignInAsync("anna@crm.local");
        Boris = await Host.SignInAsync("boris@crm.local");
        (await Admin.PostJsonAsync("/api/workflows", Funnel())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Admin.PostAsync("/api/workflows/audit/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var (deal, owner) in new[] { ("D1", "anna"), ("D2", "anna"), ("D3", "boris"), ("D4", "boris"), ("D5", "boris") })
            Deals[deal] = await OpenAsync(deal, owner);
        (await Anna.PostJsonAsync($"/api/deals/{Deals["D1"]}/interactions", new { kind = "call", text = "Called the client" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Anna.PostJsonAsync($"/api/deals/{Deals["D1"]}/interactions", new { kind = "note", text = "Wants \"kind\":\"call\" next week" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await AtAsync(3, () => Move(Boris, "D5", "Next"));
        await AtAsync(4, () => Reassign("D3", "anna"));
        await AtAsync(5, () => Move(Anna, "D1", "Next"));
        await AtAsync(8, () => Move(Anna, "D3", "Next"));
        await AtAsync(10, () => Task.CompletedTask);
        await AtAsync(12, () => Move(Boris, "D5", "Lost"));
        await AtAsync(15, () => Move(Anna, "D1", "Sent"));
        await AtAsync(16, () => Move(Anna, "D2", "Next"));
        await AtAsync(20, async () => Deals["D6"] = await OpenAsync("D6", "boris"));
        await AtAsync(26, () => Move(Anna, "D2", "Pause"));
        await AtAsync(28, () => Task.CompletedTask);
        await AtAsync(30, () => Reassign("D3", "boris"));
        await AtAsync(40, () => Move(Boris, "D3", "Sent"));
        await AtAsync(45, () => Move(Boris, "D6", "Next"));
        await AtAsync(46, () => Move(Anna, "D2", "Resume"));
        await AtAsync(50, () => Move(Anna, "D2", "Sent"));
        await AtAsync(60, () => Task.CompletedTask);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Host.DeleteData();
    }

    /// <summary>Moves the clock to t, lets the scheduler record what fell due (breaches dated at their deadlines), then acts.</summary>
    private async Task AtAsync(int minutes, Func<Task> act)
    {
        Host.Clock.Reset(At(minutes));
        await Host.Services.GetRequiredService<DeadlineScheduler>().RunDueAsync();
        await act();
    }

    private async Task<string> OpenAsync(string title, string owner)
    {
        var response = await Head.PostJsonAsync("/api/deals", new { title, workflowId = "audit", ownerId = owner });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).Str("id");
    }

    private async Task Move(HttpClient who, string deal, string outcome)
    {
        var response = await who.PostJsonAsync($"/api/deals/{Deals[deal]}/moves", new { outcome });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task Reassign(string deal, string owner)
    {
        var response = await Head.PutJsonAsync($"/api/deals/{Deals[deal]}/owner", new { ownerId = owner });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
