namespace Crm.Engine.Calendars;

/// <summary>
/// A business calendar as an admin writes it (the <c>/api/calendars</c> JSON). Every value is kept as text or a
/// plain list so that any input deserializes and <see cref="CalendarCompiler.Compile"/> can report all problems
/// with their paths. Serialize with <see cref="CalendarJson.Options"/>.
/// </summary>
public sealed record CalendarDefinition
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>An IANA (tzdb) time zone id such as <c>Europe/Moscow</c>; working hours are local times in it.</summary>
    public string TimeZone { get; init; } = "";
    public CalendarWeek Week { get; init; } = new();
    /// <summary>Dates (<c>yyyy-MM-dd</c>) with no working time.</summary>
    public IReadOnlyList<string> Holidays { get; init; } = [];
    public IReadOnlyList<CalendarOverride> Overrides { get; init; } = [];
}
