using System.Text.Json;
using Crm.Engine.Definitions.Expressions;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Engine.Tests.Definitions.Expressions;

/// <summary>A deal with one custom field of every JSON kind, and helpers that parse or fail loudly.</summary>
internal static class ConditionTestData
{
    public static readonly Instant CreatedAt = Instant.FromUtc(2027, 2, 15, 6, 0);

    private const string FieldsJson = """
        {
          "region": "north",
          "employees": 120,
          "ratio": 0.75,
          "vip": true,
          "blocked": false,
          "note": null,
          "tags": ["a", "b"],
          "address": { "city": "Moscow" },
          "signedOn": "2027-02-20",
          "paidAt": "2027-02-21T10:00:00Z",
          "some key": "spaced",
          "huge": 1e40,
          "Город": "Москва"
        }
        """;

    public static DealInstance Deal(decimal? amount = 1_500_000m, string? source = "website")
    {
        using var document = JsonDocument.Parse(FieldsJson);
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
            fields[property.Name] = property.Value.Clone();
        return new DealInstance
        {
            Id = "deal-1",
            WorkflowId = "b2b-sales",
            WorkflowVersion = 3,
            Title = "Big order",
            ActivityId = "new",
            OwnerId = "anna",
            TeamId = "sales",
            Amount = amount,
            Source = source,
            CreatedAt = CreatedAt,
            Fields = fields,
        };
    }

    public static Condition Parse(string text)
    {
        var result = ConditionParser.Parse(text);
        result.Success.ShouldBeTrue($"'{text}' should parse, but: {string.Join("; ", result.Errors)}");
        return result.Condition;
    }

    public static bool Evaluate(string text, DealInstance? deal = null) =>
        Parse(text).Evaluate(new DealConditionScope(deal ?? Deal()));
}

/// <summary>A scope over fixed values, for values a deal cannot hold.</summary>
internal sealed class DictionaryScope(Dictionary<string, ConditionValue> values) : IConditionScope
{
    public ConditionValue Get(string path) => values.TryGetValue(path, out var value) ? value : ConditionValue.Null;
}
