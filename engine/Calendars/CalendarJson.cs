using System.Text.Json;

namespace Crm.Engine.Calendars;

/// <summary>
/// The JSON settings of calendar definitions: plain <see cref="JsonSerializerDefaults.Web"/> (camelCase names,
/// case-insensitive reading). No NodaTime converters are needed because definitions hold dates and times as text.
/// </summary>
public static class CalendarJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
