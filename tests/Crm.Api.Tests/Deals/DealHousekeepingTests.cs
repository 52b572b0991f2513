using System.Net;
using System.Text.Json;
using Crm.Api.Tests.Board;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Deals;

public sealed class DealHousekeepingTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync();
        await BoardFunnel.PublishAsync(_host);
        await BoardFunnel.PublishAsync(_host, BoardFunnel.Definition("pipe2", "Second pipe"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static IEnumerable<JsonElement> History(JsonElement deal) => deal.GetProperty("history").EnumerateArray();

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public async Task Transfer_ToAnotherFunnel_KeepsTheDealEntersItsFirstStageAndCancelsRunningClocks()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe", amount = 5m })).Str("id");
        (await anna.PostJsonAsync($"/api/deals/{id}/interactions", new { kind = "call", text = "Talked" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        _host.Clock.AdvanceMinutes(30);

        var response = await anna.PostJsonAsync($"/api/deals/{id}/transfer", new { workflowId = "pipe2" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var deal = await response.JsonAsync();
        (deal.Str("id"), deal.Str("workflowId"), deal.Str("stageId"), deal.Str("state")).ShouldBe((id, "pipe2", "lead", "open"));
        deal.GetProperty("clocks").EnumerateArray().Select(c => c.Str("state")).ShouldBe(["cancelled", "running"], ignoreOrder: true);
        var transferred = History(deal).Single(h => h.Str("kind") == "transferred");
        (Text(transferred, "byName"), Text(transferred, "fromWorkflowName"), Text(transferred, "toWorkflowName"), Text(transferred, "fromStageName"), Text(transferred, "toStageName"))
            .ShouldBe(("Anna Petrova", "Pipe", "Second pipe", "Lead", "Lead"));
        History(deal).ShouldContain(h => h.Str("kind") == "interaction");
        (await GetAsync(anna, $"/api/deals/{id}/interactions")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Transfer_ToANamedStage_EntersIt()
    {
        var head = await _host.SignInAsync("head@crm.local");
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe" })).Str("id");

        var deal = await (await head.PostJsonAsync($"/api/deals/{id}/transfer", new { workflowId = "pipe2", stageId = "talk" })).JsonAsync();

        (deal.Str("workflowId"), deal.Str("stageId")).ShouldBe(("pipe2", "talk"));
    }

    [Theory]
    [InlineData("", null, "workflowId")]
    [InlineData("nope", null, "workflowId")]
    [InlineData("pipe", null, "workflowId")]
    [InlineData("pipe2", "won", "stageId")]
    public async Task Transfer_BadTarget_Is400NamingTheFieldAndChangesNothing(string workflowId, string? stageId, string field)
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe" })).Str("id");

        var response = await anna.PostJsonAsync($"/api/deals/{id}/transfer", new { workflowId, stageId });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        var deal = await GetAsync(anna, $"/api/deals/{id}");
        (deal.Str("workflowId"), deal.GetProperty("version").GetInt32()).ShouldBe(("pipe", 1));
    }

    [Fact]
    public async Task Transfer_SomeoneElsesDeal_IsRefusedToAManager()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var id = (await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe" })).Str("id");

        (await boris.PostJsonAsync($"/api/deals/{id}/transfer", new { workflowId = "pipe2" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(anna, $"/api/deals/{id}")).Str("workflowId").ShouldBe("pipe");
    }

    [Fact]
    public async Task Move_InTheUnsortedInbox_HandsTheDealToTheChosenSalesFunnel()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateDealAsync(anna, new { title = "Someone called", workflowId = "unsorted" })).Str("id");

        var response = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "B2B sale" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var deal = await response.JsonAsync();
        (deal.Str("workflowId"), deal.Str("stageId"), deal.Str("stageName")).ShouldBe(("b2b-sales", "contacts", "Find all contacts and social profiles"));
        Text(History(deal).Single(h => h.Str("kind") == "transferred"), "fromWorkflowName").ShouldBe("Unsorted");
    }

    [Fact]
    public async Task History_AMove_IsToldWithNamesOfPersonStagesAndOutcome()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe" })).Str("id");
        (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Done" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var moved = History(await GetAsync(anna, $"/api/deals/{id}")).Last(h => h.Str("kind") == "moved");

        (Text(moved, "byName"), Text(moved, "fromStageName"), Text(moved, "toStageName"), Text(moved, "outcome")).ShouldBe(("Anna Petrova", "Lead", "Talk", "Done"));
    }

    [Fact]
    public async Task CloseDuplicate_ClosesAsDuplicateNotLostAndJoinsTheJournals()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var keep = (await CreateDealAsync(anna, new { title = "ACME", workflowId = "pipe" })).Str("id");
        var copy = (await CreateDealAsync(anna, new { title = "ACME again", workflowId = "pipe" })).Str("id");
        (await anna.PostJsonAsync($"/api/deals/{copy}/interactions", new { kind = "call", text = "Asked for a price" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await anna.PostJsonAsync($"/api/deals/{copy}/close-duplicate", new { duplicateOf = keep });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var closed = await response.JsonAsync();
        closed.Str("state").ShouldBe("duplicate");
        closed.GetProperty("clocks").EnumerateArray().ShouldAllBe(c => c.Str("state") == "cancelled");
        (await GetAsync(anna, $"/api/deals/{keep}")).GetProperty("mergedDealIds").EnumerateArray().Select(d => d.GetString()).ShouldBe([copy]);
        (await GetAsync(anna, $"/api/deals/{keep}/interactions")).EnumerateArray().Select(i => i.Str("text")).ShouldBe(["Asked for a price"]);
        (await GetAsync(anna, "/api/deals?workflowId=pipe&state=lost")).GetArrayLength().ShouldBe(0);
        (await GetAsync(anna, "/api/deals?workflowId=pipe&state=duplicate")).EnumerateArray().Select(d => d.Str("id")).ShouldBe([copy]);
    }

    [Fact]
    public async Task CloseDuplicate_OfItselfOrOfADealNotSeen_IsRefusedAndChangesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var copy = (await CreateDealAsync(anna, new { title = "ACME again", workflowId = "pipe" })).Str("id");
        var borisDeal = (await CreateDealAsync(boris, new { title = "ACME", workflowId = "pipe" })).Str("id");

        (await anna.PostJsonAsync($"/api/deals/{copy}/close-duplicate", new { duplicateOf = copy })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anna.PostJsonAsync($"/api/deals/{copy}/close-duplicate", new { duplicateOf = borisDeal })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anna.PostJsonAsync($"/api/deals/{copy}/close-duplicate", new { duplicateOf = borisDeal }, ifMatch: "\"9\"")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await GetAsync(anna, $"/api/deals/{copy}")).Str("state").ShouldBe("open");
    }

    [Fact]
    public async Task Contacts_AddMainAddAndRemove_KeepTheMainContactFirst()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var acme = await CreateClientAsync(anna, "ACME Steel", email: "john@acme.example", contact: "John");
        var jane = (await (await anna.PostJsonAsync($"/api/clients/{acme.Str("id")}/contacts", new { name = "Jane" })).JsonAsync()).Str("id");
        var id = (await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe", clientId = acme.Str("id"), contactIds = new[] { FirstContactId(acme) } })).Str("id");

        var added = await anna.PostJsonAsync($"/api/deals/{id}/contacts", new { contactId = jane, main = true });

        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        (await added.JsonAsync()).GetProperty("contactIds").EnumerateArray().Select(c => c.GetString()).ShouldBe([jane, FirstContactId(acme)]);
        var removed = await anna.DeleteAsync($"/api/deals/{id}/contacts/{jane}");
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await removed.JsonAsync()).GetProperty("contactIds").EnumerateArray().Select(c => c.GetString()).ShouldBe([FirstContactId(acme)]);
        History(await GetAsync(anna, $"/api/deals/{id}")).Select(h => h.Str("kind")).ShouldContain("contactUnlinked");
    }

    [Fact]
    public async Task Contacts_OfAnotherClient_Is400AndChangesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var acme = await CreateClientAsync(anna, "ACME Steel", email: "john@acme.example", contact: "John");
        var other = await CreateClientAsync(anna, "Other Ltd", email: "kate@other.example", contact: "Kate");
        var id = (await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe", clientId = acme.Str("id") })).Str("id");

        var response = await anna.PostJsonAsync($"/api/deals/{id}/contacts", new { contactId = FirstContactId(other) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("contactId", out _).ShouldBeTrue();
        (await GetAsync(anna, $"/api/deals/{id}")).GetProperty("version").GetInt32().ShouldBe(1);
        (await anna.PostJsonAsync($"/api/deals/{id}/contacts", new { contactId = "nobody" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Contacts_OnADealWithoutAClient_MakeTheContactsClientTheDeals()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var acme = await CreateClientAsync(anna, "ACME Steel", email: "john@acme.example", contact: "John");
        var id = (await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe" })).Str("id");

        var deal = await (await anna.PostJsonAsync($"/api/deals/{id}/contacts", new { contactId = FirstContactId(acme) })).JsonAsync();

        deal.Str("clientId").ShouldBe(acme.Str("id"));
        deal.GetProperty("client").Str("name").ShouldBe("ACME Steel");
    }
}
