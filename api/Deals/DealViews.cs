using System.Text.Json;
using NodaTime;

namespace Crm.Api.Deals;

public sealed record DealView(
    string Id,
    string Title,
    string WorkflowId,
    int WorkflowVersion,
    string? StageId,
    string? StageName,
    IReadOnlyList<string> Outcomes,
    string? OwnerId,
    string? TeamId,
    string State,
    decimal? Amount,
    string? Source,
    ClientView? Client,
    ContactView? Contact,
    NextStepView? NextStep,
    IReadOnlyDictionary<string, JsonElement> Fields,
    int Version,
    Instant CreatedAt,
    Instant UpdatedAt,
    Instant? ClosedAt,
    IReadOnlyList<ClockView> Clocks,
    IReadOnlyList<HistoryView>? History,
    string? ClientId,
    IReadOnlyList<string> ContactIds,
    IReadOnlyList<string> MergedDealIds,
    /// <summary>The linked contacts in full; only when one deal is read, not in lists.</summary>
    IReadOnlyList<Clients.ContactCard>? Contacts,
    string? OwnerName = null,
    /// <summary>For an open deal: <c>ok</c>, <c>missing</c> (no open activity) or <c>overdue</c>; null once closed.</summary>
    string? NextStepState = null);

public sealed record ClientView(string Name, string Kind);

public sealed record ContactView(string? Name, string? Email, string? Phone, string? Position);

/// <summary>The deal's next step: its earliest open activity.</summary>
public sealed record NextStepView(Instant At, string What, string? ActivityId = null, string? Kind = null, bool Overdue = false);

public sealed record ClockView(
    string Id,
    string RegulationId,
    string Name,
    string? StageId,
    Instant StartedAt,
    Instant? DueAt,
    Instant? WarnAt,
    string State,
    Instant? FinishedAt,
    string? OwnerId,
    string Limit,
    string? Overrun,
    Instant? BreachedAt);

public sealed record HistoryView(Instant At, string? By, string Kind, JsonElement Details)
{
    /// <summary>Who did it, by name (null for the engine itself: clocks, timers).</summary>
    public string? ByName { get; init; }
    public string? FromStageName { get; init; }
    public string? ToStageName { get; init; }
    /// <summary>The outcome chosen for a move; the result (won, lost, duplicate) for a close.</summary>
    public string? Outcome { get; init; }
    public string? FromWorkflowName { get; init; }
    public string? ToWorkflowName { get; init; }
}
