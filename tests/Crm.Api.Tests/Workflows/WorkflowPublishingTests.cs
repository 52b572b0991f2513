using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Workflows;

public sealed class WorkflowPublishingTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static JsonObject TwoStageFunnel(string id) => JsonNode.Parse($$"""
        { "id": "{{id}}", "name": "Two stages", "calendarId": "24x7", "start": "first",
          "activities": [
            { "id": "first", "type": "Stage", "name": "First", "outcomes": ["Next", "Lost"], "regulation": { "duration": "PT5S" } },
            { "id": "second", "type": "Stage", "name": "Second", "outcomes": ["Won"] },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "first", "outcome": "Next", "target": "second" },
            { "source": "first", "outcome": "Lost", "target": "lost" },
            { "source": "second", "outcome": "Won", "target": "won" } ] }
        """)!.AsObject();

    [Fact]
    public async Task Publish_AnInvalidDraft_Is400WithEveryProblem_AndPublishesNothing()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var funnel = TwoStageFunnel("broken");
        funnel["connections"]!.AsArray().RemoveAt(2);
        funnel["activities"]!.AsArray().Add(JsonNode.Parse("""{ "id": "ghost", "type": "Teleport" }"""));
        (await admin.PostJsonAsync("/api/workflows", funnel)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var publish = await admin.PostAsync("/api/workflows/broken/publish", null);

        publish.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var codes = (await publish.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => (e.Str("activityId"), e.Str("code"))).ToList();
        codes.ShouldContain(("second", "unconnected-outcome"));
        codes.ShouldContain(("ghost", "unknown-type"));
        (await (await admin.GetAsync("/api/workflows/broken/versions")).JsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Validate_ReportsErrorsWithoutSavingAnything()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var funnel = TwoStageFunnel("draft-only");
        funnel["calendarId"] = "mars";

        var result = await (await admin.PostJsonAsync("/api/workflows/validate", funnel)).JsonAsync();

        result.GetProperty("valid").GetBoolean().ShouldBeFalse();
        result.GetProperty("errors").EnumerateArray().ShouldContain(e => e.Str("code") == "unknown-calendar");
        (await admin.GetAsync("/api/workflows/draft-only")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publish_ANewVersion_DealsStartedEarlierStayOnTheirVersion()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var anna = await _host.SignInAsync("anna@crm.local");
        (await admin.PostJsonAsync("/api/workflows", TwoStageFunnel("pinned"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await admin.PostAsync("/api/workflows/pinned/publish", null)).JsonAsync()).GetProperty("version").GetInt32().ShouldBe(1);
        var oldDeal = (await (await anna.PostJsonAsync("/api/deals", new { title = "Old", workflowId = "pinned" })).JsonAsync()).Str("id");

        var v2 = TwoStageFunnel("pinned");
        v2["activities"]![1]!["outcomes"] = new JsonArray("Signed");
        v2["connections"]![2]!["outcome"] = "Signed";
        (await admin.PutJsonAsync("/api/workflows/pinned", v2)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await admin.PostAsync("/api/workflows/pinned/publish", null)).JsonAsync()).GetProperty("version").GetInt32().ShouldBe(2);
        var newDeal = (await (await anna.PostJsonAsync("/api/deals", new { title = "New", workflowId = "pinned" })).JsonAsync()).Str("id");

        foreach (var id in new[] { oldDeal, newDeal })
            (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Next" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anna.PostJsonAsync($"/api/deals/{oldDeal}/moves", new { outcome = "Signed" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anna.PostJsonAsync($"/api/deals/{oldDeal}/moves", new { outcome = "Won" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anna.PostJsonAsync($"/api/deals/{newDeal}/moves", new { outcome = "Signed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var versions = await (await admin.GetAsync("/api/workflows/pinned/versions")).JsonAsync();
        versions.GetArrayLength().ShouldBe(2);
        (await (await anna.GetAsync($"/api/deals/{oldDeal}")).JsonAsync()).GetProperty("workflowVersion").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Put_WithAStaleIfMatch_Is409AndKeepsTheDraft()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        (await admin.PostJsonAsync("/api/workflows", TwoStageFunnel("edited"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var renamed = TwoStageFunnel("edited");
        renamed["name"] = "Renamed";
        (await admin.PutJsonAsync("/api/workflows/edited", renamed, ifMatch: "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        renamed["name"] = "Lost update";
        var stale = await admin.PutJsonAsync("/api/workflows/edited", renamed, ifMatch: "\"1\"");

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await admin.GetAsync("/api/workflows/edited")).JsonAsync()).Str("name").ShouldBe("Renamed");
    }

    [Fact]
    public async Task Design_ByAManager_Is403()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        (await anna.PostJsonAsync("/api/workflows", TwoStageFunnel("mine"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anna.PostAsync("/api/workflows/b2b-sales/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BuiltInFunnels_ArePublishedOnFirstStart()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var list = await (await anna.GetAsync("/api/workflows")).JsonAsync();
        list.EnumerateArray().Select(w => w.Str("id")).ShouldBe(["b2b-sales", "complaint", "inbound-lead", "unsorted"], ignoreOrder: true);
        list.EnumerateArray().ShouldAllBe(w => w.GetProperty("publishedVersion").GetInt32() == 1);
    }
}
