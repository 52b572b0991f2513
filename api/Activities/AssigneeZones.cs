using Crm.Engine.Calendars;
using NodaTime;

namespace Crm.Api.Activities;

/// <summary>
/// The time zone a person's days are counted in: that of their team's working calendar. Teams name no calendar yet, so
/// every team works by the default calendar: the first business calendar by id (the built-in <c>moscow</c> on a seeded
/// database), or UTC when there is none.
/// </summary>
public sealed class AssigneeZones(CalendarRegistry calendars)
{
    /// <summary>The zone of <paramref name="userId"/>'s days (one for everyone until teams name their calendar).</summary>
#pragma warning disable CA1822, IDE0060 // the person is the question; the answer does not depend on them yet
    public DateTimeZone ZoneOf(string? userId) =>
        calendars.All.OfType<BusinessCalendar>().FirstOrDefault()?.TimeZone ?? DateTimeZone.Utc;
#pragma warning restore CA1822, IDE0060

    public LocalDate Today(string? userId, Instant now) => now.InZone(ZoneOf(userId)).Date;

    /// <summary>The instant a whole day ends in the person's zone: when a whole-day activity on it is overdue.</summary>
    public Instant EndOf(LocalDate date, string? userId) => ZoneOf(userId).AtStartOfDay(date.PlusDays(1)).ToInstant();

    public Instant StartOf(LocalDate date, string? userId) => ZoneOf(userId).AtStartOfDay(date).ToInstant();
}
