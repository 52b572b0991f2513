using System.Net;
using System.Text.Json;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Deals;

public sealed class DealLifecycleTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static object NewDeal(string title, string? email = null, string? phone = null, decimal amount = 500_000m) => new
    {
        title,
        workflowId = "b2b-sales",
        amount,
        client = new { name = "ACME", kind = "company" },
        contact = new { name = "John Smith", email = email ?? $"{Guid.NewGuid():N}@acme.example", phone, position = "CEO" },
    };

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/deals", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    [Fact]
    public async Task Moves_AnnaTakesADealThroughEveryStage_DealIsWonWithFullHistory()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var deal = await CreateAsync(anna, NewDeal("Fit-out for ACME", amount: 2_000_000m));
        var id = deal.Str("id");
        deal.Str("stageId").ShouldBe("contacts");
        deal.Str("ownerId").ShouldBe("anna");

        var path = new (string Outcome, string Stage)[]
        {
            ("Done", "requirements"), ("Done", "portfolio"), ("Done", "proposal"), ("Sent", "presentation"),
            ("Pause", "paused"), ("Resume", "presentation"), ("Objections", "objections"), ("Resolved", "closing"), ("Signed", "won"),
        };
        foreach (var (outcome, stage) in path)
        {
            _host.Clock.AdvanceMinutes(30);
            var moved = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome });
            moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
            (await moved.JsonAsync()).Str("stageId").ShouldBe(stage);
            if (stage == "presentation" && outcome == "Sent")
            {
                // Leaving the presentation needs the meeting on record; logged before the pause, it still counts after it.
                var meeting = await anna.PostJsonAsync($"/api/deals/{id}/interactions", new
                {
                    kind = "meeting",
                    text = "Presented the fit-out plan",
                    topic = "Presentation",
                    result = "meeting-held",
                    contactId = deal.GetProperty("contactIds")[0].GetString(),
                });
                meeting.StatusCode.ShouldBe(HttpStatusCode.Created, await meeting.Content.ReadAsStringAsync());
            }
        }

        var final = await (await anna.GetAsync($"/api/deals/{id}")).JsonAsync();
        final.Str("state").ShouldBe("won");
        final.GetProperty("outcomes").GetArrayLength().ShouldBe(0);
        var moves = final.GetProperty("history").EnumerateArray().Where(h => h.Str("kind") == "moved").Select(h => h.GetProperty("details").Str("to")).ToList();
        moves.ShouldBe(["contacts", "requirements", "portfolio", "proposal", "size", "notify-head", "presentation", "paused", "presentation", "objections", "closing", "won"]);
        final.GetProperty("clocks").EnumerateArray().ShouldAllBe(c => c.Str("state") == "met");
    }

    [Fact]
    public async Task Get_AnotherManagersDeal_IsNotFound_ButTheirHeadSeesIt()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        var id = (await CreateAsync(anna, NewDeal("Anna's deal"))).Str("id");

        (await boris.GetAsync($"/api/deals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await boris.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Done" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await head.GetAsync($"/api/deals/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var borisList = await (await boris.GetAsync("/api/deals")).JsonAsync();
        borisList.EnumerateArray().ShouldNotContain(d => d.Str("id") == id);
        (await (await anna.GetAsync($"/api/deals/{id}")).JsonAsync()).GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Move_UnknownOutcome_Is400AndChangesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateAsync(anna, NewDeal("Deal"))).Str("id");

        var response = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Teleport" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Teleport");
        var deal = await (await anna.GetAsync($"/api/deals/{id}")).JsonAsync();
        deal.Str("stageId").ShouldBe("contacts");
        deal.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Move_WithStaleIfMatch_Is409()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateAsync(anna, NewDeal("Deal"))).Str("id");
        (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Done" }, ifMatch: "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Done" }, ifMatch: "\"1\"");

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await anna.GetAsync($"/api/deals/{id}")).JsonAsync()).Str("stageId").ShouldBe("requirements");
    }

    [Fact]
    public async Task Move_OnAClosedDeal_Is409()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateAsync(anna, NewDeal("Deal"))).Str("id");
        (await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Lost" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Done" });

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await anna.GetAsync($"/api/deals/{id}")).JsonAsync()).Str("state").ShouldBe("lost");
    }

    [Fact]
    public async Task Moves_TenAtOnceOnTheSameVersion_ExactlyOneWins()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var id = (await CreateAsync(anna, NewDeal("Deal"))).Str("id");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => anna.PostJsonAsync($"/api/deals/{id}/moves", new { outcome = "Done" }, ifMatch: "\"1\"")));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(9);
        var deal = await (await anna.GetAsync($"/api/deals/{id}")).JsonAsync();
        deal.Str("stageId").ShouldBe("requirements");
        deal.GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Create_SameContactAsAnOpenDeal_Is409WithThatDeal_UnlessAllowed()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var first = (await CreateAsync(anna, NewDeal("First", email: "Same@Acme.example", phone: "+7 (495) 111-22-33"))).Str("id");

        var byEmail = await anna.PostJsonAsync("/api/deals", NewDeal("Second", email: "same@acme.EXAMPLE"));
        var byPhone = await anna.PostJsonAsync("/api/deals", NewDeal("Third", phone: "74951112233"));
        var allowed = await anna.PostJsonAsync("/api/deals?allowDuplicate=true", NewDeal("Fourth", email: "same@acme.example"));

        byEmail.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await byEmail.JsonAsync()).Str("existingDealId").ShouldBe(first);
        byPhone.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        allowed.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_WithBadInput_Is400AndCreatesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var before = (await (await anna.GetAsync("/api/deals")).JsonAsync()).GetArrayLength();

        var response = await anna.PostJsonAsync("/api/deals", new { title = "", workflowId = "b2b-sales", amount = -5 });
        var unknownFunnel = await anna.PostJsonAsync("/api/deals", new { title = "X", workflowId = "nope" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.TryGetProperty("title", out _).ShouldBeTrue();
        errors.TryGetProperty("amount", out _).ShouldBeTrue();
        unknownFunnel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await anna.GetAsync("/api/deals")).JsonAsync()).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task Take_ADealFromTheTeamQueue_OnlyTheFirstTakerGetsIt()
    {
        var head = await _host.SignInAsync("head@crm.local");
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var queued = await CreateAsync(head, new { title = "Queued lead", workflowId = "b2b-sales", teamId = "sales" });
        var id = queued.Str("id");
        queued.GetProperty("ownerId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await (await boris.GetAsync("/api/deals")).JsonAsync()).EnumerateArray().ShouldContain(d => d.Str("id") == id);

        var taken = await anna.PostAsync($"/api/deals/{id}/take", null);
        var late = await boris.PostAsync($"/api/deals/{id}/take", null);

        taken.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await taken.JsonAsync()).Str("ownerId").ShouldBe("anna");
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await boris.GetAsync($"/api/deals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Requests_WithoutAValidToken_Are401()
    {
        var anonymous = _host.Anonymous();
        (await anonymous.GetAsync("/api/deals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        (await anonymous.GetAsync("/api/deals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.Anonymous().PostJsonAsync("/api/auth/token", new { email = "anna@crm.local", password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_AfterItExpires_Is401()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        (await anna.GetAsync("/api/deals")).StatusCode.ShouldBe(HttpStatusCode.OK);

        _host.Clock.AdvanceHours(13);

        (await anna.GetAsync("/api/deals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
