using Crm.Engine.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Crm.Engine.Tests.Calendars.CalendarGenerators;

namespace Crm.Engine.Tests.Calendars;

/// <summary>The fast calendar against <see cref="MinuteSteppingCalendar"/> on random spans.</summary>
public sealed class BusinessCalendarReferenceTests
{
    private static readonly Dictionary<string, MinuteSteppingCalendar> References = new()
    {
        ["moscow"] = new(SampleCalendars.Moscow()),
        ["london"] = new(TestCalendars.LondonDefinition()),
        ["ny-nights"] = new(TestCalendars.NewYorkNights.Definition),
        ["ny-edges"] = new(TestCalendars.NewYorkEdges.Definition),
    };

    [Property(MaxTest = 150)]
    public Property Deadline_MatchesMinuteStepping() =>
        Prop.ForAll(AnyCalendar, Instants, Durations, (calendar, start, duration) =>
            calendar.Deadline(start, duration) == References[calendar.Id].Deadline(start, duration));

    [Property(MaxTest = 150)]
    public Property WorkingTime_MatchesMinuteStepping() =>
        Prop.ForAll(AnyCalendar, Spans, (calendar, span) =>
            calendar.WorkingTime(span.From, span.To) == References[calendar.Id].WorkingTime(span.From, span.To));
}
