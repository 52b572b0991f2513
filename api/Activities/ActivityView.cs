using NodaTime;

namespace Crm.Api.Activities;

/// <summary>One activity as the API shows it (the contract's ActivityView).</summary>
public sealed record ActivityView(
    string Id,
    string Kind,
    string Subject,
    string? DealId,
    string? DealTitle,
    string? ClientId,
    string? ClientName,
    string? ContactId,
    string? ContactName,
    string AssigneeId,
    string? AssigneeName,
    Instant DueAt,
    bool AllDay,
    string? DueDate,
    int? DurationMinutes,
    string? RemindBefore,
    Instant? RemindAt,
    string State,
    bool Overdue,
    string? Result,
    string? ResultName,
    string? Text,
    Instant? CompletedAt,
    string? CompletedBy,
    Instant CreatedAt,
    string? CreatedBy,
    int Version);

public sealed record ActivityPage(IReadOnlyList<ActivityView> Items, string? NextCursor);
