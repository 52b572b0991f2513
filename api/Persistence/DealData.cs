using System.Text.Json;
using Crm.Engine.Runtime;
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
    public List<string>? ContactIds { get; init; }
    public List<string>? MergedDealIds { get; init; }
    public List<StoredInteraction>? StageInteractions { get; init; }

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Instant? ToInstant(long? ticks) => ticks is { } t ? Instant.FromUnixTimeTicks(t) : null;

    public static List<T>? NullIfEmpty<T>(List<T> list) => list.Count > 0 ? list : null;

    public static List<StoredInteraction>? Store(List<LoggedInteraction> interactions) =>
        interactions.Count > 0 ? [.. interactions.Select(i => new StoredInteraction(i.Kind, i.At.ToUnixTimeTicks(), [.. i.Filled], i.StageId, i.Id))] : null;

    public static List<LoggedInteraction> Restore(List<StoredInteraction>? stored) =>
        stored is null ? [] : [.. stored.Select(s => new LoggedInteraction(s.Kind, Instant.FromUnixTimeTicks(s.AtTicks), s.Filled, s.StageId, s.Id))];
}

/// <summary>A <see cref="LoggedInteraction"/> as JSON without NodaTime converters.</summary>
internal sealed record StoredInteraction(string Kind, long AtTicks, string[] Filled, string? StageId, string? Id = null);
