using NodaTime;

namespace Crm.Engine.Calendars;

/// <summary>Working-time arithmetic of one business calendar. Implementations are immutable and thread-safe.</summary>
public interface IWorkingCalendar
{
    string Id { get; }

    /// <summary>The instant at which <paramref name="workingTime"/> of working time has passed since
    /// <paramref name="start"/>. A start outside working hours counts from the next working moment.</summary>
    Instant Deadline(Instant start, Duration workingTime);

    /// <summary>The working time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    Duration WorkingTime(Instant from, Instant to);

    /// <summary>What "one working day" means in regulations written in days (<c>P1D</c>): the working time of
    /// the calendar's first working weekday (8 hours for a 9–18 day with an hour's lunch; 24 hours for 24x7).</summary>
    Duration WorkingDay { get; }
}
