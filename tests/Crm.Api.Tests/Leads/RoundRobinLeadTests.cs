using System.Net;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Leads;

public sealed class RoundRobinLeadTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Crm:Leads:WorkflowId"] = "b2b-sales",
        ["Crm:Leads:Assignment"] = "roundRobin",
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Leads_WithRoundRobinConfigured_GoToTheTeamsManagersInTurn()
    {
        var anonymous = _host.Anonymous();
        var admin = await _host.SignInAsync("admin@crm.local");
        await LeadTests.PublishB2bSalesAsync(admin, acceptsLeads: true);

        var owners = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await anonymous.PostJsonAsync("/api/leads", new { name = $"Lead {i}", email = $"lead{i}@example.ru", message = "Hello" });
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            var deal = await GetAsync(admin, $"/api/deals/{await LeadTests.LeadDealAsync(admin, $"lead{i}@example.ru")}");
            deal.Str("workflowId").ShouldBe("b2b-sales");
            owners.Add(deal.Str("ownerId"));
        }

        owners.Distinct().Order().ShouldBe(["anna", "boris"]);
        owners[0].ShouldNotBe(owners[1]);
        owners[2].ShouldBe(owners[0]);
    }

    [Fact]
    public async Task Leads_WhenTheConfiguredFunnelIsNotOpenForLeads_AreRefusedAndCreateNothing()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var before = (await GetAsync(admin, "/api/deals")).GetArrayLength();

        var response = await _host.Anonymous().PostJsonAsync("/api/leads", new { name = "Lead", email = "lead@example.ru", message = "Hello" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("workflowId", out _).ShouldBeTrue();
        (await GetAsync(admin, "/api/deals")).GetArrayLength().ShouldBe(before);
    }
}
