using System.Net;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Calendars;

public sealed class CalendarEndpointTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static object Week(params object[] weekday) => new
    {
        monday = weekday, tuesday = weekday, wednesday = weekday, thursday = weekday, friday = weekday,
        saturday = Array.Empty<object>(), sunday = Array.Empty<object>(),
    };

    [Fact]
    public async Task Deadline_EnteredFridayEvening_IsDueMondayInTheMoscowCalendar()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        // Friday 2027-03-12 17:00 Moscow (14:00Z) + 4 working hours: 17-18 on Friday, then 9-12 on Monday.
        var response = await anna.PostJsonAsync("/api/calendars/moscow/deadline", new { start = "2027-03-12T14:00:00Z", duration = "PT4H" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).Str("dueAt").ShouldBe("2027-03-15T09:00:00Z");
    }

    [Fact]
    public async Task Deadline_EnteredOnAShortenedDayBeforeAHoliday_SkipsTheHoliday()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        // Friday 5 March closes at 17:00 before the 8 March holiday: the four hours all fall on Tuesday 9 March.
        var response = await anna.PostJsonAsync("/api/calendars/moscow/deadline", new { start = "2027-03-05T14:00:00Z", duration = "PT4H" });

        (await response.JsonAsync()).Str("dueAt").ShouldBe("2027-03-09T10:00:00Z");
    }

    [Fact]
    public async Task WorkingTime_OverAWeekend_CountsOnlyWorkingHours()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var response = await anna.PostJsonAsync("/api/calendars/moscow/working-time", new { from = "2027-03-12T14:00:00Z", to = "2027-03-15T08:00:00Z" });

        (await response.JsonAsync()).Str("duration").ShouldBe("PT3H"); // Friday 17:00-18:00 and Monday 09:00-11:00
    }

    [Fact]
    public async Task Put_ACalendar_IsUsableAtOnce_AndListed()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var london = new
        {
            id = "london", name = "London office", timeZone = "Europe/London",
            week = Week(new { from = "09:00", to = "17:00" }),
            holidays = new[] { "2027-12-27" },
            overrides = new[] { new { date = "2027-12-24", hours = new[] { new { from = "09:00", to = "12:00" } } } },
        };

        (await admin.PutJsonAsync("/api/calendars/london", london)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var due = await (await admin.PostJsonAsync("/api/calendars/london/deadline", new { start = "2027-12-24T11:00:00Z", duration = "PT2H" })).JsonAsync();

        due.Str("dueAt").ShouldBe("2027-12-28T10:00:00Z"); // one hour left on the short Christmas Eve, then Tuesday after the holiday
        (await (await admin.GetAsync("/api/calendars")).JsonAsync()).EnumerateArray().Select(c => c.Str("id")).ShouldContain("london");
    }

    [Fact]
    public async Task Put_ABadCalendar_Is400WithEveryProblem_AndChangesNothing()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var bad = new
        {
            id = "moscow", name = "Broken", timeZone = "Mars/Olympus",
            week = Week(new { from = "09:00", to = "13:00" }, new { from = "12:00", to = "18:00" }),
            holidays = Array.Empty<string>(), overrides = Array.Empty<object>(),
        };

        var response = await admin.PutJsonAsync("/api/calendars/moscow", bad);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.TryGetProperty("timeZone", out _).ShouldBeTrue();
        errors.EnumerateObject().ShouldContain(p => p.Name.StartsWith("week.monday", StringComparison.Ordinal));
        (await (await admin.GetAsync("/api/calendars/moscow")).JsonAsync()).Str("timeZone").ShouldBe("Europe/Moscow");
    }

    [Fact]
    public async Task Put_ByAManager_Is403_AndAnEmptyWeekIs400()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var admin = await _host.SignInAsync("admin@crm.local");
        var idle = new { id = "idle", name = "Idle", timeZone = "UTC", week = Week(), holidays = Array.Empty<string>(), overrides = Array.Empty<object>() };

        (await anna.PutJsonAsync("/api/calendars/idle", idle)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PutJsonAsync("/api/calendars/idle", idle)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/calendars/idle")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
