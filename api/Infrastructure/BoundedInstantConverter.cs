using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Engine.Calendars;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace Crm.Api.Infrastructure;

/// <summary>
/// Reads instants in request bodies and refuses those outside <see cref="SupportedTime"/>. It throws
/// <see cref="JsonException"/> (never NodaTime's own parse exceptions, which the binder would let through as a 500),
/// so a bad instant becomes a 400 naming its field. Writing is NodaTime's.
/// </summary>
internal sealed class BoundedInstantConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("Expected an instant such as 2027-03-01T09:00:00Z.");
        var text = reader.GetString()!;
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
            throw new JsonException($"'{TextLimits.Shorten(text)}' is not an instant such as 2027-03-01T09:00:00Z.");
        if (!SupportedTime.Contains(parsed.Value))
            throw new JsonException($"'{text}' is out of range: instants lie {SupportedTime.InstantRange}.");
        return parsed.Value;
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        NodaConverters.InstantConverter.Write(writer, value, options);
}
