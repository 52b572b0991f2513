using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Leads;

public sealed class LeadTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static object Lead(string email, string message = "Need 40 desks", string? phone = null) =>
        new { name = "Пётр Иванов", email, phone, message, source = "website" };

    [Fact]
    public async Task Lead_FromTheWebsite_OpensADealInTheTeamQueueWithTheMessage()
    {
        var response = await _host.Anonymous().PostJsonAsync("/api/leads", Lead("petr@example.ru", phone: "+7 916 000-11-22"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"accepted":true}""");
        response.Headers.Location.ShouldBeNull();
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await LeadDealAsync(anna, "petr@example.ru");
        var deal = await GetAsync(anna, $"/api/deals/{dealId}");
        deal.Str("workflowId").ShouldBe("inbound-lead");
        deal.Str("stageId").ShouldBe("take");
        deal.GetProperty("ownerId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        deal.Str("teamId").ShouldBe("sales");
        deal.Str("source").ShouldBe("website");
        deal.GetProperty("contacts")[0].Str("name").ShouldBe("Пётр Иванов");
        var journal = await GetAsync(anna, $"/api/deals/{dealId}/interactions");
        journal.EnumerateArray().Select(i => i.Str("text")).ShouldBe(["Need 40 desks"]);
        (await GetAsync(anna, "/api/search?q=916 000 11 22")).GetProperty("deals").EnumerateArray().Select(d => d.Str("id")).ShouldBe([dealId]);
    }

    [Fact]
    public async Task Lead_FromAContactWithAnOpenDeal_IsAttachedToThatDeal()
    {
        var anonymous = _host.Anonymous();
        (await anonymous.PostJsonAsync("/api/leads", Lead("petr@example.ru", "First"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var admin = await _host.SignInAsync("admin@crm.local");
        var first = await LeadDealAsync(admin, "petr@example.ru");
        var before = (await GetAsync(admin, "/api/deals?workflowId=inbound-lead")).GetArrayLength();
        _host.Clock.AdvanceMinutes(1);

        var second = await anonymous.PostJsonAsync("/api/leads", Lead("PETR@example.ru", "Second, with a phone", phone: "+7 916 000-11-22"));

        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await GetAsync(admin, $"/api/deals/{first}/interactions")).EnumerateArray().Select(i => i.Str("text")).ShouldBe(["Second, with a phone", "First"]);
        (await GetAsync(admin, "/api/deals?workflowId=inbound-lead")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task Lead_WithAKnownCustomersEmail_GetsTheSameAnswerAsANewEmail()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var customersDeal = (await CreateDealAsync(admin, new
        {
            title = "Desks for Romashka",
            workflowId = "b2b-sales",
            ownerId = "anna",
            contact = new { name = "Olga Romashkina", email = "olga@romashka.ru" },
        })).Str("id");
        var attacker = _host.Anonymous();

        var known = await attacker.PostJsonAsync("/api/leads", Lead("olga@romashka.ru", "Is this a customer?"));
        var unknown = await attacker.PostJsonAsync("/api/leads", Lead("nobody@example.ru", "Is this a customer?"));

        (await GetAsync(admin, $"/api/deals/{customersDeal}/interactions")).EnumerateArray().Select(i => i.Str("text")).ShouldBe(["Is this a customer?"]);
        known.StatusCode.ShouldBe(unknown.StatusCode);
        known.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await known.Content.ReadAsStringAsync()).ShouldBe(await unknown.Content.ReadAsStringAsync());
        known.Content.Headers.ContentType.ShouldBe(unknown.Content.Headers.ContentType);
        known.Headers.Select(h => h.Key).Order().ShouldBe(unknown.Headers.Select(h => h.Key).Order());
        known.Headers.Location.ShouldBeNull();
        (await known.Content.ReadAsStringAsync()).ShouldNotContain(customersDeal);
    }

    [Theory]
    [InlineData("b2b-sales")]
    [InlineData("no-such-funnel")]
    public async Task Lead_NamingAFunnelNotOpenForLeads_Is400AndCreatesNothing(string workflowId)
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var before = (await GetAsync(admin, "/api/deals")).GetArrayLength();
        var clientsBefore = (await GetAsync(admin, "/api/clients")).GetArrayLength();

        var response = await _host.Anonymous().PostJsonAsync("/api/leads", new { name = "Пётр", email = "petr@example.ru", message = "hi", workflowId });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").GetProperty("workflowId")[0].GetString()
            .ShouldBe($"Funnel '{workflowId}' does not take website leads.");
        (await GetAsync(admin, "/api/deals")).GetArrayLength().ShouldBe(before);
        (await GetAsync(admin, "/api/clients")).GetArrayLength().ShouldBe(clientsBefore);
    }

    [Fact]
    public async Task Lead_IntoAFunnelTheAdminOpened_OpensADealThere_UntilAVersionClosesItAgain()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        await PublishB2bSalesAsync(admin, acceptsLeads: true);

        var opened = await _host.Anonymous().PostJsonAsync("/api/leads", new { name = "Пётр", email = "petr@example.ru", message = "hi", workflowId = "b2b-sales" });

        opened.StatusCode.ShouldBe(HttpStatusCode.Accepted, await opened.Content.ReadAsStringAsync());
        (await GetAsync(admin, $"/api/deals/{await LeadDealAsync(admin, "petr@example.ru")}")).Str("workflowId").ShouldBe("b2b-sales");

        await PublishB2bSalesAsync(admin, acceptsLeads: false);
        var closed = await _host.Anonymous().PostJsonAsync("/api/leads", new { name = "Ivan", email = "ivan@example.ru", message = "hi", workflowId = "b2b-sales" });
        closed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>Publishes the built-in B2B funnel again, opened for website leads or not.</summary>
    internal static async Task PublishB2bSalesAsync(HttpClient admin, bool acceptsLeads)
    {
        var definition = JsonNode.Parse(Crm.Workflows.BuiltInWorkflows.Json("b2b-sales"))!;
        definition["acceptsLeads"] = acceptsLeads;
        var saved = await admin.PutJsonAsync("/api/workflows/b2b-sales", definition);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var published = await admin.PostAsync("/api/workflows/b2b-sales/publish", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
    }

    /// <summary>The one deal a lead with this e-mail is in, as staff find it: the lead's answer names none.</summary>
    internal static async Task<string> LeadDealAsync(HttpClient staff, string email)
    {
        var deals = (await GetAsync(staff, $"/api/search?q={Uri.EscapeDataString(email)}")).GetProperty("deals");
        deals.GetArrayLength().ShouldBe(1);
        return deals[0].Str("id");
    }

    [Theory]
    [InlineData("", "a@b.ru", null, "name")]
    [InlineData("Пётр", null, null, "contact")]
    [InlineData("Пётр", "not-an-email", null, "email")]
    [InlineData("Пётр", null, "12", "phone")]
    public async Task Lead_WithBadInput_Is400AndCreatesNothing(string name, string? email, string? phone, string field)
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var before = (await GetAsync(admin, "/api/deals")).GetArrayLength();
        var clientsBefore = (await GetAsync(admin, "/api/clients")).GetArrayLength();

        var response = await _host.Anonymous().PostJsonAsync("/api/leads", new { name, email, phone, message = "hi" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        (await GetAsync(admin, "/api/deals")).GetArrayLength().ShouldBe(before);
        (await GetAsync(admin, "/api/clients")).GetArrayLength().ShouldBe(clientsBefore);
    }

    [Fact]
    public async Task Leads_AFloodFromOneAddress_Gets429PastTheLimit_AndNothingBeyondItIsCreated()
    {
        var anonymous = _host.Anonymous();
        var admin = await _host.SignInAsync("admin@crm.local");
        var before = (await GetAsync(admin, "/api/deals")).GetArrayLength();
        var clientsBefore = (await GetAsync(admin, "/api/clients")).GetArrayLength();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 15; i++)
            responses.Add(await anonymous.PostJsonAsync("/api/leads", Lead($"flood{i}@example.ru")));

        responses.Take(10).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Accepted);
        responses.Skip(10).ShouldAllBe(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var rejected = responses[^1];
        rejected.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        rejected.Headers.RetryAfter.ShouldNotBeNull();
        (await GetAsync(admin, "/api/deals")).GetArrayLength().ShouldBe(before + 10);
        (await GetAsync(admin, "/api/clients")).GetArrayLength().ShouldBe(clientsBefore + 10);
    }
}
