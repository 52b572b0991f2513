using System.Net;
using System.Text.Json;
using Crm.Api.Tests.Infrastructure;
using NodaTime;
using static Crm.Api.Tests.Activities.ActivitiesApi;

namespace Crm.Api.Tests.Activities;

public sealed class ActivityTests : IAsyncLifetime
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
    public async Task Create_OnADeal_Is201WithTheActivity_AssignedToTheDealsOwner()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        var due = Now + Duration.FromHours(2);

        var activity = await PlanAsync(anna, dealId, new { kind = "call", subject = "Call Irina about the sofas", dueAt = due, durationMinutes = 15, remindBefore = "PT15M" });

        activity.Str("kind").ShouldBe("call");
        activity.Str("subject").ShouldBe("Call Irina about the sofas");
        activity.Str("dealId").ShouldBe(dealId);
        activity.Str("dealTitle").ShouldBe("Office furniture");
        activity.Str("assigneeId").ShouldBe("anna");
        activity.Str("assigneeName").ShouldBe("Anna Petrova");
        activity.Str("dueAt").ShouldBe(Text(due));
        activity.Str("remindAt").ShouldBe(Text(due - Duration.FromMinutes(15)));
        activity.Str("remindBefore").ShouldBe("PT15M");
        activity.Str("state").ShouldBe("open");
        activity.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        activity.GetProperty("allDay").GetBoolean().ShouldBeFalse();
        activity.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Create_WithBadFields_Is400NamingEach_AndChangesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        var before = await GetOkAsync(anna, $"/api/deals/{dealId}");

        var response = await anna.PostJsonAsync($"/api/deals/{dealId}/activities",
            new { kind = "telepathy", subject = " ", dueDate = "2027-02-30", durationMinutes = 0, remindBefore = "soon", assigneeId = "boris", contactId = "nobody" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "kind", "subject", "dueDate", "durationMinutes", "remindBefore", "assigneeId", "contactId" })
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        (await anna.PostJsonAsync($"/api/deals/{dealId}/activities", new { kind = "call", subject = "Call" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GetOkAsync(anna, $"/api/activities?dealId={dealId}")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await GetOkAsync(anna, $"/api/deals/{dealId}")).GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Activities_OfAnotherManagersDeal_AreNeitherListedNorPlannable_ButTheHeadSeesThem()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        var dealId = await OpenDealAsync(anna);
        var activity = await PlanAsync(anna, dealId, new { kind = "call", subject = "Call", dueAt = Now + Duration.FromHours(1) });

        (await boris.PostJsonAsync($"/api/deals/{dealId}/activities", new { kind = "call", subject = "Mine now", dueAt = Now })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetOkAsync(boris, "/api/activities?limit=500")).GetProperty("items").EnumerateArray().ShouldNotContain(a => a.Str("assigneeId") == "anna");
        (await GetOkAsync(boris, "/api/activities?assigneeId=anna")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await GetOkAsync(boris, $"/api/activities?dealId={dealId}")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await boris.PostJsonAsync($"/api/activities/{activity.Str("id")}/complete", new { result = "no-answer" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetOkAsync(head, "/api/activities?assigneeId=anna&limit=500")).GetProperty("items").EnumerateArray().Select(a => a.Str("id")).ShouldContain(activity.Str("id"));
    }

    [Fact]
    public async Task Complete_LogsOneJournalEntryWithTheResult_AndTheActivityIsDone()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        var activity = await PlanAsync(anna, dealId, new { kind = "meeting", subject = "Show the showroom", dueAt = Now + Duration.FromHours(1) });
        var journalBefore = (await GetOkAsync(anna, $"/api/deals/{dealId}/interactions")).GetArrayLength();

        var response = await anna.PostJsonAsync($"/api/activities/{activity.Str("id")}/complete", new { result = "meeting-held", text = "Liked the oak desks" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var done = await response.JsonAsync();
        done.Str("state").ShouldBe("done");
        done.Str("result").ShouldBe("meeting-held");
        done.Str("resultName").ShouldBe("Meeting held");
        done.Str("completedBy").ShouldBe("anna");
        var journal = await GetOkAsync(anna, $"/api/deals/{dealId}/interactions");
        journal.GetArrayLength().ShouldBe(journalBefore + 1);
        journal[0].Str("kind").ShouldBe("meeting");
        journal[0].Str("result").ShouldBe("meeting-held");
        journal[0].Str("text").ShouldBe("Liked the oak desks");
        journal[0].Str("topic").ShouldBe("Show the showroom");
        (await anna.PostJsonAsync($"/api/activities/{activity.Str("id")}/complete", new { result = "meeting-held", text = "Again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await GetOkAsync(anna, $"/api/deals/{dealId}/interactions")).GetArrayLength().ShouldBe(journalBefore + 1);
    }

    [Theory]
    [InlineData("no-answer")]
    [InlineData("wrong-number")]
    [InlineData("call-back-later")]
    public async Task Complete_WithAQuickResult_NeedsNoText(string result)
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        var activity = await PlanAsync(anna, dealId, new { kind = "call", subject = "Call", dueAt = Now + Duration.FromHours(1) });

        var response = await anna.PostJsonAsync($"/api/activities/{activity.Str("id")}/complete", new { result });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var journal = await GetOkAsync(anna, $"/api/deals/{dealId}/interactions");
        journal.EnumerateArray().ShouldContain(i => i.Str("result") == result && i.Str("kind") == "call" && i.Str("text") == "");
    }

    [Fact]
    public async Task Complete_WithAResultThatNeedsWordsButNone_Is400AndTheActivityStaysOpen()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        var activity = await PlanAsync(anna, dealId, new { kind = "task", subject = "Send the proposal", dueAt = Now + Duration.FromHours(1) });

        var noText = await anna.PostJsonAsync($"/api/activities/{activity.Str("id")}/complete", new { result = "proposal-sent" });
        var unknown = await anna.PostJsonAsync($"/api/activities/{activity.Str("id")}/complete", new { result = "teleported", text = "x" });

        noText.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noText.JsonAsync()).GetProperty("errors").TryGetProperty("text", out _).ShouldBeTrue();
        (await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("result", out _).ShouldBeTrue();
        (await GetOkAsync(anna, $"/api/activities?dealId={dealId}&state=open")).GetProperty("items")[0].Str("id").ShouldBe(activity.Str("id"));
        (await GetOkAsync(anna, $"/api/deals/{dealId}/interactions")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Create_OnAClientForAWholeDay_IsDueAtTheEndOfThatDayInTheAssigneesZone()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await Records.RecordsApi.CreateClientAsync(anna, "Romashka");

        var response = await anna.PostJsonAsync($"/api/clients/{client.Str("id")}/activities", new { kind = "email", subject = "Send the price list", dueDate = "2027-03-02" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var activity = await response.JsonAsync();
        activity.GetProperty("allDay").GetBoolean().ShouldBeTrue();
        activity.Str("dueDate").ShouldBe("2027-03-02");
        activity.Str("dueAt").ShouldBe("2027-03-02T21:00:00Z"); // midnight in Moscow
        activity.Str("clientName").ShouldBe("Romashka");
        activity.GetProperty("dealId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task List_PutsOverdueFirstThenByDueTime_AndPagesWithACursor()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        var later = await PlanAsync(anna, dealId, new { kind = "call", subject = "Later", dueAt = Now + Duration.FromHours(5) });
        var soon = await PlanAsync(anna, dealId, new { kind = "call", subject = "Soon", dueAt = Now + Duration.FromHours(1) });
        var late = await PlanAsync(anna, dealId, new { kind = "call", subject = "Late", dueAt = Now + Duration.FromMinutes(30) });
        var done = await PlanAsync(anna, dealId, new { kind = "call", subject = "Done early", dueAt = Now + Duration.FromMinutes(10) });
        (await anna.PostJsonAsync($"/api/activities/{done.Str("id")}/complete", new { result = "no-answer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Clock.AdvanceMinutes(45);

        var first = await GetOkAsync(anna, $"/api/activities?assigneeId=anna&dealId={dealId}&limit=2");
        var second = await GetOkAsync(anna, $"/api/activities?assigneeId=anna&dealId={dealId}&limit=2&cursor={first.Str("nextCursor")}");

        first.GetProperty("items").EnumerateArray().Select(a => a.Str("subject")).ShouldBe(["Late", "Done early"]);
        first.GetProperty("items")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        second.GetProperty("items").EnumerateArray().Select(a => a.Str("subject")).ShouldBe(["Soon", "Later"]);
        (await GetOkAsync(anna, $"/api/activities?state=overdue&dealId={dealId}")).GetProperty("items").EnumerateArray().Select(a => a.Str("id")).ShouldBe([late.Str("id")]);
        (await GetOkAsync(anna, $"/api/activities?state=open&dealId={dealId}")).GetProperty("items").EnumerateArray().Select(a => a.Str("id")).ShouldBe([late.Str("id"), soon.Str("id"), later.Str("id")]);
        (await anna.GetAsync("/api/activities?state=someday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anna.GetAsync("/api/activities?cursor=garbage")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_WithAStaleVersion_IsRefusedAndChangesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var dealId = await OpenDealAsync(anna);
        var activity = await PlanAsync(anna, dealId, new { kind = "call", subject = "Call", dueAt = Now + Duration.FromHours(1) });

        var stale = await anna.PatchJsonAsync($"/api/activities/{activity.Str("id")}", new { subject = "Changed" }, "\"7\"");
        var fresh = await anna.PatchJsonAsync($"/api/activities/{activity.Str("id")}", new { subject = "Call Irina", kind = "meeting" }, "\"1\"");

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        fresh.StatusCode.ShouldBe(HttpStatusCode.OK, await fresh.Content.ReadAsStringAsync());
        var changed = await fresh.JsonAsync();
        changed.Str("subject").ShouldBe("Call Irina");
        changed.Str("kind").ShouldBe("meeting");
        changed.GetProperty("version").GetInt32().ShouldBe(2);
    }
}
