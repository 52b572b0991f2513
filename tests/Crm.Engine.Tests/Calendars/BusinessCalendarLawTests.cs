using Crm.Engine.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Crm.Engine.Tests.Calendars.CalendarGenerators;

namespace Crm.Engine.Tests.Calendars;

/// <summary>The laws every <see cref="BusinessCalendar"/> keeps, checked on random starts and durations.</summary>
public sealed class BusinessCalendarLawTests
{
    [Property(MaxTest = 500)]
    public Property WorkingTime_UntilDeadline_IsTheDuration() =>
        Prop.ForAll(AnyCalendar, Instants, Durations, (calendar, start, duration) =>
            calendar.WorkingTime(start, calendar.Deadline(start, duration)) == duration);

    [Property(MaxTest = 500)]
    public Property Deadline_IsTheEarliestInstantWithThatWorkingTime() =>
        Prop.ForAll(AnyCalendar, Instants, PositiveDurations, (calendar, start, duration) =>
            calendar.WorkingTime(start, calendar.Deadline(start, duration) - Duration.Epsilon) < duration);

    [Property(MaxTest = 300)]
    public Property Deadline_GrowsWithTheDuration() =>
        Prop.ForAll(AnyCalendar, Instants, OrderedDurations, (calendar, start, durations) =>
            calendar.Deadline(start, durations.Smaller) <= calendar.Deadline(start, durations.Larger));

    [Property(MaxTest = 300)]
    public Property Deadline_GrowsWithTheStart() =>
        Prop.ForAll(AnyCalendar, OrderedInstants, Durations, (calendar, starts, duration) =>
            calendar.Deadline(starts.Earlier, duration) <= calendar.Deadline(starts.Later, duration));

    [Property(MaxTest = 300)]
    public Property Deadline_OfDeadline_AddsTheDurations() =>
        Prop.ForAll(AnyCalendar, Instants, Gen.Zip(DurationGen, DurationGen).ToArbitrary(), (calendar, start, durations) =>
        {
            var (a, b) = durations;
            return calendar.Deadline(calendar.Deadline(start, a), b) == calendar.Deadline(start, a + b);
        });

    [Property(MaxTest = 300)]
    public Property WorkingTime_OfAdjacentSpans_Adds() =>
        Prop.ForAll(AnyCalendar, Spans, Instants, (calendar, span, _) =>
        {
            var middle = span.From + ((span.To - span.From) / 3);
            return calendar.WorkingTime(span.From, middle) + calendar.WorkingTime(middle, span.To)
                == calendar.WorkingTime(span.From, span.To);
        });
}
