using System.Net;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Records;

/// <summary>The b2b-sales funnel: "Sent" needs an amount; leaving "Presentation" needs a meeting with date, contact, topic and result.</summary>
public sealed class RequirementTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private async Task<(HttpClient Anna, string Id, string ContactId)> AtProposalAsync(decimal? amount)
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "Romashka", email: "irina@romashka.test");
        var deal = await CreateDealAsync(anna, new { title = "Deal", workflowId = "b2b-sales", amount, clientId = client.Str("id"), contactIds = new[] { FirstContactId(client) } });
        var id = deal.Str("id");
        foreach (var _ in Enumerable.Range(0, 3))
            (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Done" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (anna, id, FirstContactId(client));
    }

    [Fact]
    public async Task Sent_WithoutAnAmount_Is400NamingTheAmount_AndTheDealStays()
    {
        var (anna, id, _) = await AtProposalAsync(amount: null);

        var response = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Sent" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.Str("code").ShouldBe("missing-data");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["amount"]);
        var deal = await GetAsync(anna, $"/api/deals/{id}");
        deal.Str("stageId").ShouldBe("proposal");
        deal.GetProperty("version").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Sent_WithTheAmountInTheMove_GoesOn()
    {
        var (anna, id, _) = await AtProposalAsync(amount: null);

        var response = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Sent", amount = 300_000m });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var deal = await response.JsonAsync();
        deal.Str("stageId").ShouldBe("presentation");
        deal.GetProperty("amount").GetDecimal().ShouldBe(300_000m);
    }

    [Fact]
    public async Task Patch_FillsTheAmount_ThenSentGoesOn()
    {
        var (anna, id, _) = await AtProposalAsync(amount: null);

        var patched = await anna.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { amount = 120_000m, fields = new { proposalNumber = "KP-1" } }),
        });

        patched.StatusCode.ShouldBe(HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());
        (await patched.JsonAsync()).GetProperty("fields").Str("proposalNumber").ShouldBe("KP-1");
        (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LeavingThePresentation_NeedsACompleteMeeting_AndSaysWhatIsMissing()
    {
        var (anna, id, contactId) = await AtProposalAsync(amount: 100_000m);
        (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var none = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Agreed" });
        (await anna.PostJsonAsync($"/api/deals/{id}/interactions", new { kind = "meeting", text = "Met them", contactId })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var partial = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Objections" });
        (await anna.PostJsonAsync($"/api/deals/{id}/interactions", new { kind = "meeting", text = "Presented", topic = "Presentation", result = "meeting-held", contactId }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var complete = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Agreed" });

        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await none.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["interaction"]);
        partial.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await partial.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["interaction.topic", "interaction.result"], ignoreOrder: true);
        complete.StatusCode.ShouldBe(HttpStatusCode.OK, await complete.Content.ReadAsStringAsync());
        (await complete.JsonAsync()).Str("stageId").ShouldBe("closing");
    }

    [Fact]
    public async Task Pause_NeedsNothing()
    {
        var (anna, id, _) = await AtProposalAsync(amount: 100_000m);
        (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Pause" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
