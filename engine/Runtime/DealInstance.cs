using Crm.Engine.Clocks;
using System.Text.Json;
using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>
/// A deal as a running workflow instance, pinned to the funnel version it started on. Mutable only inside
/// the engine while one command is applied; the store persists it whole with its <see cref="Version"/>.
/// </summary>
public sealed class DealInstance
{
    public required string Id { get; init; }
    /// <summary>The funnel the deal runs in; changes only when the deal is transferred to another (<see cref="DealEngine.Transfer"/>).</summary>
    public required string WorkflowId { get; set; }
    public required int WorkflowVersion { get; set; }
    public required string Title { get; set; }
    public DealState State { get; set; } = DealState.Open;
    /// <summary>The activity holding the deal's bookmark (a stage or a timer); null once closed.</summary>
    public string? ActivityId { get; set; }
    public BookmarkKind? Bookmark { get; set; }
    /// <summary>When a timer bookmark wakes.</summary>
    public Instant? BookmarkDueAt { get; set; }
    /// <summary>The stage a pausing stage returns to.</summary>
    public string? ReturnStageId { get; set; }
    public string? OwnerId { get; set; }
    public string? TeamId { get; set; }
    public decimal? Amount { get; set; }
    public string? Source { get; set; }
    public DealClient? Client { get; set; }
    public DealContact? Contact { get; set; }
    /// <summary>The client record the deal is with (the host's id); <see cref="Client"/> keeps its name for display.</summary>
    public string? ClientId { get; set; }
    /// <summary>The client's people the deal is worked with (the host's ids), the main contact first.</summary>
    public List<string> ContactIds { get; init; } = [];
    /// <summary>Duplicates merged into this deal: their journals count as this deal's.</summary>
    public List<string> MergedDealIds { get; init; } = [];
    /// <summary>Interactions logged while the deal worked on its current stage; what a stage's requirements look at.</summary>
    public List<LoggedInteraction> StageInteractions { get; init; } = [];
    public Dictionary<string, JsonElement> Fields { get; init; } = new(StringComparer.Ordinal);
    public NextStep? NextStep { get; set; }
    public Instant? LastInteractionAt { get; set; }
    public List<RegulationClock> Clocks { get; init; } = [];
    public required Instant CreatedAt { get; init; }
    public Instant UpdatedAt { get; set; }
    public Instant? ClosedAt { get; set; }
    /// <summary>Optimistic-concurrency version; every committed change adds one.</summary>
    public int Version { get; set; }
}
