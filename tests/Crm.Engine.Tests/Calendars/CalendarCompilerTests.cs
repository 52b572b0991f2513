using Crm.Engine.Calendars;
using NodaTime;

namespace Crm.Engine.Tests.Calendars;

public sealed class CalendarCompilerTests
{
    private static readonly WorkingInterval[] Day = [new("09:00", "13:00"), new("14:00", "18:00")];

    private static CalendarDefinition Valid() => new()
    {
        Id = "office",
        Name = "Office",
        TimeZone = "Europe/Moscow",
        Week = CalendarWeek.Weekdays(Day),
    };

    private static IReadOnlyList<CalendarError> Errors(CalendarDefinition definition)
    {
        var result = CalendarCompiler.Compile(definition);
        result.Succeeded.ShouldBeFalse();
        result.Calendar.ShouldBeNull();
        return result.Errors;
    }

    private static CalendarError SingleError(CalendarDefinition definition) => Errors(definition).ShouldHaveSingleItem();

    [Fact]
    public void Compile_SampleMoscow_Succeeds()
    {
        var definition = SampleCalendars.Moscow();
        var result = CalendarCompiler.Compile(definition);

        result.Errors.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
        result.Calendar.Id.ShouldBe("moscow");
        result.Calendar.Name.ShouldBe("Moscow office");
        result.Calendar.TimeZone.Id.ShouldBe("Europe/Moscow");
        result.Calendar.WorkingDay.ShouldBe(Duration.FromHours(8));
        result.Calendar.Definition.ShouldBeSameAs(definition);
    }

    [Fact]
    public void Compile_WithoutName_UsesIdAsName() =>
        TestCalendars.Compile(Valid() with { Name = "" }).Name.ShouldBe("office");

    [Fact]
    public void Compile_WorkingDay_IsTheFirstWeekdayWithHours()
    {
        var calendar = TestCalendars.Compile(Valid() with { Week = new CalendarWeek { Tuesday = [new("10:00", "12:30")], Wednesday = Day } });
        calendar.WorkingDay.ShouldBe(Duration.FromMinutes(150));
    }

    [Fact]
    public void Compile_IntervalEndingAt24_IsAllowed()
    {
        var calendar = TestCalendars.Compile(Valid() with { Week = new CalendarWeek { Monday = [new("18:00", "24:00")] } });
        calendar.WorkingDay.ShouldBe(Duration.FromHours(6));
    }

    [Fact]
    public void Compile_TouchingIntervals_AreAllowed() =>
        CalendarCompiler.Compile(Valid() with { Week = CalendarWeek.Weekdays(new("09:00", "13:00"), new("13:00", "18:00")) }).Succeeded.ShouldBeTrue();

    [Fact]
    public void Compile_DuplicateHoliday_IsAllowed() =>
        CalendarCompiler.Compile(Valid() with { Holidays = ["2027-01-01", "2027-01-01"] }).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Compile_MissingId_IsRefused(string? id) =>
        SingleError(Valid() with { Id = id! }).Path.ShouldBe("id");

    [Theory]
    [InlineData("24x7")]
    [InlineData("24X7")]
    public void Compile_BuiltInId_IsRefused(string id) =>
        SingleError(Valid() with { Id = id }).ShouldSatisfyAllConditions(
            error => error.Path.ShouldBe("id"),
            error => error.Message.ShouldContain("built-in"));

    [Fact]
    public void Compile_IdWithSurroundingSpaces_IsRefused() =>
        SingleError(Valid() with { Id = " office" }).Path.ShouldBe("id");

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("MSK")]
    [InlineData("")]
    public void Compile_UnknownTimeZone_IsRefused(string timeZone) =>
        SingleError(Valid() with { TimeZone = timeZone }).Path.ShouldBe("timeZone");

    [Theory]
    [InlineData("9am")]
    [InlineData("25:00")]
    [InlineData("09:60")]
    [InlineData("9:00")]
    [InlineData("")]
    public void Compile_UnparseableTime_IsRefusedWithItsPath(string from)
    {
        var week = new CalendarWeek { Monday = [new("09:00", "13:00"), new(from, "18:00")], Tuesday = Day };
        var error = SingleError(Valid() with { Week = week });
        error.Path.ShouldBe("week.monday[1].from");
        error.Message.ShouldContain("HH:mm");
    }

    [Fact]
    public void Compile_StartAt24_IsRefused() =>
        SingleError(Valid() with { Week = new CalendarWeek { Monday = [new("24:00", "24:00")], Tuesday = Day } }).Path.ShouldBe("week.monday[0].from");

    [Fact]
    public void Compile_MissingInterval_IsRefused() =>
        SingleError(Valid() with { Week = new CalendarWeek { Monday = [null!], Tuesday = Day } }).Path.ShouldBe("week.monday[0]");

    [Fact]
    public void Compile_OvernightInterval_IsRefusedWithAdviceToSplitAtMidnight()
    {
        var error = SingleError(Valid() with { Week = new CalendarWeek { Friday = [new("22:00", "06:00")], Monday = Day } });
        error.Path.ShouldBe("week.friday[0]");
        error.Message.ShouldContain("split it at midnight");
        error.Message.ShouldContain("22:00–24:00");
        error.Message.ShouldContain("00:00–06:00");
    }

    [Fact]
    public void Compile_EmptyInterval_IsRefused() =>
        SingleError(Valid() with { Week = new CalendarWeek { Monday = [new("09:00", "09:00")], Tuesday = Day } }).Path.ShouldBe("week.monday[0]");

    [Fact]
    public void Compile_OverlappingIntervals_AreRefused()
    {
        var week = new CalendarWeek { Monday = [new("14:00", "18:00"), new("09:00", "13:00"), new("12:30", "15:00")] };
        var errors = Errors(Valid() with { Week = week });
        errors.Select(error => error.Path).ShouldBe(["week.monday[0]", "week.monday[2]"]);
        errors[0].Message.ShouldContain("14:00–18:00 overlaps 12:30–15:00 (week.monday[2])");
        errors[1].Message.ShouldContain("12:30–15:00 overlaps 09:00–13:00 (week.monday[1])");
    }

    [Fact]
    public void Compile_IntervalInsideAnother_IsRefused() =>
        SingleError(Valid() with { Week = new CalendarWeek { Monday = [new("09:00", "18:00"), new("10:00", "11:00")] } }).Path.ShouldBe("week.monday[1]");

    [Fact]
    public void Compile_WeekWithoutHours_IsRefusedEvenWithOverrides()
    {
        var definition = Valid() with { Week = new CalendarWeek(), Overrides = [new("2027-11-06", Day)] };
        var error = SingleError(definition);
        error.Path.ShouldBe("week");
        error.Message.ShouldContain("no working hours");
    }

    [Fact]
    public void Compile_MissingWeek_IsRefused() =>
        SingleError(Valid() with { Week = null! }).Path.ShouldBe("week");

    [Fact]
    public void Compile_UnparseableHoliday_IsRefusedWithItsIndex() =>
        SingleError(Valid() with { Holidays = ["2027-01-01", "2027-01-02", "2027-13-01"] }).Path.ShouldBe("holidays[2]");

    [Fact]
    public void Compile_UnparseableOverrideDate_IsRefused() =>
        SingleError(Valid() with { Overrides = [new("06.11.2027", Day)] }).Path.ShouldBe("overrides[0].date");

    [Fact]
    public void Compile_BadOverrideHours_AreRefusedWithTheirPath() =>
        SingleError(Valid() with { Overrides = [new("2027-11-06", [new("09:00", "13:00"), new("12:00", "17:00")])] }).Path.ShouldBe("overrides[0].hours[1]");

    [Fact]
    public void Compile_OverrideWithoutHours_IsRefused() =>
        SingleError(Valid() with { Overrides = [new("2027-11-06", null!)] }).Path.ShouldBe("overrides[0].hours");

    [Fact]
    public void Compile_OverrideWithEmptyHours_IsADayOff()
    {
        var calendar = TestCalendars.Compile(Valid() with { Overrides = [new("2027-03-16", [])] });
        calendar.WorkingTime(calendar.At("2027-03-16 00:00"), calendar.At("2027-03-17 00:00")).ShouldBe(Duration.Zero);
    }

    [Fact]
    public void Compile_DuplicateOverrideDates_AreRefused()
    {
        var error = SingleError(Valid() with { Overrides = [new("2027-11-06", Day), new("2027-11-06", [])] });
        error.Path.ShouldBe("overrides[1].date");
        error.Message.ShouldContain("overrides[0]");
    }

    [Fact]
    public void Compile_OverrideOnHoliday_IsRefused()
    {
        var error = SingleError(Valid() with { Holidays = ["2027-01-01", "2027-01-07"], Overrides = [new("2027-01-07", Day)] });
        error.Path.ShouldBe("overrides[0].date");
        error.Message.ShouldContain("holidays[1]");
    }

    [Fact]
    public void Compile_ManyProblems_AreReportedAllAtOnce()
    {
        var definition = new CalendarDefinition
        {
            Id = "",
            TimeZone = "Europe/Atlantis",
            Week = new CalendarWeek
            {
                Monday = [new("09:00", "13:00"), new("12:00", "18:00")],
                Tuesday = [new("22:00", "06:00")],
                Wednesday = [new("nine", "18:00")],
            },
            Holidays = ["2027-01-01", "2027-02-30"],
            Overrides = [new("2027-01-01", Day), new("2027-05-05", Day), new("2027-05-05", [])],
        };

        Errors(definition).Select(error => error.Path).ShouldBe(
        [
            "id",
            "timeZone",
            "week.monday[1]",
            "week.tuesday[0]",
            "week.wednesday[0].from",
            "holidays[1]",
            "overrides[0].date",
            "overrides[2].date",
        ]);
    }
}
