using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Board;

/// <summary>A small funnel of its own, so the demo deals of the built-in funnels stay off the boards under test.</summary>
internal static class BoardFunnel
{
    public const string Id = "pipe";

    public static JsonObject Definition(string id = Id, string name = "Pipe") => JsonNode.Parse($$"""
        { "id": "{{id}}", "name": "{{name}}", "calendarId": "24x7", "start": "lead",
          "activities": [
            { "id": "lead", "type": "Stage", "name": "Lead", "outcomes": ["Done", "Lost"], "regulation": { "duration": "PT4H" } },
            { "id": "talk", "type": "Stage", "name": "Talk", "outcomes": ["Won", "Lost"] },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "lead", "outcome": "Done", "target": "talk" },
            { "source": "lead", "outcome": "Lost", "target": "lost" },
            { "source": "talk", "outcome": "Won", "target": "won" },
            { "source": "talk", "outcome": "Lost", "target": "lost" } ] }
        """)!.AsObject();

    public static async Task PublishAsync(CrmTestHost host, JsonObject? definition = null)
    {
        var admin = await host.SignInAsync("admin@crm.local");
        definition ??= Definition();
        var created = await admin.PostJsonAsync("/api/workflows", definition);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var published = await admin.PostAsync($"/api/workflows/{definition["id"]}/publish", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
    }
}
