using System.Net;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Records;

public sealed class InteractionTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Journal_OnADeal_IsNewestFirst_Searchable_AndOnTheDealsHistory()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "Romashka", phone: "+7 495 987-65-43");
        var deal = await CreateDealAsync(anna, new { title = "Furniture", workflowId = "b2b-sales", clientId = client.Str("id"), contactIds = new[] { FirstContactId(client) } });
        var id = deal.Str("id");

        var call = await anna.PostJsonAsync($"/api/deals/{id}/interactions", new { kind = "call", at = _host.Clock.GetCurrentInstant(), text = "Called about the sofas", result = "call-back", contactId = FirstContactId(client) });
        _host.Clock.AdvanceMinutes(10);
        var note = await anna.PostJsonAsync($"/api/deals/{id}/interactions", new { kind = "note", text = "Прислать КП на ДИВАНЫ", topic = "Предложение" });

        call.StatusCode.ShouldBe(HttpStatusCode.Created, await call.Content.ReadAsStringAsync());
        note.StatusCode.ShouldBe(HttpStatusCode.Created);
        var journal = await GetAsync(anna, $"/api/deals/{id}/interactions");
        journal.EnumerateArray().Select(i => i.Str("kind")).ShouldBe(["note", "call"]);
        journal[1].Str("result").ShouldBe("call-back");
        journal[1].Str("resultName").ShouldBe("Asked to call back");
        journal[1].Str("contactId").ShouldBe(FirstContactId(client));
        journal[1].Str("clientId").ShouldBe(client.Str("id"));
        (await GetAsync(anna, $"/api/deals/{id}/interactions?q=диваны")).EnumerateArray().Select(i => i.Str("kind")).ShouldBe(["note"]);
        (await GetAsync(anna, $"/api/deals/{id}/interactions?q=SOFAS")).EnumerateArray().Select(i => i.Str("kind")).ShouldBe(["call"]);
        var history = (await GetAsync(anna, $"/api/deals/{id}")).GetProperty("history").EnumerateArray().Where(h => h.Str("kind") == "interaction").ToList();
        history.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Record_WithAResultNotInTheDictionary_Is400AndChangesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var deal = await CreateDealAsync(anna, new { title = "Deal", workflowId = "b2b-sales" });
        var id = deal.Str("id");

        var response = await anna.PostJsonAsync($"/api/deals/{id}/interactions", new { kind = "call", text = "Called", result = "made-up" });
        var noKind = await anna.PostJsonAsync($"/api/deals/{id}/interactions", new { kind = "telegram", text = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("result", out _).ShouldBeTrue();
        noKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GetAsync(anna, $"/api/deals/{id}/interactions")).GetArrayLength().ShouldBe(0);
        (await GetAsync(anna, $"/api/deals/{id}")).GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Journal_OfAClient_HasItsOwnEntriesAndThoseOfTheDealsTheCallerSees()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var client = await CreateClientAsync(anna, "Vector Bank", email: "oleg@vector.example");
        var deal = await CreateDealAsync(anna, new { title = "CRM rollout", workflowId = "b2b-sales", clientId = client.Str("id") });
        (await anna.PostJsonAsync($"/api/deals/{deal.Str("id")}/interactions", new { kind = "meeting", text = "Demo of the CRM", result = "meeting-held" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        _host.Clock.AdvanceMinutes(5);

        var own = await boris.PostJsonAsync($"/api/clients/{client.Str("id")}/interactions", new { kind = "call", text = "Congratulated on the bank's birthday", result = "interested" });
        var badResult = await boris.PostJsonAsync($"/api/clients/{client.Str("id")}/interactions", new { kind = "call", text = "x", result = "nope" });

        own.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await own.JsonAsync()).Str("clientId").ShouldBe(client.Str("id"));
        badResult.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GetAsync(anna, $"/api/clients/{client.Str("id")}/interactions")).EnumerateArray().Select(i => i.Str("kind")).ShouldBe(["call", "meeting"]);
        (await GetAsync(boris, $"/api/clients/{client.Str("id")}/interactions")).EnumerateArray().Select(i => i.Str("kind")).ShouldBe(["call"]);
        (await boris.GetAsync($"/api/deals/{deal.Str("id")}/interactions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anna.GetAsync("/api/clients/nope/interactions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NextStep_KeptByCompletingItsActivity_RaisesNoOverdueAlert()
    {
        // A next step is an activity now: completing it (which logs the call) is what keeps it, not any interaction.
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateDealAsync(anna, new { title = "Deal", workflowId = "b2b-sales" })).Str("id");
        var at = _host.Clock.GetCurrentInstant().Plus(NodaTime.Duration.FromHours(1));
        var deal = await (await anna.PutJsonAsync($"/api/deals/{id}/next-step", new { at, what = "Call back" })).JsonAsync();
        _host.Clock.AdvanceMinutes(30);
        (await anna.PostJsonAsync($"/api/activities/{deal.GetProperty("nextStep").Str("activityId")}/complete", new { result = "interested", text = "Called back" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Clock.AdvanceHours(2);

        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Crm.Api.Scheduling.DeadlineScheduler>(_host.Services).RunDueAsync();

        var alerts = await GetAsync(anna, "/api/alerts");
        alerts.EnumerateArray().ShouldNotContain(a => a.Str("kind") == "activityOverdue" || a.Str("kind") == "nextStepOverdue");
        (await GetAsync(anna, $"/api/deals/{id}/interactions")).EnumerateArray().ShouldContain(i => i.Str("text") == "Called back");
    }
}
