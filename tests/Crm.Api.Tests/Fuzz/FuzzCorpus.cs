using System.Text;
using System.Text.Json;

namespace Crm.Api.Tests.Fuzz;

/// <summary>
/// Malformed and extreme request parts drawn from a seeded <see cref="Random"/>: bodies that are not JSON, JSON of the
/// wrong shape, and objects whose fields (every field name the API's bodies use) carry wrong types, nulls, huge strings,
/// extreme numbers and instants or durations far outside the supported range.
/// </summary>
internal sealed class FuzzCorpus(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The field names of the API's request bodies; unknown ones are ignored by the binder, which is fine.</summary>
    private static readonly string[] Fields =
    [
        "id", "name", "title", "email", "phone", "password", "role", "teamId", "headId", "active", "workflowId", "ownerId",
        "outcome", "comment", "nextStep", "at", "what", "start", "duration", "from", "to", "kind", "text", "result", "topic",
        "contactId", "contactIds", "clientId", "amount", "source", "fields", "client", "contact", "segments", "contacts",
        "phones", "emails", "birthday", "position", "managerId", "period", "metric", "target", "otherDealId", "message",
        "timeZone", "week", "holidays", "overrides", "activities", "connections", "regulations", "calendarId",
    ];

    private static readonly string[] QueryKeys =
    [
        "from", "to", "tz", "limit", "q", "version", "preview", "allowDuplicate", "unacknowledged", "managerId", "teamId",
        "workflowId", "format", "segment", "state", "sla", "ownerId", "stageId",
    ];

    /// <summary>Raw bodies that are not what any endpoint expects.</summary>
    private static readonly string[] Malformed =
    [
        "", "{", "}", "not json", "null", "[]", "[1,2,3]", "{}", "123", "\"text\"", "true", "{\"a\":}", "{'single':'quotes'}",
        "{\"title\":\"\\uD800\"}", "\u0000", "{\"a\":1,\"a\":2}", "1e999", "[null]", "{\"title\":\"x\"", "\uFEFF{}",
    ];

    private static readonly string[] ExtremeTexts =
    [
        "P2147483647W", "PT9223372036854775807S", "-PT1H", "P0D", "PT0S", "P1Y", "P99999999D", "PT-9223372036854775808S",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1899-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "-9998-01-01T00:00:00Z",
        "0001-01-01", "9999-12-31", "2027-02-30", "Nowhere/Zone", "", " ", "\u0000", "../../etc/passwd", "' OR 1=1 --",
        "<script>alert(1)</script>", "nextStep", "Europe/Moscow", "admin", "anna", "sales", "moscow", "24x7", "lost", "won",
        "😀😀😀", "%00", "NaN", "Infinity",
    ];

    public string Seed => seed.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A body under the 1 MB request limit (the limit itself has its own tests: a body over it is refused
    /// before it is read, and the client sees the connection close).</summary>
    public string Body(IReadOnlyList<string> fields)
    {
        while (true)
        {
            var body = AnyBody(fields);
            if (Encoding.UTF8.GetByteCount(body) < 900_000)
                return body;
        }
    }

    private string AnyBody(IReadOnlyList<string> fields)
    {
        return _random.Next(10) switch
        {
            0 or 1 => Pick(Malformed),
            2 => Nested(_random.Next(2) == 0 ? 70 : 2000),
            3 => JsonSerializer.Serialize(Array(2)),
            4 or 5 or 6 when fields.Count > 0 => JsonSerializer.Serialize(Object(fields, depth: 0)),
            _ => JsonSerializer.Serialize(Object(Fields, depth: 0)),
        };
    }

    /// <summary>A query string of a few keys with extreme values.</summary>
    public string Query()
    {
        if (_random.Next(3) == 0)
            return "";
        var parts = Enumerable.Range(0, _random.Next(1, 5))
            .Select(_ => $"{Pick(QueryKeys)}={Uri.EscapeDataString(Text())}");
        return "?" + string.Join("&", parts);
    }

    /// <summary>A bogus route value.</summary>
    public string BogusId() => Pick(["nope", "0", "-1", new string('x', 300), "a.b", "%2e%2e", "null", "9999999999999999999999"]);

    public bool Coin() => _random.Next(2) == 0;

    /// <summary>An object with some of <paramref name="fields"/> (the endpoint's own body fields when known).</summary>
    private Dictionary<string, object?> Object(IReadOnlyList<string> fields, int depth)
    {
        var result = new Dictionary<string, object?>();
        foreach (var field in fields.OrderBy(_ => _random.Next()).Take(_random.Next(1, 12)))
            result[field] = Value(depth);
        return result;
    }

    private object?[] Array(int depth) => [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Value(depth))];

    private object? Value(int depth) => _random.Next(depth >= 2 ? 9 : 12) switch
    {
        0 => null,
        1 => Pick<object>([0, -1, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1e308, -1e308, 0.5, decimal.MaxValue]),
        2 => Pick<object>([true, false]),
        3 => new string(Pick(['a', 'я', ' ', '0']), Pick([201, 1_001, 10_001, 200_000])),
        4 or 5 or 6 or 7 => Text(),
        8 => Pick<object>(["2027-03-02T09:00:00Z", "PT4H", "P2D", "company", "person", "call", "website"]),
        9 => Object(Fields, depth + 1),
        10 => Array(depth + 1),
        _ => Enumerable.Range(0, _random.Next(1, 400)).ToDictionary(i => $"f{i}", i => (object?)Text()),
    };

    private string Text() => Pick(ExtremeTexts);

    private string Nested(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
            text.Append(i % 2 == 0 ? "{\"a\":[" : "");
        text.Append('1');
        for (var i = 0; i < depth; i++)
            text.Append(i % 2 == 0 ? "]}" : "");
        return text.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
