using System.Net;
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
        var dealId = (await response.JsonAsync()).Str("dealId");
        var anna = await _host.SignInAsync("anna@crm.local");
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
        var first = (await (await anonymous.PostJsonAsync("/api/leads", Lead("petr@example.ru", "First"))).JsonAsync()).Str("dealId");
        _host.Clock.AdvanceMinutes(1);

        var second = await anonymous.PostJsonAsync("/api/leads", Lead("PETR@example.ru", "Second, with a phone", phone: "+7 916 000-11-22"));

        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await second.JsonAsync();
        body.Str("dealId").ShouldBe(first);
        body.GetProperty("attached").GetBoolean().ShouldBeTrue();
        var admin = await _host.SignInAsync("admin@crm.local");
        (await GetAsync(admin, $"/api/deals/{first}/interactions")).EnumerateArray().Select(i => i.Str("text")).ShouldBe(["Second, with a phone", "First"]);
        (await GetAsync(admin, "/api/deals?workflowId=inbound-lead")).GetArrayLength().ShouldBe(1);
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
