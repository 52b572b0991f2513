using System.Net;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Records;

public sealed class ClientTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Create_ClientWithSegmentsAndAContact_CanBeReadBack()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var created = await CreateClientAsync(anna, "Romashka LLC", phone: "+7 (495) 987-65-43", email: "Irina@Romashka.test");

        var read = await GetAsync(anna, $"/api/clients/{created.Str("id")}");
        read.Str("name").ShouldBe("Romashka LLC");
        read.Str("kind").ShouldBe("company");
        read.Str("source").ShouldBe("website");
        read.GetProperty("segments").EnumerateArray().Select(s => s.GetString()).ShouldBe(["top-100-city"]);
        var contact = read.GetProperty("contacts")[0];
        contact.Str("name").ShouldBe("Irina Sokolova");
        contact.Str("position").ShouldBe("CFO");
        contact.Str("birthday").ShouldBe("1980-05-17");
        contact.GetProperty("phones")[0].GetString().ShouldBe("+7 (495) 987-65-43");
        (await GetAsync(anna, $"/api/clients/{created.Str("id")}/contacts")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Create_WithBadInput_Is400ListingEveryProblemAndCreatesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var before = (await GetAsync(anna, "/api/clients")).GetArrayLength();

        var response = await anna.PostJsonAsync("/api/clients", new
        {
            name = "",
            kind = "alien",
            source = "carrier-pigeon",
            segments = new[] { "moon-base" },
            contacts = new[] { new { name = "", emails = new[] { "not-an-email" }, phones = new[] { "12" }, birthday = "yesterday" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "name", "kind", "source", "segments", "contacts[0].name", "contacts[0].emails", "contacts[0].phones", "contacts[0].birthday" })
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        (await GetAsync(anna, "/api/clients")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task List_BySegment_MatchesTheWholeId_NeverAsAPattern()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var underscore = (await CreateClientAsync(anna, "Underscore Ltd")).Str("id");
        var other = (await CreateClientAsync(anna, "Other Ltd")).Str("id");
        var admin = await _host.SignInAsync("admin@crm.local");
        (await admin.PutJsonAsync("/api/dictionaries/segments", new[] { new { id = "vip_a", name = "VIP A" }, new { id = "vipxa", name = "VIP X" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anna.PutJsonAsync($"/api/clients/{underscore}", new { name = "Underscore Ltd", kind = "company", segments = new[] { "vip_a" } }, ifMatch: "\"1\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anna.PutJsonAsync($"/api/clients/{other}", new { name = "Other Ltd", kind = "company", segments = new[] { "vipxa" } }, ifMatch: "\"1\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // As a LIKE pattern, '_' would match the 'x' of vipxa, and '%' any client with a segment.
        (await GetAsync(anna, "/api/clients?segment=vip_a")).EnumerateArray().Select(c => c.Str("id")).ShouldBe([underscore]);
        (await GetAsync(anna, "/api/clients?segment=vipxa")).EnumerateArray().Select(c => c.Str("id")).ShouldBe([other]);
        (await GetAsync(anna, "/api/clients?segment=%25")).GetArrayLength().ShouldBe(0);
        (await GetAsync(anna, "/api/clients?segment=vip%25")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Put_WithAStaleVersion_Is409AndKeepsTheClient()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateClientAsync(anna, "Vector Bank")).Str("id");
        var body = new { name = "Vector Bank JSC", kind = "company", segments = new[] { "banks-region", "top-100-city" } };
        (await anna.PutJsonAsync($"/api/clients/{id}", body, ifMatch: "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await anna.PutJsonAsync($"/api/clients/{id}", body with { name = "Vector" }, ifMatch: "\"1\"");

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var client = await GetAsync(anna, $"/api/clients/{id}");
        client.Str("name").ShouldBe("Vector Bank JSC");
        client.GetProperty("version").GetInt32().ShouldBe(2);
        client.GetProperty("segments").GetArrayLength().ShouldBe(2);
        (await GetAsync(anna, "/api/clients?segment=banks-region")).EnumerateArray().Select(c => c.Str("id")).ShouldBe([id]);
        (await GetAsync(anna, "/api/clients?q=BANK%20JSC")).GetArrayLength().ShouldBe(1);
        (await GetAsync(anna, "/api/clients?segment=retail")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Contacts_SameEmailOrPhoneAsAnother_Is409NamingIt_AndPutChecksVersions()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "Sever Steel", phone: "8 812 444-10-20", email: "p.orlov@sever.test");

        var samePhone = await anna.PostJsonAsync($"/api/clients/{client.Str("id")}/contacts", new { name = "Pavel", phones = new[] { "+7 812 444 10 20" } });
        var other = await anna.PostJsonAsync($"/api/clients/{client.Str("id")}/contacts", new { name = "Olga Orlova", emails = new[] { "olga@seversteel.example" } });

        samePhone.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await samePhone.JsonAsync()).Str("existingContactId").ShouldBe(FirstContactId(client));
        other.StatusCode.ShouldBe(HttpStatusCode.Created);
        var olga = (await other.JsonAsync()).Str("id");
        var renamed = await anna.PutJsonAsync($"/api/contacts/{olga}", new { name = "Olga Orlova-Smirnova", position = "CEO", emails = new[] { "olga@seversteel.example" } }, ifMatch: "\"1\"");
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renamed.JsonAsync()).Str("position").ShouldBe("CEO");
        (await anna.PutJsonAsync($"/api/contacts/{olga}", new { name = "Olga" }, ifMatch: "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CreateDeal_LinkedByIds_ShowsTheClientAndContacts()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "Luch Retail", phone: "+7 343 111-33-44", email: "maria@luch.test", contact: "Maria Kuznetsova");

        var deal = await CreateDealAsync(anna, new { title = "Training", workflowId = "b2b-sales", clientId = client.Str("id"), contactIds = new[] { FirstContactId(client) } });

        deal.Str("clientId").ShouldBe(client.Str("id"));
        deal.GetProperty("contactIds")[0].GetString().ShouldBe(FirstContactId(client));
        deal.GetProperty("contacts")[0].Str("name").ShouldBe("Maria Kuznetsova");
        deal.GetProperty("client").Str("name").ShouldBe("Luch Retail");
        deal.GetProperty("contact").Str("email").ShouldBe("maria@luch.test");
        var card = await GetAsync(anna, $"/api/clients/{client.Str("id")}");
        card.GetProperty("deals")[0].Str("id").ShouldBe(deal.Str("id"));
        var duplicate = await anna.PostJsonAsync("/api/deals", new { title = "Again", workflowId = "b2b-sales", clientId = client.Str("id"), contactIds = new[] { FirstContactId(client) } });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.JsonAsync()).Str("existingDealId").ShouldBe(deal.Str("id"));
    }

    [Fact]
    public async Task CreateDeal_WithUnknownOrForeignIds_Is400AndCreatesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var one = await CreateClientAsync(anna, "One", email: "a@one.example");
        var two = await CreateClientAsync(anna, "Two", email: "b@two.example");
        var before = (await GetAsync(anna, "/api/deals")).GetArrayLength();

        var unknown = await anna.PostJsonAsync("/api/deals", new { title = "X", workflowId = "b2b-sales", clientId = "nope", contactIds = new[] { "nobody" } });
        var foreign = await anna.PostJsonAsync("/api/deals", new { title = "X", workflowId = "b2b-sales", clientId = one.Str("id"), contactIds = new[] { FirstContactId(two) } });

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await unknown.JsonAsync()).GetProperty("errors");
        errors.TryGetProperty("clientId", out _).ShouldBeTrue();
        errors.TryGetProperty("contactIds", out _).ShouldBeTrue();
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GetAsync(anna, "/api/deals")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task CreateDeal_Inline_CreatesTheClientAndContactOnce_ThenReusesThem()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        object Inline(string title) => new
        {
            title,
            workflowId = "b2b-sales",
            client = new { name = "ACME", kind = "company" },
            contact = new { name = "John Smith", email = "john@acme.example", phone = "+1 555 0100", position = "CEO" },
        };

        var first = await CreateDealAsync(anna, Inline("First"));
        var second = await CreateDealAsync(anna, Inline("Second"), "?allowDuplicate=true");

        first.Str("clientId").ShouldNotBeNullOrEmpty();
        second.Str("clientId").ShouldBe(first.Str("clientId"));
        second.GetProperty("contactIds")[0].GetString().ShouldBe(first.GetProperty("contactIds")[0].GetString());
        (await GetAsync(anna, "/api/clients?q=acme")).GetArrayLength().ShouldBe(1);
        (await GetAsync(anna, $"/api/clients/{first.Str("clientId")}/contacts")).GetArrayLength().ShouldBe(1);
    }
}
