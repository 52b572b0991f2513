using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Tests.Infrastructure;
using NodaTime;
using static Crm.Api.Tests.Activities.ActivitiesApi;

namespace Crm.Api.Tests.Activities;

public sealed class NextStepTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private Instant Now => _host.Clock.GetCurrentInstant();

    [Fact]
    public async Task NextStep_IsTheEarliestOpenActivity_AndFollowsCompletionAndCancelling()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        (await GetOkAsync(anna, $"/api/deals/{dealId}")).Str("nextStepState").ShouldBe("missing");
        var later = await PlanAsync(anna, dealId, new { kind = "meeting", subject = "Meet", dueAt = Now + Duration.FromDays(2) });
        var sooner = await PlanAsync(anna, dealId, new { kind = "call", subject = "Call first", dueAt = Now + Duration.FromHours(2) });

        var deal = await GetOkAsync(anna, $"/api/deals/{dealId}");
        deal.Str("nextStepState").ShouldBe("ok");
        deal.GetProperty("nextStep").Str("activityId").ShouldBe(sooner.Str("id"));
        deal.GetProperty("nextStep").Str("what").ShouldBe("Call first");
        deal.GetProperty("nextStep").Str("kind").ShouldBe("call");

        (await anna.PostJsonAsync($"/api/activities/{sooner.Str("id")}/complete", new { result = "no-answer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetOkAsync(anna, $"/api/deals/{dealId}")).GetProperty("nextStep").Str("activityId").ShouldBe(later.Str("id"));
        (await anna.PostJsonAsync($"/api/activities/{later.Str("id")}/cancel", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        deal = await GetOkAsync(anna, $"/api/deals/{dealId}");
        deal.GetProperty("nextStep").ValueKind.ShouldBe(JsonValueKind.Null);
        deal.Str("nextStepState").ShouldBe("missing");
        // The engine's projection follows: its history shows the step cleared.
        deal.GetProperty("history").EnumerateArray().Last(h => h.Str("kind") == "nextStep").GetProperty("details").GetProperty("at").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task NextStep_Rescheduled_IsShownAtItsNewTime_AndOverdueOnceItPasses()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        var activity = await PlanAsync(anna, dealId, new { kind = "call", subject = "Call", dueAt = Now + Duration.FromHours(1) });
        var later = Now + Duration.FromHours(3);

        (await anna.PatchJsonAsync($"/api/activities/{activity.Str("id")}", new { dueAt = later })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetOkAsync(anna, $"/api/deals/{dealId}")).GetProperty("nextStep").Str("at").ShouldBe(Text(later));
        _host.Clock.AdvanceHours(4);

        var deal = await GetOkAsync(anna, $"/api/deals/{dealId}");
        deal.Str("nextStepState").ShouldBe("overdue");
        deal.GetProperty("nextStep").GetProperty("overdue").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task PutNextStep_PlansATaskActivity_OrTheKindGiven()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        var at = Now + Duration.FromDays(1);

        var response = await anna.PutJsonAsync($"/api/deals/{dealId}/next-step", new { at, what = "Send the contract" });
        var call = await anna.PutJsonAsync($"/api/deals/{dealId}/next-step", new { at = at + Duration.FromHours(1), what = "Call back", kind = "call" });
        var bad = await anna.PutJsonAsync($"/api/deals/{dealId}/next-step", new { at, what = "x", kind = "telepathy" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        call.StatusCode.ShouldBe(HttpStatusCode.OK);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var activities = (await GetOkAsync(anna, $"/api/activities?dealId={dealId}")).GetProperty("items").EnumerateArray().ToList();
        activities.Select(a => (a.Str("kind"), a.Str("subject"), a.Str("assigneeId"))).ShouldBe([("task", "Send the contract", "anna"), ("call", "Call back", "anna")]);
        var deal = await call.JsonAsync();
        deal.GetProperty("nextStep").Str("activityId").ShouldBe(activities[0].Str("id"));
        deal.GetProperty("nextStep").Str("kind").ShouldBe("task");
    }

    [Fact]
    public async Task Move_CarryingTheNextStepAStageRequires_PassesAndPlansItsActivity()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var funnel = JsonNode.Parse("""
            { "id": "calls", "name": "Calls", "calendarId": "24x7", "start": "first",
              "activities": [
                { "id": "first", "type": "Stage", "name": "First call", "outcomes": ["Called"], "requires": { "Called": { "fields": ["nextStep"] } } },
                { "id": "second", "type": "Stage", "name": "Second call", "outcomes": ["Won"] },
                { "id": "won", "type": "End", "result": "won" } ],
              "connections": [ { "source": "first", "outcome": "Called", "target": "second" }, { "source": "second", "outcome": "Won", "target": "won" } ] }
            """)!;
        (await admin.PostJsonAsync("/api/workflows", funnel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsync("/api/workflows/calls/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna, "Calls deal", "calls");
        var at = Now + Duration.FromDays(1);

        var without = await anna.PostJsonAsync($"/api/deals/{dealId}/moves", new { outcome = "Called" });
        var with = await anna.PostJsonAsync($"/api/deals/{dealId}/moves", new { outcome = "Called", nextStep = new { at, what = "Call again", kind = "call" } });

        without.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await without.JsonAsync()).GetProperty("errors").TryGetProperty("nextStep", out _).ShouldBeTrue();
        with.StatusCode.ShouldBe(HttpStatusCode.OK, await with.Content.ReadAsStringAsync());
        var deal = await with.JsonAsync();
        deal.Str("stageId").ShouldBe("second");
        deal.GetProperty("nextStep").Str("kind").ShouldBe("call");
        deal.GetProperty("nextStep").Str("at").ShouldBe(Text(at));
        (await GetOkAsync(anna, $"/api/activities?dealId={dealId}")).GetProperty("items").EnumerateArray().Select(a => a.Str("subject")).ShouldBe(["Call again"]);
    }

    [Fact]
    public async Task DealsList_NextStepFilter_ListsOpenDealsWithoutOne_OrWithAnOverdueOne()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var none = await OpenDealAsync(anna, "No step");
        var late = await OpenDealAsync(anna, "Late step");
        var fine = await OpenDealAsync(anna, "Fine step");
        await PlanAsync(anna, late, new { kind = "call", subject = "Call", dueAt = Now + Duration.FromMinutes(30) });
        await PlanAsync(anna, fine, new { kind = "call", subject = "Call", dueAt = Now + Duration.FromDays(3) });
        _host.Clock.AdvanceHours(1);

        var missing = (await GetOkAsync(anna, "/api/deals?nextStep=missing")).EnumerateArray().Select(d => d.Str("id")).ToList();
        var overdue = (await GetOkAsync(anna, "/api/deals?nextStep=overdue")).EnumerateArray().Select(d => d.Str("id")).ToList();

        missing.ShouldContain(none);
        missing.ShouldNotContain(late);
        missing.ShouldNotContain(fine);
        overdue.ShouldContain(late);
        overdue.ShouldNotContain(none);
        overdue.ShouldNotContain(fine);
        (await anna.GetAsync("/api/deals?nextStep=someday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Gaps_CountPerOwnerForTheHead_AndAreForbiddenToManagers()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        var before = await GetOkAsync(head, "/api/next-steps/gaps");
        int Of(JsonElement gaps, string owner, string what) =>
            gaps.EnumerateArray().Where(g => g.Str("ownerId") == owner).Select(g => g.GetProperty(what).GetInt32()).SingleOrDefault();
        await OpenDealAsync(anna, "Without");
        var late = await OpenDealAsync(anna, "Late");
        await PlanAsync(anna, late, new { kind = "call", subject = "Call", dueAt = Now + Duration.FromMinutes(5) });
        await OpenDealAsync(boris, "Boris without");
        _host.Clock.AdvanceMinutes(10);

        var gaps = await GetOkAsync(head, "/api/next-steps/gaps");

        (Of(gaps, "anna", "open") - Of(before, "anna", "open")).ShouldBe(2);
        (Of(gaps, "anna", "missing") - Of(before, "anna", "missing")).ShouldBe(1);
        (Of(gaps, "anna", "overdue") - Of(before, "anna", "overdue")).ShouldBe(1);
        (Of(gaps, "boris", "missing") - Of(before, "boris", "missing")).ShouldBe(1);
        gaps.EnumerateArray().First(g => g.Str("ownerId") == "anna").Str("ownerName").ShouldBe("Anna Petrova");
        (await anna.GetAsync("/api/next-steps/gaps")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
