using System.Net;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Compliance;

public sealed class ComplianceAccessTests(ComplianceHistory history) : IClassFixture<ComplianceHistory>
{
    [Theory]
    [InlineData("/api/compliance/managers")]
    [InlineData("/api/compliance/regulations")]
    [InlineData("/api/compliance/trend")]
    [InlineData("/api/compliance/export?format=csv")]
    public async Task TeamReports_ForAManager_AreForbidden(string url) =>
        (await history.Anna.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task Breaches_OfAnotherManager_AreNotFoundForAManager_ButTheirOwnAreThere()
    {
        (await history.Anna.GetAsync("/api/compliance/managers/boris/breaches")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await history.Anna.GetAsync("/api/compliance/managers/anna/breaches?from=2027-03-01&to=2027-03-01")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AHead_SeesOnlyTheirTeams_AndAnAdminSeesEveryone()
    {
        (await history.Admin.PostJsonAsync("/api/teams", new { id = "north", name = "North" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await history.Admin.PostJsonAsync("/api/users", new { id = "nina", email = "nina@crm.local", name = "Nina North", role = "manager", teamId = "north", password = "Nina-North-2027" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        (await history.Head.GetAsync("/api/compliance/managers/nina/breaches")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await history.Head.GetAsync("/api/compliance/managers?teamId=north")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await history.Head.GetAsync("/api/compliance/trend?managerId=nina")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var headRows = (await (await history.Head.GetAsync("/api/compliance/managers")).JsonAsync()).EnumerateArray().Select(r => r.Str("managerId"));
        headRows.ShouldBe(["anna", "boris"]);

        var adminRows = (await (await history.Admin.GetAsync("/api/compliance/managers?from=2027-03-01&to=2027-03-01")).JsonAsync()).EnumerateArray().ToList();
        adminRows.Select(r => r.Str("managerId")).ShouldBe(["anna", "boris", "nina"]);
        adminRows[2].GetProperty("measured").GetInt64().ShouldBe(0);
        (await history.Admin.GetAsync("/api/compliance/managers/nina/breaches")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await history.Admin.GetAsync("/api/compliance/managers/nobody/breaches")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("from=2027-03-03&to=2027-03-01")]
    [InlineData("from=2027-03-01T00:00:01Z&to=2027-03-01T00:00:00Z")]
    [InlineData("from=yesterday")]
    [InlineData("from=2027-03-01&tz=Mars/Olympus")]
    public async Task Periods_ThatDoNotParseOrRunBackwards_Are400(string query)
    {
        var response = await history.Head.GetAsync($"/api/compliance/managers?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Export_InAnUnknownFormat_Is400() =>
        (await history.Head.GetAsync("/api/compliance/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
}
