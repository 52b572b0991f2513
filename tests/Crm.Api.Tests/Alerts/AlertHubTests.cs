using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Api.Scheduling;
using Crm.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.Tests.Alerts;

public sealed class AlertHubTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync();
        var admin = await _host.SignInAsync("admin@crm.local");
        var funnel = JsonNode.Parse("""
            { "id": "fast", "name": "Fast", "calendarId": "24x7", "start": "call",
              "activities": [
                { "id": "call", "type": "Stage", "name": "Call the client", "outcomes": ["Called"],
                  "regulation": { "duration": "PT10M", "escalations": [ { "after": "PT5M", "notify": "head" } ] } },
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

    private async Task<string> TokenAsync(string email)
    {
        var response = await _host.Anonymous().PostAsJsonAsync("/api/auth/token", new { email, password = "demo" });
        return (await response.JsonAsync()).Str("accessToken");
    }

    private async Task<string> OpenDealAsync(string email, string title)
    {
        var client = await _host.SignInAsync(email);
        return (await (await client.PostJsonAsync("/api/deals", new { title, workflowId = "fast" })).JsonAsync()).Str("id");
    }

    private Task PassAsync(int minutes)
    {
        _host.Clock.AdvanceMinutes(minutes);
        return _host.Services.GetRequiredService<DeadlineScheduler>().RunDueAsync();
    }

    [Fact]
    public async Task Breach_ReachesTheOwnerOnly_AndTheEscalationReachesTheHead()
    {
        await using var anna = await AlertListener.ConnectAsync(_host, await TokenAsync("anna@crm.local"));
        await using var boris = await AlertListener.ConnectAsync(_host, await TokenAsync("boris@crm.local"));
        await using var head = await AlertListener.ConnectAsync(_host, await TokenAsync("head@crm.local"));
        var annas = await OpenDealAsync("anna@crm.local", "Anna's deal");

        await PassAsync(11);
        var breach = await anna.NextAsync();
        breach.Str("kind").ShouldBe("breach");
        breach.Str("dealId").ShouldBe(annas);
        breach.Str("regulationId").ShouldBe("call");

        var boriss = await OpenDealAsync("boris@crm.local", "Boris's deal");
        await PassAsync(11);
        var borisFirst = await boris.NextAsync();
        borisFirst.Str("dealId").ShouldBe(boriss);
        await PassAsync(6);

        var escalations = new[] { await head.NextAsync(), await head.NextAsync() };
        escalations.ShouldAllBe(e => e.Str("kind") == "escalation");
        escalations.Select(e => e.Str("dealId")).ShouldBe([annas, boriss], ignoreOrder: true);
        anna.TryTake(out var extra).ShouldBeFalse(extra.ToString());
    }

    [Fact]
    public async Task Breach_OfADealInTheTeamQueue_ReachesTheTeamsHead()
    {
        await using var head = await AlertListener.ConnectAsync(_host, await TokenAsync("head@crm.local"));
        await using var anna = await AlertListener.ConnectAsync(_host, await TokenAsync("anna@crm.local"));
        var headClient = await _host.SignInAsync("head@crm.local");
        var created = await (await headClient.PostJsonAsync("/api/deals", new { title = "Nobody's yet", workflowId = "fast", teamId = "sales" })).JsonAsync();
        created.GetProperty("ownerId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var queued = created.Str("id");

        await PassAsync(11);

        // Nobody owns the deal: its breach goes to the head of its team.
        var breach = await head.NextAsync();
        breach.Str("kind").ShouldBe("breach");
        breach.Str("dealId").ShouldBe(queued);
        anna.TryTake(out var extra).ShouldBeFalse(extra.ToString());
    }

    [Fact]
    public async Task Reconnect_AfterMissingABreach_ReplaysItWithTheSameId_UntilAcknowledged()
    {
        var token = await TokenAsync("anna@crm.local");
        var id = await OpenDealAsync("anna@crm.local", "Missed while offline");
        await PassAsync(11);

        string alertId;
        await using (var first = await AlertListener.ConnectAsync(_host, token))
        {
            var replayed = await first.NextAsync();
            replayed.Str("kind").ShouldBe("breach");
            replayed.Str("dealId").ShouldBe(id);
            alertId = replayed.Str("id");
        }

        await using (var second = await AlertListener.ConnectAsync(_host, token))
        {
            var again = await second.NextAsync();
            again.Str("id").ShouldBe(alertId);
            (await second.Connection.InvokeAsync<bool>("Ack", alertId)).ShouldBeTrue();
        }

        await using var third = await AlertListener.ConnectAsync(_host, token);
        var other = await OpenDealAsync("anna@crm.local", "A fresh one");
        await PassAsync(11);
        var next = await third.NextAsync();
        next.Str("dealId").ShouldBe(other);
        next.Str("id").ShouldNotBe(alertId);
        var unacknowledged = await (await (await _host.SignInAsync("anna@crm.local")).GetAsync("/api/alerts?unacknowledged=true")).JsonAsync();
        unacknowledged.EnumerateArray().ShouldNotContain(a => a.Str("id") == alertId);
    }

    [Fact]
    public async Task Ack_OfAnotherUsersAlert_ChangesNothing()
    {
        await OpenDealAsync("anna@crm.local", "Anna's");
        await PassAsync(11);
        var annaClient = await _host.SignInAsync("anna@crm.local");
        var alertId = (await (await annaClient.GetAsync("/api/alerts?unacknowledged=true")).JsonAsync())[0].Str("id");

        await using var boris = await AlertListener.ConnectAsync(_host, await TokenAsync("boris@crm.local"));
        (await boris.Connection.InvokeAsync<bool>("Ack", alertId)).ShouldBeFalse();
        (await (await _host.SignInAsync("boris@crm.local")).PostAsync($"/api/alerts/{alertId}/ack", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await (await annaClient.GetAsync("/api/alerts?unacknowledged=true")).JsonAsync()).EnumerateArray().ShouldContain(a => a.Str("id") == alertId);
    }

    [Fact]
    public async Task Connect_WithoutAValidToken_IsRefused()
    {
        var token = await TokenAsync("anna@crm.local");

        await Should.ThrowAsync<HttpRequestException>(() => AlertListener.ConnectAsync(_host, null));
        await Should.ThrowAsync<HttpRequestException>(() => AlertListener.ConnectAsync(_host, token + "x"));
        _host.Clock.AdvanceHours(13);
        await Should.ThrowAsync<HttpRequestException>(() => AlertListener.ConnectAsync(_host, token));
    }
}
