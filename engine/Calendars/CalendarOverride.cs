namespace Crm.Engine.Calendars;

/// <summary>
/// Replaces the hours of one date (<c>yyyy-MM-dd</c>): a shortened pre-holiday day, a weekend made a working
/// day, or (with empty <see cref="Hours"/>) a working day made a day off.
/// </summary>
public sealed record CalendarOverride(string Date, IReadOnlyList<WorkingInterval> Hours);
