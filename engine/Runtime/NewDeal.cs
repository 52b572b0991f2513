using System.Text.Json;

namespace Crm.Engine.Runtime;

/// <summary>What a new deal starts with.</summary>
public sealed record NewDeal
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? OwnerId { get; init; }
    public string? TeamId { get; init; }
    public decimal? Amount { get; init; }
    public string? Source { get; init; }
    public DealClient? Client { get; init; }
    public DealContact? Contact { get; init; }
    public string? ClientId { get; init; }
    public IReadOnlyList<string>? ContactIds { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Fields { get; init; }
}
