using System.Net;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Deals;

/// <summary>An owner or team on a deal must exist and be the caller's to give (sales: Helen heads Anna and Boris; north: Nora heads Nina).</summary>
public sealed class DealAssignmentTests : IAsyncLifetime
{
    // Users an admin creates obey the password rules; the demo people keep "demo".
    private const string NorthPassword = "north-team-secret-7";

    private CrmTestHost _host = null!;
    private HttpClient _admin = null!;

    private Task<HttpClient> SignInAsync(string caller) =>
        _host.SignInAsync($"{caller}@crm.local", caller is "nora" or "nina" ? NorthPassword : "demo");

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync();
        _admin = await _host.SignInAsync("admin@crm.local");
        (await _admin.PostJsonAsync("/api/users", new { id = "nora", email = "nora@crm.local", name = "Nora North", role = "head", password = NorthPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _admin.PostJsonAsync("/api/teams", new { id = "north", name = "North", headId = "nora" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _admin.PostJsonAsync("/api/users", new { id = "nina", email = "nina@crm.local", name = "Nina North", role = "manager", teamId = "north", password = NorthPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Theory]
    [InlineData("anna", "ghost", null, HttpStatusCode.BadRequest, "ownerId")]
    [InlineData("admin", "admin", null, HttpStatusCode.BadRequest, "ownerId")]
    [InlineData("head", null, "nowhere", HttpStatusCode.BadRequest, "teamId")]
    [InlineData("admin", "nina", "sales", HttpStatusCode.BadRequest, "teamId")]
    [InlineData("anna", "boris", null, HttpStatusCode.Forbidden, null)]
    [InlineData("anna", "nina", null, HttpStatusCode.Forbidden, null)]
    [InlineData("anna", null, "north", HttpStatusCode.Forbidden, null)]
    [InlineData("head", "nina", null, HttpStatusCode.Forbidden, null)]
    [InlineData("head", null, "north", HttpStatusCode.Forbidden, null)]
    [InlineData("nora", "anna", null, HttpStatusCode.Forbidden, null)]
    public async Task Create_WithAnOwnerOrTeamThatIsMissingOrNotTheCallers_IsRefusedAndCreatesNothing(
        string caller, string? ownerId, string? teamId, HttpStatusCode expected, string? field)
    {
        var before = (await GetAsync(_admin, "/api/deals")).GetArrayLength();
        var client = await SignInAsync(caller);

        var response = await client.PostJsonAsync("/api/deals", new { title = "Handed out", workflowId = "b2b-sales", ownerId, teamId });

        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (field is not null)
            (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        (await GetAsync(_admin, "/api/deals")).GetArrayLength().ShouldBe(before);
    }

    [Theory]
    [InlineData("anna", null, null, "anna", "sales")]
    [InlineData("anna", "anna", "sales", "anna", "sales")]
    [InlineData("head", "boris", null, "boris", "sales")]
    [InlineData("head", null, "sales", null, "sales")]
    [InlineData("nora", "nina", "north", "nina", "north")]
    [InlineData("admin", "nina", null, "nina", "north")]
    public async Task Create_WithAnOwnerOrTeamTheCallerMayGive_OpensTheDealThere(
        string caller, string? ownerId, string? teamId, string? expectedOwner, string expectedTeam)
    {
        var client = await SignInAsync(caller);

        var deal = await CreateDealAsync(client, new { title = "Handed out", workflowId = "b2b-sales", ownerId, teamId });

        deal.GetProperty("ownerId").GetString().ShouldBe(expectedOwner);
        deal.Str("teamId").ShouldBe(expectedTeam);
    }

    [Theory]
    [InlineData("head", "ghost", HttpStatusCode.BadRequest)]
    [InlineData("head", "admin", HttpStatusCode.BadRequest)]
    [InlineData("head", "nina", HttpStatusCode.Forbidden)]
    [InlineData("nora", "nina", HttpStatusCode.NotFound)]
    public async Task Reassign_ToAnOwnerThatIsMissingOrNotTheCallers_IsRefusedAndChangesNothing(string caller, string ownerId, HttpStatusCode expected)
    {
        var created = await CreateDealAsync(_admin, new { title = "Anna's", workflowId = "b2b-sales", ownerId = "anna" });
        var deal = created.Str("id");
        var client = await SignInAsync(caller);

        var response = await client.PutJsonAsync($"/api/deals/{deal}/owner", new { ownerId });

        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected == HttpStatusCode.BadRequest)
            (await response.JsonAsync()).GetProperty("errors").TryGetProperty("ownerId", out _).ShouldBeTrue();
        var after = await GetAsync(_admin, $"/api/deals/{deal}");
        after.Str("ownerId").ShouldBe("anna");
        after.Str("teamId").ShouldBe("sales");
        after.GetProperty("version").GetInt32().ShouldBe(created.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Reassign_ByAnAdminToAnotherTeamsManager_MovesTheDealIntoThatTeam()
    {
        var deal = (await CreateDealAsync(_admin, new { title = "Anna's", workflowId = "b2b-sales", ownerId = "anna" })).Str("id");

        var response = await _admin.PutJsonAsync($"/api/deals/{deal}/owner", new { ownerId = "nina" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = await response.JsonAsync();
        after.Str("ownerId").ShouldBe("nina");
        after.Str("teamId").ShouldBe("north");
    }
}
