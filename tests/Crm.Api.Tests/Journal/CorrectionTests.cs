using System.Net;
using System.Text.Json;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Journal;

/// <summary>The author (or an admin) corrects an entry; every version is kept; the number and entry date never change.</summary>
public sealed class CorrectionTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static async Task<JsonElement> LogAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> EntryAsync(HttpClient client, string dealId, string id) =>
        (await GetAsync(client, $"/api/deals/{dealId}/interactions")).EnumerateArray().Single(i => i.Str("id") == id);

    [Fact]
    public async Task Put_ByTheAuthor_ChangesTextTopicResultAndLetterDate_KeepsNumberAndEntryDate_AndTheHistory()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales" })).Str("id");
        await LogAsync(anna, $"/api/deals/{deal}/interactions", new { kind = "call", text = "First call" });
        await LogAsync(anna, $"/api/deals/{deal}/interactions", new { kind = "email", text = "Thier leter", result = "interested" });
        var id = (await GetAsync(anna, $"/api/deals/{deal}/interactions"))[0].Str("id");
        var before = await EntryAsync(anna, deal, id);
        _host.Clock.AdvanceMinutes(30);
        var letter = _host.Clock.GetCurrentInstant() - NodaTime.Duration.FromDays(2);

        var response = await anna.PutJsonAsync($"/api/interactions/{id}", new { text = "Their letter", topic = "Prices", result = "proposal-sent", at = letter });
        _host.Clock.AdvanceMinutes(5);
        var again = await anna.PutJsonAsync($"/api/interactions/{id}", new { topic = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await EntryAsync(anna, deal, id);
        after.Str("text").ShouldBe("Their letter");
        after.TryGetProperty("topic", out var topic).ShouldBeTrue();
        topic.ValueKind.ShouldBe(JsonValueKind.Null);
        after.Str("result").ShouldBe("proposal-sent");
        after.Str("at").ShouldBe(letter.ToString());
        after.GetProperty("number").GetInt32().ShouldBe(2);
        after.Str("createdAt").ShouldBe(before.Str("createdAt"));
        after.Str("editedAt").ShouldBe(_host.Clock.GetCurrentInstant().ToString());
        after.GetProperty("revisions").GetInt32().ShouldBe(2);
        var versions = (await GetAsync(anna, $"/api/interactions/{id}/revisions")).EnumerateArray().ToList();
        versions.Select(v => v.Str("text")).ShouldBe(["Thier leter", "Their letter", "Their letter"]);
        versions.Select(v => v.TryGetProperty("topic", out var t) ? t.GetString() : null).ShouldBe([null, "Prices", null]);
        versions[0].Str("at").ShouldBe(before.Str("createdAt"));
        versions[0].Str("interactionAt").ShouldBe(before.Str("at"));
        versions[1].Str("interactionAt").ShouldBe(letter.ToString());
        versions.ShouldAllBe(v => v.Str("by") == "anna" && v.Str("byName") == "Anna Petrova");
        (await GetAsync(anna, $"/api/deals/{deal}/interactions?q=prices")).GetArrayLength().ShouldBe(0);
        (await GetAsync(anna, $"/api/deals/{deal}/interactions?q=their letter")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Put_BySomeoneElse_Is403ForAHeadWhoSeesIt_404ForAManagerWhoDoesNot_AndAnAdminMayCorrect()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        var admin = await _host.SignInAsync("admin@crm.local");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales" })).Str("id");
        await LogAsync(anna, $"/api/deals/{deal}/interactions", new { kind = "call", text = "Called" });
        var id = (await GetAsync(anna, $"/api/deals/{deal}/interactions"))[0].Str("id");

        var byHead = await head.PutJsonAsync($"/api/interactions/{id}", new { text = "Head's words" });
        var byBoris = await boris.PutJsonAsync($"/api/interactions/{id}", new { text = "Boris's words" });
        var badResult = await anna.PutJsonAsync($"/api/interactions/{id}", new { text = "Mine", result = "made-up" });
        var blank = await anna.PutJsonAsync($"/api/interactions/{id}", new { text = "  " });
        var byAdmin = await admin.PutJsonAsync($"/api/interactions/{id}", new { text = "Called twice" });

        byHead.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byBoris.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        badResult.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badResult.JsonAsync()).GetProperty("errors").TryGetProperty("result", out _).ShouldBeTrue();
        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        byAdmin.StatusCode.ShouldBe(HttpStatusCode.OK, await byAdmin.Content.ReadAsStringAsync());
        var versions = (await GetAsync(anna, $"/api/interactions/{id}/revisions")).EnumerateArray().ToList();
        versions.Select(v => v.Str("text")).ShouldBe(["Called", "Called twice"]);
        versions[1].Str("by").ShouldBe("admin");
        (await boris.GetAsync($"/api/interactions/{id}/revisions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_AddingTheTopicAndResultTheStageAsksOfTheMeeting_LetsTheDealMoveOn()
    {
        // A correction counts for the stage's requirement as the entry now reads, so a manager fixes the entry instead of
        // logging the same meeting twice.
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "Romashka", email: "irina@romashka.test");
        var contactId = FirstContactId(client);
        var deal = (await CreateDealAsync(anna, new { title = "Deal", workflowId = "b2b-sales", amount = 100_000m, clientId = client.Str("id"), contactIds = new[] { contactId } })).Str("id");
        foreach (var outcome in new[] { "Done", "Done", "Done", "Sent" })
            (await anna.PostJsonAsync($"/api/deals/{deal}/moves", new { outcome })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await LogAsync(anna, $"/api/deals/{deal}/interactions", new { kind = "meeting", text = "Met them", contactId });
        var id = (await GetAsync(anna, $"/api/deals/{deal}/interactions"))[0].Str("id");
        var refused = await anna.PostJsonAsync($"/api/deals/{deal}/moves", new { outcome = "Agreed" });

        (await anna.PutJsonAsync($"/api/interactions/{id}", new { topic = "Presentation", result = "meeting-held" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var moved = await anna.PostJsonAsync($"/api/deals/{deal}/moves", new { outcome = "Agreed" });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["interaction.topic", "interaction.result"], ignoreOrder: true);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await moved.JsonAsync()).Str("stageId").ShouldBe("closing");
    }

    [Fact]
    public async Task Put_MovingTheLetterDateIntoTheFuture_NoLongerCountsForTheStage()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "Romashka", email: "irina@romashka.test");
        var contactId = FirstContactId(client);
        var deal = (await CreateDealAsync(anna, new { title = "Deal", workflowId = "b2b-sales", amount = 100_000m, clientId = client.Str("id"), contactIds = new[] { contactId } })).Str("id");
        foreach (var outcome in new[] { "Done", "Done", "Done", "Sent" })
            (await anna.PostJsonAsync($"/api/deals/{deal}/moves", new { outcome })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await LogAsync(anna, $"/api/deals/{deal}/interactions", new { kind = "meeting", text = "Presented", topic = "Presentation", result = "meeting-held", contactId });
        var id = (await GetAsync(anna, $"/api/deals/{deal}/interactions"))[0].Str("id");

        var future = _host.Clock.GetCurrentInstant() + NodaTime.Duration.FromDays(1);
        (await anna.PutJsonAsync($"/api/interactions/{id}", new { at = future })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await anna.PostJsonAsync($"/api/deals/{deal}/moves", new { outcome = "Agreed" });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["interaction"]);
    }
}
