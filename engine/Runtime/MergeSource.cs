using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>What a surviving deal takes over from a duplicate merged into it.</summary>
public sealed record MergeSource(
    string DealId,
    string Title,
    int Version,
    string? ClientId,
    IReadOnlyList<string> ContactIds,
    IReadOnlyList<string> MergedDealIds,
    Instant? LastInteractionAt)
{
    public static MergeSource Of(DealInstance deal) =>
        new(deal.Id, deal.Title, deal.Version, deal.ClientId, [.. deal.ContactIds], [.. deal.MergedDealIds], deal.LastInteractionAt);
}
