namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// The deal fields a condition may name, and the kind each holds when it is not null. Custom fields under
/// <c>deal.fields.</c> are not listed: any name is allowed there and its kind is known only at run time.
/// </summary>
public static class ConditionFields
{
    /// <summary>The prefix of custom-field paths as a scope receives them.</summary>
    public const string CustomPrefix = "fields.";

    public const string Title = "title";
    public const string Amount = "amount";
    public const string Source = "source";
    public const string OwnerId = "ownerId";
    public const string TeamId = "teamId";
    public const string StageId = "stageId";
    public const string WorkflowId = "workflowId";
    public const string CreatedAt = "createdAt";

    /// <summary>Known top-level fields, in the order error messages list them.</summary>
    public static IReadOnlyList<KeyValuePair<string, ConditionValueKind>> Known { get; } =
    [
        new(Title, ConditionValueKind.String),
        new(Amount, ConditionValueKind.Number),
        new(Source, ConditionValueKind.String),
        new(OwnerId, ConditionValueKind.String),
        new(TeamId, ConditionValueKind.String),
        new(StageId, ConditionValueKind.String),
        new(WorkflowId, ConditionValueKind.String),
        new(CreatedAt, ConditionValueKind.Instant),
    ];

    /// <summary>Finds a known field by name, ignoring case, and returns its canonical spelling.</summary>
    internal static bool TryFind(string name, out string canonical, out ConditionValueKind kind)
    {
        foreach (var (known, knownKind) in Known)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                canonical = known;
                kind = knownKind;
                return true;
            }
        }
        canonical = name;
        kind = ConditionValueKind.Null;
        return false;
    }

    internal static string KnownList { get; } =
        string.Join(", ", Known.Select(field => "deal." + field.Key)) + ", deal.fields.<name>";
}
