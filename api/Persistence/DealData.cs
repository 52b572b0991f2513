using System.Text.Json;
using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>The part of a deal's engine state kept as JSON: read and written whole, never queried.</summary>
internal sealed record DealData
{
    public string? Bookmark { get; init; }
    public long? BookmarkDueAtTicks { get; init; }
    public string? ReturnStageId { get; init; }
    public Dictionary<string, JsonElement>? Fields { get; init; }
    public string? NextStepWhat { get; init; }
    public long? NextStepSetAtTicks { get; init; }
    public bool NextStepOverdueAlerted { get; init; }
    public long? LastInteractionAtTicks { get; init; }

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Instant? ToInstant(long? ticks) => ticks is { } t ? Instant.FromUnixTimeTicks(t) : null;
}
