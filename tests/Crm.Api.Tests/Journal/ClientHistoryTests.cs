using System.Net;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Journal;

/// <summary>
/// Whoever works with a client (its responsible manager, their head, an admin, anyone who sees one of its deals) sees the
/// client's whole journal across all its deals; others see only the client's own entries and the deals they see.
/// </summary>
public sealed class ClientHistoryTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private async Task LogAsync(HttpClient client, string url, string text)
    {
        _host.Clock.AdvanceMinutes(1);
        (await client.PostJsonAsync(url, new { kind = "call", text })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task<List<string>> TextsAsync(HttpClient client, string url) =>
        [.. (await GetAsync(client, url)).EnumerateArray().Select(i => i.Str("text"))];

    [Fact]
    public async Task ClientHistory_ForWhoeverSeesOneOfItsDeals_HasEveryDealsEntries_NewestFirst_FilteredByManager()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var client = (await CreateClientAsync(anna, "Vector Bank")).Str("id");
        var annasDeal = (await CreateDealAsync(anna, new { title = "Rollout", workflowId = "b2b-sales", clientId = client })).Str("id");
        var borisDeal = (await CreateDealAsync(boris, new { title = "Training", workflowId = "b2b-sales", clientId = client }, "?allowDuplicate=true")).Str("id");
        await LogAsync(anna, $"/api/deals/{annasDeal}/interactions", "Anna on rollout");
        await LogAsync(boris, $"/api/deals/{borisDeal}/interactions", "Boris on training");
        await LogAsync(boris, $"/api/clients/{client}/interactions", "Boris on the client");

        (await TextsAsync(anna, $"/api/clients/{client}/interactions")).ShouldBe(["Boris on the client", "Boris on training", "Anna on rollout"]);
        (await TextsAsync(boris, $"/api/clients/{client}/interactions")).ShouldBe(["Boris on the client", "Boris on training", "Anna on rollout"]);
        (await TextsAsync(anna, $"/api/clients/{client}/interactions?managerId=boris")).ShouldBe(["Boris on the client", "Boris on training"]);
        (await TextsAsync(anna, $"/api/deals/{annasDeal}/interactions?scope=client&managerId=anna")).ShouldBe(["Anna on rollout"]);
        (await TextsAsync(anna, $"/api/deals/{annasDeal}/interactions?scope=client")).Count.ShouldBe(3);
        (await TextsAsync(anna, $"/api/deals/{annasDeal}/interactions")).ShouldBe(["Anna on rollout"]);
        var entry = (await GetAsync(anna, $"/api/clients/{client}/interactions?managerId=boris"))[1];
        entry.Str("dealTitle").ShouldBe("Training");
        entry.Str("byName").ShouldBe("Boris Ivanov");
        (await anna.GetAsync($"/api/deals/{borisDeal}/interactions?scope=client")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anna.GetAsync($"/api/deals/{annasDeal}/interactions?scope=everything")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ClientHistory_ForAManagerWhoNeitherAnswersForTheClientNorSeesItsDeals_HasOnlyTheClientsOwnEntries()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        var client = (await CreateClientAsync(anna, "Romashka")).Str("id");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales", clientId = client })).Str("id");
        await LogAsync(anna, $"/api/deals/{deal}/interactions", "Anna on sofas");
        await LogAsync(anna, $"/api/clients/{client}/interactions", "Anna on the client");

        (await TextsAsync(boris, $"/api/clients/{client}/interactions")).ShouldBe(["Anna on the client"]);
        (await TextsAsync(head, $"/api/clients/{client}/interactions")).ShouldBe(["Anna on the client", "Anna on sofas"]);

        // Made responsible for the client, Boris sees its whole history, deals he does not see included.
        var admin = await _host.SignInAsync("admin@crm.local");
        var card = await GetAsync(admin, $"/api/clients/{client}");
        (await admin.PutJsonAsync($"/api/clients/{client}", new { name = card.Str("name"), kind = card.Str("kind"), responsibleId = "boris" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TextsAsync(boris, $"/api/clients/{client}/interactions")).ShouldBe(["Anna on the client", "Anna on sofas"]);
        (await boris.GetAsync($"/api/deals/{deal}/interactions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
