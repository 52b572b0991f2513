using System.Net;
using System.Text.Json;
using Crm.Api.Scheduling;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Board;

public sealed class BoardTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync();
        await BoardFunnel.PublishAsync(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static JsonElement Column(JsonElement board, string stageId) =>
        board.GetProperty("columns").EnumerateArray().Single(c => c.Str("stageId") == stageId);

    private static string[] Titles(JsonElement column) => [.. column.GetProperty("deals").EnumerateArray().Select(d => d.Str("title"))];

    [Fact]
    public async Task Board_Funnel_ColumnsInStageOrderWithTotalsOverEveryDealAndPagesByCursor()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        foreach (var (title, amount) in new[] { ("One", 100m), ("Two", 250.5m), ("Three", 1000m) })
        {
            await CreateDealAsync(anna, new { title, workflowId = "pipe", amount });
            _host.Clock.AdvanceMinutes(1);
        }
        var moved = (await CreateDealAsync(anna, new { title = "Four", workflowId = "pipe", amount = 7m })).Str("id");
        (await anna.PostJsonAsync($"/api/deals/{moved}/moves", new { outcome = "Done" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var board = await GetAsync(anna, "/api/deals/board?workflowId=pipe&limit=2");

        board.Str("workflowId").ShouldBe("pipe");
        board.GetProperty("workflowVersion").GetInt32().ShouldBe(1);
        board.GetProperty("columns").EnumerateArray().Select(c => c.Str("stageId")).ShouldBe(["lead", "talk"]);
        var first = Column(board, "lead");
        first.Str("name").ShouldBe("Lead");
        first.GetProperty("count").GetInt32().ShouldBe(3);
        first.GetProperty("amount").GetDecimal().ShouldBe(1350.5m);
        Titles(first).ShouldBe(["Three", "Two"]);
        first.GetProperty("deals")[0].Str("ownerName").ShouldBe("Anna Petrova");
        var second = Column(board, "talk");
        second.GetProperty("count").GetInt32().ShouldBe(1);
        Titles(second).ShouldBe(["Four"]);
        (second.TryGetProperty("nextCursor", out var none) ? none.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);

        var next = await GetAsync(anna, $"/api/deals/board?workflowId=pipe&limit=2&stageId=lead&cursor={first.Str("nextCursor")}");

        var page = next.GetProperty("columns").EnumerateArray().ShouldHaveSingleItem();
        page.GetProperty("count").GetInt32().ShouldBe(3);
        Titles(page).ShouldBe(["One"]);
        (page.TryGetProperty("nextCursor", out var end) ? end.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Board_FilteredByTextSourceAndOwner_CountsAndShowsOnlyMatchingDeals()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        var acme = await CreateClientAsync(anna, "ACME Steel", email: "john@acme.example", contact: "John Smith");
        await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe", amount = 10m, source = "website", clientId = acme.Str("id"), contactIds = new[] { FirstContactId(acme) } });
        await CreateDealAsync(anna, new { title = "Office chairs", workflowId = "pipe", amount = 20m, source = "tender" });
        await CreateDealAsync(boris, new { title = "Boris's warehouse", workflowId = "pipe", amount = 40m, source = "website" });

        async Task<JsonElement> Contacts(HttpClient who, string query) => Column(await GetAsync(who, $"/api/deals/board?workflowId=pipe&{query}"), "lead");

        (await Contacts(head, "q=acme")).GetProperty("count").GetInt32().ShouldBe(1);
        Titles(await Contacts(head, "q=JOHN@acme")).ShouldBe(["Fit-out"]);
        Titles(await Contacts(head, "q=smith")).ShouldBe(["Fit-out"]);
        Titles(await Contacts(head, "q=chairs")).ShouldBe(["Office chairs"]);
        var website = await Contacts(head, "source=website");
        website.GetProperty("count").GetInt32().ShouldBe(2);
        website.GetProperty("amount").GetDecimal().ShouldBe(50m);
        Titles(await Contacts(head, "ownerId=boris")).ShouldBe(["Boris's warehouse"]);
        Titles(await Contacts(head, "ownerId=anna&source=website")).ShouldBe(["Fit-out"]);
        // A manager's board holds only what they may see, totals included.
        var annas = await Contacts(anna, "");
        annas.GetProperty("count").GetInt32().ShouldBe(2);
        annas.GetProperty("amount").GetDecimal().ShouldBe(30m);
    }

    [Fact]
    public async Task Board_OverdueAndNextStepFilters_KeepDealsWithABreachedClockOrNoFutureNextStep()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        await CreateDealAsync(anna, new { title = "Late", workflowId = "pipe" });
        var planned = (await CreateDealAsync(anna, new { title = "Planned", workflowId = "pipe" })).Str("id");
        (await anna.PutJsonAsync($"/api/deals/{planned}/next-step", new { at = CrmTestHost.DefaultStart.Plus(NodaTime.Duration.FromHours(30)), what = "Call" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = (await CreateDealAsync(anna, new { title = "Stale", workflowId = "pipe" })).Str("id");
        (await anna.PutJsonAsync($"/api/deals/{stale}/next-step", new { at = CrmTestHost.DefaultStart.Plus(NodaTime.Duration.FromHours(2)), what = "Call" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Clock.AdvanceHours(6);
        await _host.Services.GetRequiredService<DeadlineScheduler>().RunDueAsync();
        await CreateDealAsync(anna, new { title = "Fresh", workflowId = "pipe" });

        Titles(Column(await GetAsync(anna, "/api/deals/board?workflowId=pipe&overdue=true"), "lead")).ShouldBe(["Stale", "Planned", "Late"], ignoreOrder: true);
        Titles(Column(await GetAsync(anna, "/api/deals/board?workflowId=pipe&nextStep=missing"), "lead")).ShouldBe(["Fresh", "Late"], ignoreOrder: true);
        Titles(Column(await GetAsync(anna, "/api/deals/board?workflowId=pipe&nextStep=overdue"), "lead")).ShouldBe(["Stale"]);
        Titles(Column(await GetAsync(anna, "/api/deals/board?workflowId=pipe&nextStep=overdue&overdue=true"), "lead")).ShouldBe(["Stale"]);
    }

    [Theory]
    [InlineData("/api/deals/board", "workflowId")]
    [InlineData("/api/deals/board?workflowId=pipe&nextStep=someday", "nextStep")]
    [InlineData("/api/deals/board?workflowId=pipe&limit=0", "limit")]
    [InlineData("/api/deals/board?workflowId=pipe&stageId=lead&cursor=garbage", "cursor")]
    [InlineData("/api/deals/board?workflowId=pipe&cursor=MTIzfGFiYw", "stageId")]
    [InlineData("/api/deals/board?workflowId=pipe&stageId=nowhere", "stageId")]
    public async Task Board_BadQuery_Is400NamingTheField(string url, string field)
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var response = await anna.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Board_UnknownFunnel_Is404()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        (await anna.GetAsync("/api/deals/board?workflowId=nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_TextSourceOwnerAndOverdue_FilterOnTheServer()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        var acme = await CreateClientAsync(anna, "ACME Steel", phone: "+7 (812) 765-43-21");
        await CreateDealAsync(anna, new { title = "Fit-out", workflowId = "pipe", source = "website", clientId = acme.Str("id"), contactIds = new[] { FirstContactId(acme) } });
        _host.Clock.AdvanceHours(6);
        await _host.Services.GetRequiredService<DeadlineScheduler>().RunDueAsync();
        await CreateDealAsync(anna, new { title = "Chairs", workflowId = "pipe", source = "tender" });

        async Task<string[]> Titles(string query) =>
            [.. (await GetAsync(head, "/api/deals?workflowId=pipe&" + query)).EnumerateArray().Select(d => d.Str("title"))];

        (await Titles("q=acme")).ShouldBe(["Fit-out"]);
        (await Titles("q=88127654321")).ShouldBe(["Fit-out"]);
        (await Titles("source=tender")).ShouldBe(["Chairs"]);
        (await Titles("overdue=true")).ShouldBe(["Fit-out"]);
        (await Titles("ownerId=boris")).ShouldBeEmpty();
        (await GetAsync(head, "/api/deals?q=chairs"))[0].Str("ownerName").ShouldBe("Anna Petrova");
    }
}
