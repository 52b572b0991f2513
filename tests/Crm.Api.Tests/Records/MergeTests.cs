using System.Net;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Records;

public sealed class MergeTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Merge_TwoDuplicates_KeepsBothHistoriesAndLinksTheJournalAndContacts()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "ACME", email: "john@acme.example", contact: "John");
        var other = await anna.PostJsonAsync($"/api/clients/{client.Str("id")}/contacts", new { name = "Jane", emails = new[] { "jane@acme.example" } });
        var janeId = (await other.JsonAsync()).Str("id");
        var survivor = (await CreateDealAsync(anna, new { title = "ACME fit-out", workflowId = "b2b-sales", clientId = client.Str("id"), contactIds = new[] { FirstContactId(client) } })).Str("id");
        var duplicate = (await CreateDealAsync(anna, new { title = "ACME office", workflowId = "b2b-sales", clientId = client.Str("id"), contactIds = new[] { janeId } })).Str("id");
        (await anna.PostJsonAsync($"/api/deals/{duplicate}/interactions", new { kind = "call", text = "Jane called about the office" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        _host.Clock.AdvanceMinutes(1);
        (await anna.PostJsonAsync($"/api/deals/{survivor}/interactions", new { kind = "email", text = "Sent John the plan" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var merged = await anna.PostJsonAsync($"/api/deals/{survivor}/merge", new { otherDealId = duplicate });

        merged.StatusCode.ShouldBe(HttpStatusCode.OK, await merged.Content.ReadAsStringAsync());
        var kept = await merged.JsonAsync();
        kept.Str("state").ShouldBe("open");
        kept.GetProperty("contactIds").EnumerateArray().Select(c => c.GetString()).ShouldBe([FirstContactId(client), janeId]);
        kept.GetProperty("mergedDealIds").EnumerateArray().Select(c => c.GetString()).ShouldBe([duplicate]);
        kept.GetProperty("history").EnumerateArray().ShouldContain(h => h.Str("kind") == "merged" && h.GetProperty("details").Str("dealId") == duplicate);
        var closed = await GetAsync(anna, $"/api/deals/{duplicate}");
        closed.Str("state").ShouldBe("duplicate");
        var history = closed.GetProperty("history").EnumerateArray().ToList();
        history.ShouldContain(h => h.Str("kind") == "mergedInto" && h.GetProperty("details").Str("dealId") == survivor);
        history.ShouldContain(h => h.Str("kind") == "interaction");
        closed.GetProperty("clocks").EnumerateArray().ShouldAllBe(c => c.Str("state") != "running");
        (await GetAsync(anna, $"/api/deals/{survivor}/interactions")).EnumerateArray().Select(i => i.Str("text")).ShouldBe(["Sent John the plan", "Jane called about the office"]);
    }

    [Fact]
    public async Task Merge_AClosedDeal_Is409AndChangesNeither()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var survivor = (await CreateDealAsync(anna, new { title = "A", workflowId = "b2b-sales" })).Str("id");
        var lost = (await CreateDealAsync(anna, new { title = "B", workflowId = "b2b-sales" })).Str("id");
        (await anna.PostJsonAsync($"/api/deals/{lost}/moves", new { outcome = "Lost" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await anna.PostJsonAsync($"/api/deals/{survivor}/merge", new { otherDealId = lost });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await GetAsync(anna, $"/api/deals/{survivor}")).GetProperty("version").GetInt32().ShouldBe(1);
        (await GetAsync(anna, $"/api/deals/{lost}")).GetProperty("history").EnumerateArray().ShouldNotContain(h => h.Str("kind") == "mergedInto");
    }

    [Fact]
    public async Task Merge_IntoAStaleSurvivorOrAnInvisibleDeal_IsRefusedAndChangesNeither()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var survivor = (await CreateDealAsync(anna, new { title = "A", workflowId = "b2b-sales" })).Str("id");
        var duplicate = (await CreateDealAsync(anna, new { title = "B", workflowId = "b2b-sales" })).Str("id");
        var borisDeal = (await CreateDealAsync(boris, new { title = "C", workflowId = "b2b-sales" })).Str("id");

        var stale = await anna.PostJsonAsync($"/api/deals/{survivor}/merge", new { otherDealId = duplicate }, ifMatch: "\"7\"");
        var invisible = await anna.PostJsonAsync($"/api/deals/{survivor}/merge", new { otherDealId = borisDeal });
        var itself = await anna.PostJsonAsync($"/api/deals/{survivor}/merge", new { otherDealId = survivor });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        invisible.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        itself.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GetAsync(anna, $"/api/deals/{duplicate}")).Str("state").ShouldBe("open");
        (await GetAsync(boris, $"/api/deals/{borisDeal}")).Str("state").ShouldBe("open");
        (await GetAsync(anna, $"/api/deals/{survivor}")).GetProperty("version").GetInt32().ShouldBe(1);
    }
}
