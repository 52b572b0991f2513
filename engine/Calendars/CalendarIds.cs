namespace Crm.Engine.Calendars;

public static class CalendarIds
{
    /// <summary>The built-in calendar: UTC, always working.</summary>
    public const string AlwaysOpen = "24x7";
}
