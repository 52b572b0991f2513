using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>A planned call, meeting, task or e-mail on a deal or a client, with its due time and its alarm.</summary>
public sealed class ActivityRecord
{
    public required string Id { get; set; }
    /// <summary>call, meeting, task or email.</summary>
    public required string Kind { get; set; }
    public required string Subject { get; set; }
    public string? DealId { get; set; }
    /// <summary>The client it concerns: its own, or its deal's client.</summary>
    public string? ClientId { get; set; }
    public string? ContactId { get; set; }
    public required string AssigneeId { get; set; }
    /// <summary>When it is due; for a whole-day activity the end of <see cref="DueDate"/> in the assignee's zone.</summary>
    public Instant DueAt { get; set; }
    public bool AllDay { get; set; }
    /// <summary>ISO local date of a whole-day activity.</summary>
    public string? DueDate { get; set; }
    public int? DurationMinutes { get; set; }
    public long? RemindBeforeTicks { get; set; }
    public Instant? RemindAt { get; set; }
    /// <summary>open, done or cancelled.</summary>
    public required string State { get; set; }
    /// <summary>An id of the <c>workResults</c> dictionary, set when done.</summary>
    public string? Result { get; set; }
    public string? Text { get; set; }
    public Instant? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public Instant CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public Instant UpdatedAt { get; set; }
    /// <summary>The next instant an alert is due (the reminder, then the overdue alert); null when none is left. Indexed: the
    /// alarm scheduler reads it as the clocks' scheduler reads the deals' next due instant.</summary>
    public Instant? AlarmAt { get; set; }
    public bool Reminded { get; set; }
    public bool OverdueAlerted { get; set; }
    public int Version { get; set; } = 1;
}
