namespace Crm.Engine.Calendars;

/// <summary>One problem with a calendar definition: the JSON path of the field (<c>week.monday[1]</c>,
/// <c>timeZone</c>, <c>overrides[0].hours[0]</c>) and a sentence for the admin.</summary>
public sealed record CalendarError(string Path, string Message);
