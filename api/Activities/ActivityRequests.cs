using NodaTime;

namespace Crm.Api.Activities;

/// <summary>A new activity: a due instant or a whole day (<c>dueDate</c>, in the assignee's zone), never both.</summary>
public sealed record NewActivityRequest(
    string? Kind, string? Subject, Instant? DueAt, string? DueDate, int? DurationMinutes, string? ContactId, string? AssigneeId, string? RemindBefore);

/// <summary>Changes to an activity; absent fields stay. A new <c>dueAt</c> or <c>dueDate</c> reschedules it.</summary>
public sealed record ActivityPatchRequest(
    string? Kind, string? Subject, Instant? DueAt, string? DueDate, int? DurationMinutes, string? ContactId, string? AssigneeId, string? RemindBefore);

public sealed record CompleteActivityRequest(string? Result, string? Text);

public sealed record DayLimitRequest(int? Limit);
