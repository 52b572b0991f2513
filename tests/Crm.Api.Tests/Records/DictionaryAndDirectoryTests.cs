using System.Net;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Records;

public sealed class DictionaryAndDirectoryTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Dictionaries_AreSeeded_AndAdminsReplaceThem()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var anna = await _host.SignInAsync("anna@crm.local");
        (await GetAsync(anna, "/api/dictionaries/sources")).EnumerateArray().ShouldContain(e => e.Str("id") == "website");
        (await GetAsync(anna, "/api/dictionaries/workResults")).EnumerateArray().ShouldContain(e => e.Str("id") == "meeting-held");
        (await GetAsync(anna, "/api/dictionaries/segments")).EnumerateArray().ShouldContain(e => e.Str("id") == "top-100-city");

        var segments = new[] { new { id = "banks-region", name = "Banks of the region" }, new { id = "pharma", name = "Фарма" } };
        var byManager = await anna.PutJsonAsync("/api/dictionaries/segments", segments);
        var bad = await admin.PutJsonAsync("/api/dictionaries/segments", new[] { new { id = "a b", name = "" }, new { id = "x", name = "X" }, new { id = "x", name = "Y" } });
        var saved = await admin.PutJsonAsync("/api/dictionaries/segments", segments);

        byManager.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(anna, "/api/dictionaries/segments")).EnumerateArray().Select(e => e.Str("id")).ShouldBe(["banks-region", "pharma"]);
        (await anna.GetAsync("/api/dictionaries/colours")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var client = await anna.PostJsonAsync("/api/clients", new { name = "Pharm", kind = "company", segments = new[] { "top-100-city" } });
        client.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Users_AdminsChangeRoleTeamAndActive_WithVersions()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var anna = await _host.SignInAsync("anna@crm.local");

        var byManager = await anna.PutJsonAsync("/api/users/boris", new { active = false });
        var deactivated = await admin.PutJsonAsync("/api/users/boris", new { active = false }, ifMatch: "\"1\"");
        var stale = await admin.PutJsonAsync("/api/users/boris", new { active = true }, ifMatch: "\"1\"");
        var badTeam = await admin.PutJsonAsync("/api/users/boris", new { teamId = "nope" });
        var demoteHead = await admin.PutJsonAsync("/api/users/head", new { role = "manager" });
        var demoteSelf = await admin.PutJsonAsync("/api/users/admin", new { role = "manager" });

        byManager.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deactivated.JsonAsync()).GetProperty("active").GetBoolean().ShouldBeFalse();
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        badTeam.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        demoteHead.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        demoteSelf.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _host.Anonymous().PostJsonAsync("/api/auth/token", new { email = "boris@crm.local", password = "demo" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Teams_AdminsRenameAndChangeTheHead()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var head = await _host.SignInAsync("head@crm.local");

        var notAHead = await admin.PutJsonAsync("/api/teams/sales", new { headId = "anna" });
        var byHead = await head.PutJsonAsync("/api/teams/sales", new { name = "Mine" });
        var renamed = await admin.PutJsonAsync("/api/teams/sales", new { name = "Sales Moscow", headId = "" }, ifMatch: "\"1\"");

        notAHead.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        byHead.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var team = await renamed.JsonAsync();
        team.Str("name").ShouldBe("Sales Moscow");
        team.GetProperty("headId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await head.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(head, "/api/users")).EnumerateArray().Select(u => u.Str("id")).ShouldBe(["head"]);
    }
}
