using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Scheduling;
using Crm.Api.Tests.Alerts;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.Tests.Scheduling;

/// <summary>
/// The scheduler's own loop, as production runs it (other tests drive deadlines through <see cref="DeadlineScheduler.RunDueAsync"/>):
/// on SQLite with the fake clock, which the loop is told has moved because it sleeps by real time.
/// </summary>
public sealed class DeadlineLoopTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync(runScheduler: true);
        var admin = await _host.SignInAsync("admin@crm.local");
        var funnel = JsonNode.Parse("""
            { "id": "fast", "name": "Fast", "calendarId": "24x7", "start": "call",
              "activities": [
                { "id": "call", "type": "Stage", "name": "Call the client", "outcomes": ["Called"], "regulation": { "duration": "PT10M" } },
                { "id": "won", "type": "End", "result": "won" } ],
              "connections": [ { "source": "call", "outcome": "Called", "target": "won" } ] }
            """)!;
        (await admin.PostJsonAsync("/api/workflows", funnel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsync("/api/workflows/fast/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Deadline_PassingOnTheClock_IsBreachedByTheRunningLoop_AndAlertsTheOwner()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var token = anna.DefaultRequestHeaders.Authorization!.Parameter;
        await using var listener = await AlertListener.ConnectAsync(_host, token);
        var id = (await (await anna.PostJsonAsync("/api/deals", new { title = "Call me", workflowId = "fast" })).JsonAsync()).Str("id");

        _host.Clock.AdvanceMinutes(11);
        _host.Services.GetRequiredService<DeadlineScheduler>().ClockMoved();

        var alert = await listener.NextAsync(seconds: 30);
        alert.Str("kind").ShouldBe("breach");
        alert.Str("dealId").ShouldBe(id);
        var stored = await (await anna.GetAsync("/api/alerts?unacknowledged=true")).JsonAsync();
        stored.EnumerateArray().ShouldContain(a => a.Str("dealId") == id && a.Str("kind") == "breach");
    }
}
