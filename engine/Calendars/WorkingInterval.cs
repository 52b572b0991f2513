namespace Crm.Engine.Calendars;

/// <summary>
/// Working hours within one local day, as written: <c>{"from": "09:00", "to": "13:00"}</c>. Times are kept as
/// text so a bad value is reported by <see cref="CalendarCompiler"/> with its path instead of failing the JSON
/// reader. <c>"to": "24:00"</c> means the end of the day (the next day's midnight).
/// </summary>
public sealed record WorkingInterval(string From, string To);
