namespace Crm.Engine.Calendars;

/// <summary>The working hours of each weekday. A day left out (or empty) is a day off.</summary>
public sealed record CalendarWeek
{
    public IReadOnlyList<WorkingInterval> Monday { get; init; } = [];
    public IReadOnlyList<WorkingInterval> Tuesday { get; init; } = [];
    public IReadOnlyList<WorkingInterval> Wednesday { get; init; } = [];
    public IReadOnlyList<WorkingInterval> Thursday { get; init; } = [];
    public IReadOnlyList<WorkingInterval> Friday { get; init; } = [];
    public IReadOnlyList<WorkingInterval> Saturday { get; init; } = [];
    public IReadOnlyList<WorkingInterval> Sunday { get; init; } = [];

    /// <summary>The same hours on Monday to Friday, and none at the weekend.</summary>
    public static CalendarWeek Weekdays(params WorkingInterval[] hours) => new()
    {
        Monday = hours,
        Tuesday = hours,
        Wednesday = hours,
        Thursday = hours,
        Friday = hours,
    };
}
