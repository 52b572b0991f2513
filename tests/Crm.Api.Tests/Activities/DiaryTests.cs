using System.Net;
using Crm.Api.Tests.Infrastructure;
using NodaTime;
using static Crm.Api.Tests.Activities.ActivitiesApi;

namespace Crm.Api.Tests.Activities;

public sealed class DiaryTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    // The host starts on Monday 1 March 2027, 09:00 in Moscow.
    private static readonly Instant Monday9 = CrmTestHost.DefaultStart;

    [Fact]
    public async Task Diary_CountsPlannedDoneAndOverduePerDay_ListsOverdueFirst_WithTheDeadlinesBeside()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        // The demo deals come with activities of their own: what this test adds is counted on top of them.
        var demo = await GetOkAsync(anna, "/api/diary?from=2027-03-01&to=2027-03-02");
        var dealId = await OpenDealAsync(anna);
        var yesterday = await PlanAsync(anna, dealId, new { kind = "call", subject = "Missed yesterday", dueDate = "2027-02-28" });
        var morning = await PlanAsync(anna, dealId, new { kind = "call", subject = "Morning call", dueAt = Monday9 + Duration.FromHours(1) });
        var done = await PlanAsync(anna, dealId, new { kind = "task", subject = "Done today", dueAt = Monday9 + Duration.FromHours(2) });
        await PlanAsync(anna, dealId, new { kind = "meeting", subject = "Tomorrow", dueAt = Monday9 + Duration.FromDays(1) });
        await PlanAsync(anna, dealId, new { kind = "email", subject = "All Tuesday", dueDate = "2027-03-02" });
        await PlanAsync(anna, dealId, new { kind = "call", subject = "Next week", dueAt = Monday9 + Duration.FromDays(7) });
        (await anna.PostJsonAsync($"/api/activities/{done.Str("id")}/complete", new { result = "no-answer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Clock.AdvanceMinutes(90);

        var diary = await GetOkAsync(anna, "/api/diary?from=2027-03-01&to=2027-03-02");

        diary.Str("timeZone").ShouldBe("Europe/Moscow");
        static (string, int, int, int)[] Days(System.Text.Json.JsonElement d) => [.. d.GetProperty("days").EnumerateArray()
            .Select(x => (x.Str("date"), x.GetProperty("planned").GetInt32(), x.GetProperty("done").GetInt32(), x.GetProperty("overdue").GetInt32()))];
        var (before, after) = (Days(demo), Days(diary));
        after.Select((d, i) => (d.Item1, d.Item2 - before[i].Item2, d.Item3 - before[i].Item3, d.Item4 - before[i].Item4))
            .ShouldBe([("2027-03-01", 2, 1, 1), ("2027-03-02", 2, 0, 0)]);
        var mine = diary.GetProperty("activities").EnumerateArray().Where(a => a.Str("dealId") == dealId).ToList();
        mine.Select(a => a.Str("subject")).ShouldBe(["Missed yesterday", "Morning call", "Done today", "Tomorrow", "All Tuesday"]);
        mine[0].Str("id").ShouldBe(yesterday.Str("id"));
        mine[1].Str("id").ShouldBe(morning.Str("id"));
        // Overdue first across the whole diary: nothing overdue comes after something that is not.
        var overdueFlags = diary.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("overdue").GetBoolean()).ToList();
        overdueFlags.SkipWhile(o => o).ShouldNotContain(true);
        var deadline = diary.GetProperty("deadlines").EnumerateArray().Where(d => d.Str("dealId") == dealId).ShouldHaveSingleItem();
        deadline.Str("dealId").ShouldBe(dealId);
        deadline.Str("stageId").ShouldBe("contacts");
        deadline.Str("state").ShouldBe("running");
        (await GetOkAsync(anna, "/api/diary")).GetProperty("days").EnumerateArray().Select(d => d.Str("date")).ShouldBe(["2027-03-01"]);
    }

    [Fact]
    public async Task DayLimit_IsKeptOnTheUser_ReportedByMeAndTheDiary_AndOutOfRangeIs400()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        (await anna.PutJsonAsync("/api/me/day-limit", new { limit = 5 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tooMany = await anna.PutJsonAsync("/api/me/day-limit", new { limit = 101 });

        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMany.JsonAsync()).GetProperty("errors").TryGetProperty("limit", out _).ShouldBeTrue();
        (await GetOkAsync(anna, "/api/me")).GetProperty("dailyActivityLimit").GetInt32().ShouldBe(5);
        (await GetOkAsync(anna, "/api/diary")).GetProperty("limit").GetInt32().ShouldBe(5);
        (await anna.PutJsonAsync("/api/me/day-limit", new { limit = (int?)null })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetOkAsync(anna, "/api/me")).GetProperty("dailyActivityLimit").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Diary_OfSomeoneElse_IsForbiddenToAManager_ButOpenToTheirHead()
    {
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");

        (await boris.GetAsync("/api/diary?assigneeId=anna")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await head.GetAsync("/api/diary?assigneeId=anna")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await head.GetAsync("/api/diary?from=2027-03-05&to=2027-03-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
