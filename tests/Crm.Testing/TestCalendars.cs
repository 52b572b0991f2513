using Crm.Engine.Calendars;

namespace Crm.Testing;

/// <summary>The calendars tests run funnels in: the built-in <c>24x7</c> and the sample <c>moscow</c> calendar.</summary>
public static class TestCalendars
{
    public const string Moscow = "moscow";

    private static readonly Lazy<BusinessCalendar> MoscowCalendar = new(() =>
        CalendarCompiler.Compile(SampleCalendars.Moscow()).Calendar ?? throw new InvalidOperationException("The sample Moscow calendar does not compile."));

    /// <summary>The compiled sample Moscow calendar (Mon–Fri 09–13 and 14–18, Europe/Moscow, 2027 holidays).</summary>
    public static BusinessCalendar MoscowOffice => MoscowCalendar.Value;

    /// <summary>A registry with <c>24x7</c> and <c>moscow</c>.</summary>
    public static CalendarRegistry Registry() => new([MoscowOffice]);
}
