using System.Text.Json;

namespace Crm.Engine.Runtime;

/// <summary>
/// New values for a deal's own data. Null leaves a value as it is; in <see cref="Fields"/> a JSON null removes the field.
/// </summary>
public sealed record DealDetailsUpdate
{
    public string? Title { get; init; }
    public decimal? Amount { get; init; }
    public string? Source { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Fields { get; init; }

    public bool IsEmpty => Title is null && Amount is null && Source is null && (Fields is null || Fields.Count == 0);
}
