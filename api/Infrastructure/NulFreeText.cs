using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Api.Infrastructure;

/// <summary>
/// Text with a NUL character (U+0000) is refused at the door: PostgreSQL cannot store or even compare it, so it would
/// otherwise surface as a 500 deep in a query. Query strings are checked by <see cref="UseNulFreeQueries"/>, JSON string
/// values by <see cref="Converter"/> (a 400 naming the field through <see cref="BadRequestHandler"/>).
/// </summary>
public static class NulFreeText
{
    public static IApplicationBuilder UseNulFreeQueries(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            foreach (var (key, values) in http.Request.Query)
            {
                if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                {
                    await Problems.Validation(new() { [key.Replace("\0", "", StringComparison.Ordinal)] = ["The value contains a NUL character."] }).ExecuteAsync(http);
                    return;
                }
            }
            await next(http);
        });

    /// <summary>Reads JSON strings, refusing those with a NUL character.</summary>
    internal sealed class Converter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException("Expected a string.");
            var text = reader.GetString()!;
            if (text.Contains('\0', StringComparison.Ordinal))
                throw new JsonException("The text contains a NUL character.");
            return text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        // Dictionary keys (a deal's field names, the errors of a problem) go through these.
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString()!;
            if (text.Contains('\0', StringComparison.Ordinal))
                throw new JsonException("A name contains a NUL character.");
            return text;
        }

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }
}
