using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Scheduling;
using Crm.Api.Tests.Board;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Deals;

public sealed class NextStepRegulationTests
{
    [Fact]
    public async Task Regulation_EveryOpenDealHasAFutureNextStep_BreachesWithoutOneAndIsMetWhenOneIsSet()
    {
        await using var host = await CrmTestHost.StartAsync();
        try
        {
            var funnel = BoardFunnel.Definition();
            funnel["regulations"] = JsonNode.Parse("""
                [ { "id": "planned", "name": "Every open deal has a future next step", "watch": "nextStep", "duration": "PT1H" } ]
                """);
            await BoardFunnel.PublishAsync(host, funnel);
            var anna = await host.SignInAsync("anna@crm.local");
            var unplanned = (await CreateDealAsync(anna, new { title = "Unplanned", workflowId = "pipe" })).Str("id");
            var planned = (await CreateDealAsync(anna, new { title = "Planned", workflowId = "pipe" })).Str("id");
            (await anna.PutJsonAsync($"/api/deals/{planned}/next-step", new { at = CrmTestHost.DefaultStart + Duration.FromDays(1), what = "Call" })).StatusCode.ShouldBe(HttpStatusCode.OK);

            host.Clock.AdvanceMinutes(90);
            await host.Services.GetRequiredService<DeadlineScheduler>().RunDueAsync();

            var late = (await GetAsync(anna, $"/api/deals/{unplanned}")).GetProperty("clocks").EnumerateArray().Single(c => c.Str("regulationId") == "planned");
            (late.Str("state"), late.Str("breachedAt")).ShouldBe(("breached", "2027-03-01T07:00:00Z"));
            (await GetAsync(anna, "/api/alerts?unacknowledged=true")).EnumerateArray()
                .ShouldContain(a => a.Str("kind") == "breach" && a.Str("dealId") == unplanned && a.Str("regulationId") == "planned");
            (await GetAsync(anna, $"/api/deals/{planned}")).GetProperty("clocks").EnumerateArray()
                .Single(c => c.Str("regulationId") == "planned").Str("state").ShouldBe("met");
        }
        finally
        {
            host.DeleteData();
        }
    }
}
