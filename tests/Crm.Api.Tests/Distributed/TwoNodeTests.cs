using System.Net;
using System.Net.Http.Json;
using Crm.Api.Scheduling;
using Crm.Api.Tests.Alerts;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.Tests.Distributed;

/// <summary>Two API nodes on two ports, one PostgreSQL database, one Redis backplane, real time.</summary>
public sealed class TwoNodeTests
{
    [DistributedFact]
    public async Task Breach_OfADealMovedOnNodeA_ReachesAClientOnNodeB()
    {
        await using var cluster = Cluster.Create();
        var a = await cluster.StartNodeAsync();
        var b = await cluster.StartNodeAsync();
        await Cluster.PublishAsync(a, regulation: "PT3S", callFirst: true);
        var token = await TokenAsync(a, "anna@crm.local");
        await using var onB = await AlertListener.ConnectAsync(b, token);

        var annaOnA = await a.SignInAsync("anna@crm.local");
        var id = await Cluster.OpenDealAsync(annaOnA, "Moved on A");
        (await annaOnA.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Called" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Node A started first and holds the deadline lease: the breach is raised there and crosses Redis to B.
        var breach = await onB.NextAsync(seconds: 30);
        breach.Str("kind").ShouldBe("breach");
        breach.Str("dealId").ShouldBe(id);
        breach.Str("regulationId").ShouldBe("offer");
    }

    [DistributedFact]
    public async Task Deadlines_ArmedOnANodeThatStops_FireOnTheOtherNode_OnceEach()
    {
        const int deals = 200;
        await using var cluster = Cluster.Create();
        var a = await cluster.StartNodeAsync();
        var b = await cluster.StartNodeAsync();
        await Cluster.PublishAsync(a, regulation: "PT6S");
        var anna = await a.SignInAsync("anna@crm.local");
        for (var i = 0; i < deals; i++)
            await Cluster.OpenDealAsync(anna, $"Armed on A {i}");

        // A armed every deadline and holds the lease; it goes before any falls due.
        (await Cluster.CountAsync(b)).Breached.ShouldBe(0);
        await cluster.StopNodeAsync(a);

        var counts = await Cluster.WaitForAsync(b, c => c.Breached >= deals && c.Alerts >= deals, TimeSpan.FromSeconds(30));
        counts.ShouldBe((deals, deals, deals));
        // Instead of waiting to see that nothing fires again: a sweep of the index now finds nothing left to fire.
        await b.Services.GetRequiredService<DeadlineScheduler>().RunDueAsync();
        (await Cluster.CountAsync(b)).ShouldBe((deals, deals, deals));
    }

    private static async Task<string> TokenAsync(CrmTestHost node, string email)
    {
        var response = await node.Anonymous().PostAsJsonAsync("/api/auth/token", new { email, password = "demo" });
        return (await response.JsonAsync()).Str("accessToken");
    }
}
