using System.Net;
using System.Text;
using System.Text.Json;
using Crm.Api.Tests.Infrastructure;
using NodaTime;
using static Crm.Api.Tests.Audit.AuditApi;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Audit;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync();
        _admin = await _host.SignInAsync("admin@crm.local");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task PutClient_BorisWipesTheSource_AdminSeesWhoWhatAndWhen()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var id = (await CreateClientAsync(anna, "Romashka LLC")).Str("id");
        _host.Clock.Advance(Duration.FromHours(3));
        var wipedAt = _host.Clock.GetCurrentInstant();

        var put = await boris.PutJsonAsync($"/api/clients/{id}", new { name = "Romashka LLC", kind = "company", source = (string?)null, segments = new[] { "top-100-city" } }, ifMatch: "\"1\"");

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var history = await EntriesAsync(_admin, $"/api/clients/{id}/audit");
        var wiped = history[0];
        wiped.Str("actorId").ShouldBe("boris");
        wiped.Str("actorName").ShouldBe("Boris Ivanov");
        wiped.Str("action").ShouldBe("updated");
        wiped.Str("entityType").ShouldBe("client");
        wiped.Str("entityId").ShouldBe(id);
        wiped.GetProperty("at").GetString().ShouldBe(wipedAt.ToString());
        Changes(wiped).ShouldBe([("source", "website", null)]);
        var created = history.Single(e => e.Str("entityType") == "client" && e.Str("action") == "created");
        created.Str("actorId").ShouldBe("anna");
        Changes(created).ShouldContain(("source", null, "website"));
        var byBoris = await EntriesAsync(_admin, $"/api/audit?entityType=client&entityId={id}&actorId=boris");
        byBoris.Select(e => e.Str("id")).ShouldBe([wiped.Str("id")]);
    }

    [Fact]
    public async Task PutContact_ReplacingAPhone_ListsTheRemovedAndTheAddedPhone()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var contactId = FirstContactId(await CreateClientAsync(anna, "Vector Bank", phone: "+7 495 111-22-33", email: "oleg@vector.test"));

        var put = await anna.PutJsonAsync($"/api/contacts/{contactId}",
            new { name = "Irina Sokolova", position = "CFO", phones = new[] { "+7 495 999-88-77" }, emails = new[] { "oleg@vector.test" }, birthday = "1980-05-17" }, ifMatch: "\"1\"");

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var history = await EntriesAsync(_admin, $"/api/contacts/{contactId}/audit");
        history.Select(e => e.Str("action")).ShouldBe(["updated", "created"]);
        Changes(history[0]).ShouldBe([("phones", "+7 495 111-22-33", null), ("phones", null, "+7 495 999-88-77")], ignoreOrder: true);
        Changes(history[1]).ShouldContain(("emails", null, "oleg@vector.test"));
    }

    [Fact]
    public async Task CreateDeal_WithAnInlineContact_AuditsTheNewContactAsCreatedByTheUser()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var deal = await CreateDealAsync(anna, new
        {
            title = "Desks",
            workflowId = "b2b-sales",
            client = new { name = "ACME", kind = "company" },
            contact = new { name = "John Smith", email = "john@acme.example", phone = "+1 555 0100", position = "CEO" },
        });

        var contactId = deal.GetProperty("contactIds")[0].GetString()!;
        var entry = (await EntriesAsync(_admin, $"/api/contacts/{contactId}/audit")).ShouldHaveSingleItem();
        entry.Str("action").ShouldBe("created");
        entry.Str("actorId").ShouldBe("anna");
        entry.Str("actorName").ShouldBe("Anna Petrova");
        entry.Str("via").ShouldBe("deal");
        entry.Str("clientId").ShouldBe(deal.Str("clientId"));
        Changes(entry).ShouldContain(("name", null, "John Smith"));
        Changes(entry).ShouldContain(("emails", null, "john@acme.example"));
        var client = (await EntriesAsync(_admin, $"/api/audit?entityType=client&entityId={deal.Str("clientId")}")).ShouldHaveSingleItem();
        client.Str("actorId").ShouldBe("anna");
        client.Str("action").ShouldBe("created");
    }

    [Fact]
    public async Task Lead_FromTheWebsiteForm_AuditsTheNewContactAsTheFormsDoing()
    {
        var response = await _host.Anonymous().PostJsonAsync("/api/leads", new { name = "Пётр Иванов", email = "petr@example.ru", message = "Need 40 desks" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var entries = await EntriesAsync(_admin, "/api/audit?actorId=lead-form");
        entries.Select(e => (e.Str("entityType"), e.Str("action"))).ShouldBe([("client", "created"), ("contact", "created")], ignoreOrder: true);
        entries.ShouldAllBe(e => e.GetProperty("actorName").ValueKind == JsonValueKind.Null);
        Changes(entries.Single(e => e.Str("entityType") == "contact")).ShouldContain(("name", null, "Пётр Иванов"));
    }

    [Fact]
    public async Task Import_AuditsCreatedAndUpdatedRows_WithTheImportingAdminAsActor()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var existing = await CreateClientAsync(anna, "Romashka LLC", email: "irina@romashka.test");
        var file = Encoding.UTF8.GetBytes(string.Join("\r\n",
            "client,segments,contact,phone,email",
            "Romashka LLC,banks-region,Irina Sokolova,+7 495 987-65-43,irina@romashka.test",
            "Zarya Mills,,Pavel Orlov,,p.orlov@zarya.test"));
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "clients.csv" } };

        var response = await _admin.PostAsync("/api/import/clients", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var entries = await EntriesAsync(_admin, "/api/audit?actorId=admin");
        entries.ShouldAllBe(e => e.Str("via") == "import" && e.Str("actorName") == "Alexandra Admin");
        entries.Select(e => (e.Str("entityType"), e.Str("action"))).ShouldBe(
            [("client", "imported"), ("contact", "imported"), ("client", "updated"), ("contact", "updated")], ignoreOrder: true);
        var client = entries.Single(e => e.Str("entityType") == "client" && e.Str("action") == "updated");
        client.Str("entityId").ShouldBe(existing.Str("id"));
        Changes(client).ShouldBe([("segments", null, "banks-region")]);
        var contact = entries.Single(e => e.Str("entityType") == "contact" && e.Str("action") == "updated");
        contact.Str("entityId").ShouldBe(FirstContactId(existing));
        Changes(contact).ShouldBe([("phones", null, "+7 495 987-65-43")]);
    }

    [Fact]
    public async Task RejectedEdits_400And409_LeaveNoAuditEntry()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var first = await CreateClientAsync(anna, "Luch Retail", email: "maria@luch.test");
        var second = await CreateClientAsync(anna, "Sever Steel", email: "pavel@sever.test", contact: "Pavel Orlov");
        var id = first.Str("id");
        var before = await EntriesAsync(_admin, "/api/audit?limit=200");

        var badKind = await anna.PutJsonAsync($"/api/clients/{id}", new { name = "Luch", kind = "alien" }, ifMatch: "\"1\"");
        var stale = await anna.PutJsonAsync($"/api/clients/{id}", new { name = "Luch", kind = "company" }, ifMatch: "\"7\"");
        var duplicate = await anna.PutJsonAsync($"/api/contacts/{FirstContactId(second)}", new { name = "Pavel Orlov", emails = new[] { "maria@luch.test" } }, ifMatch: "\"1\"");
        var badContact = await anna.PostJsonAsync($"/api/clients/{id}/contacts", new { name = "", emails = new[] { "nope" } });

        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        badContact.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var after = await EntriesAsync(_admin, "/api/audit?limit=200");
        after.Select(e => e.Str("id")).ShouldBe(before.Select(e => e.Str("id")));
    }

    [Theory]
    [InlineData("anna@crm.local", "/api/audit")]
    [InlineData("head@crm.local", "/api/audit")]
    [InlineData("anna@crm.local", "/api/clients/any/audit")]
    [InlineData("head@crm.local", "/api/contacts/any/audit")]
    public async Task Audit_AskedByAManagerOrAHead_Is403(string email, string url)
    {
        var user = await _host.SignInAsync(email);

        var response = await user.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Audit_Anonymous_Is401()
    {
        var response = await _host.Anonymous().GetAsync("/api/audit");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Audit_WithBadFilters_Is400NamingEachField()
    {
        var response = await _admin.GetAsync("/api/audit?entityType=deal&from=yesterday&to=2027-13-01&cursor=nonsense&limit=0");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "entityType", "from", "to", "cursor", "limit" })
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
    }

    [Fact]
    public async Task Audit_PagedWithACursor_VisitsEachEntryOnceNewestFirst_EvenWhenEntriesArriveMeanwhile()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        for (var i = 0; i < 5; i++)
        {
            // Two entries per instant (a client and its contact), so a page boundary falls between equal times.
            await CreateClientAsync(anna, $"Client {i}", email: $"person{i}@paging.test");
            _host.Clock.Advance(Duration.FromMinutes(1));
        }
        var all = await EntriesAsync(_admin, "/api/audit?limit=200");

        var visited = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetAsync(_admin, "/api/audit?limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            visited.AddRange(page.GetProperty("entries").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            if (pages++ == 0)
                await CreateClientAsync(anna, "Arrived meanwhile");
        }
        while (cursor is not null);

        visited.Select(e => e.Str("id")).ShouldBe(all.Select(e => e.Str("id")));
        visited.Count.ShouldBeGreaterThanOrEqualTo(10);
        pages.ShouldBe((all.Count + 2) / 3);
        var times = visited.Select(e => e.GetProperty("at").GetString()!).Select(t => NodaTime.Text.InstantPattern.ExtendedIso.Parse(t).Value).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
    }

    [Fact]
    public async Task Audit_FilteredByTime_ReturnsOnlyEntriesInTheWindow()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        await CreateClientAsync(anna, "Before", email: "before@window.test");
        _host.Clock.Advance(Duration.FromMinutes(10));
        var from = _host.Clock.GetCurrentInstant();
        var inside = (await CreateClientAsync(anna, "Inside", email: "inside@window.test")).Str("id");
        _host.Clock.Advance(Duration.FromMinutes(10));
        var to = _host.Clock.GetCurrentInstant();
        await CreateClientAsync(anna, "After", email: "after@window.test");

        var entries = await EntriesAsync(_admin, $"/api/audit?from={from}&to={to}");

        entries.Select(e => e.Str("clientId")).Distinct().ShouldBe([inside]);
        entries.Count.ShouldBe(2);
    }
}
