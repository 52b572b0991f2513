using System.Net;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Deals;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Restart_OnTheSameDataFolder_KeepsEveryAcknowledgedMove()
    {
        string id;
        var first = await CrmTestHost.StartAsync();
        try
        {
            var anna = await first.SignInAsync("anna@crm.local");
            var created = await anna.PostJsonAsync("/api/deals", new { title = "Survivor", workflowId = "b2b-sales" });
            id = (await created.JsonAsync()).Str("id");
            (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Done" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await first.DisposeAsync();
        }

        await using var second = await CrmTestHost.StartAsync(first.DataDirectory, first.Clock);
        try
        {
            var anna = await second.SignInAsync("anna@crm.local");
            var deal = await (await anna.GetAsync($"/api/deals/{id}")).JsonAsync();
            deal.Str("stageId").ShouldBe("requirements");
            deal.GetProperty("version").GetInt32().ShouldBe(2);
        }
        finally
        {
            second.DeleteData();
        }
    }
}
