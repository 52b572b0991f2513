using System.Net;
using System.Text.Json;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Compliance;

public sealed class PlanTests(ComplianceHistory history) : IClassFixture<ComplianceHistory>
{
    private static string Progress(JsonElement plan) => $"{plan.GetProperty("actual").GetInt64()} of {plan.GetProperty("target").GetInt32()}";

    [Fact]
    public async Task Plans_CountProgressLive_FromWhatIsInTheSystem()
    {
        var calls = await history.Head.PutJsonAsync("/api/plans",
            new { managerId = "anna", period = new { from = "2027-03-01", to = "2027-03-31" }, metric = "callsLogged", target = 2 });
        calls.StatusCode.ShouldBe(HttpStatusCode.OK, await calls.Content.ReadAsStringAsync());
        var plan = await calls.JsonAsync();
        Progress(plan).ShouldBe("1 of 2");
        plan.Str("from").ShouldBe("2027-03-01T00:00:00Z");
        plan.Str("to").ShouldBe("2027-04-01T00:00:00Z");

        (await history.Head.PutJsonAsync("/api/plans",
            new { managerId = "anna", period = new { from = "2027-03-01", to = "2027-03-31" }, metric = "dealsWon", target = 10 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await history.Head.PutJsonAsync("/api/plans",
            new { managerId = "anna", period = new { from = "2027-03-01", to = "2027-03-31" }, metric = "interactionsLogged", target = 40 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await history.Head.PutJsonAsync("/api/plans",
            new { managerId = "boris", period = new { from = "2027-03-01", to = "2027-03-31" }, metric = "dealsWon", target = 3 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mine = (await (await history.Anna.GetAsync("/api/plans/me")).JsonAsync()).EnumerateArray().ToList();
        mine.Select(p => $"{p.Str("metric")} {Progress(p)}").Order().ShouldBe(["callsLogged 1 of 2", "dealsWon 2 of 10", "interactionsLogged 2 of 40"]);

        // Setting the same plan again changes its target, not the number of plans.
        (await history.Head.PutJsonAsync("/api/plans",
            new { managerId = "anna", period = new { from = "2027-03-01", to = "2027-03-31" }, metric = "callsLogged", target = 5 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var annas = (await (await history.Head.GetAsync("/api/plans?managerId=anna")).JsonAsync()).EnumerateArray().ToList();
        annas.Count.ShouldBe(3);
        annas.Single(p => p.Str("metric") == "callsLogged").GetProperty("target").GetInt32().ShouldBe(5);

        var boris = (await (await history.Head.GetAsync("/api/plans?managerId=boris")).JsonAsync()).EnumerateArray().Single();
        Progress(boris).ShouldBe("1 of 3");
    }

    [Fact]
    public async Task Plans_AreSetByHeadsForTheirTeams_AndReadOnlyByTheirManagers()
    {
        var body = new { managerId = "boris", period = new { from = "2027-03-01", to = "2027-03-31" }, metric = "callsLogged", target = 1 };
        (await history.Anna.PutJsonAsync("/api/plans", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await history.Head.PutJsonAsync("/api/plans", body with { managerId = "nobody" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await history.Head.PutJsonAsync("/api/plans", body with { metric = "smiles" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await history.Anna.GetAsync("/api/plans?managerId=boris")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
