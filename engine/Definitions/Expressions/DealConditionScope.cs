using System.Text.Json;
using Crm.Engine.Runtime;

namespace Crm.Engine.Definitions.Expressions;

/// <summary>Lets a condition read a <see cref="DealInstance"/>: the fields of <see cref="ConditionFields"/> and its custom fields.</summary>
public sealed class DealConditionScope(DealInstance deal) : IConditionScope
{
    public ConditionValue Get(string path) => path switch
    {
        ConditionFields.Title => ConditionValue.FromString(deal.Title),
        ConditionFields.Amount => ConditionValue.FromNumber(deal.Amount),
        ConditionFields.Source => ConditionValue.FromString(deal.Source),
        ConditionFields.OwnerId => ConditionValue.FromString(deal.OwnerId),
        ConditionFields.TeamId => ConditionValue.FromString(deal.TeamId),
        ConditionFields.StageId => ConditionValue.FromString(deal.ActivityId),
        ConditionFields.WorkflowId => ConditionValue.FromString(deal.WorkflowId),
        ConditionFields.CreatedAt => ConditionValue.FromInstant(deal.CreatedAt),
        _ when path.StartsWith(ConditionFields.CustomPrefix, StringComparison.Ordinal) => GetCustom(path),
        _ => ConditionValue.Null,
    };

    private ConditionValue GetCustom(string path)
    {
        var name = path.AsSpan(ConditionFields.CustomPrefix.Length);
        // The span lookup spares a substring per evaluation; a dictionary built with another comparer falls back.
        JsonElement element;
        var found = deal.Fields.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup)
            ? lookup.TryGetValue(name, out element)
            : deal.Fields.TryGetValue(name.ToString(), out element);
        return found ? ConditionValue.FromJson(element) : ConditionValue.Null;
    }
}
