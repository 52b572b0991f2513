using NodaTime;

namespace Crm.Engine.Alerts;

/// <summary>An alert the engine raised while applying a command; stored with the deal in the same transaction.</summary>
public sealed record RaisedAlert
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Audience { get; init; }
    public required string DealId { get; init; }
    public required string DealTitle { get; init; }
    public string? RegulationId { get; init; }
    public string? RegulationName { get; init; }
    public string? StageId { get; init; }
    public string? StageName { get; init; }
    /// <summary>The deal's owner when raised (the recipient for owner alerts).</summary>
    public string? OwnerId { get; init; }
    public string? TeamId { get; init; }
    public Instant? DueAt { get; init; }
    public required Instant RaisedAt { get; init; }
    public string? Message { get; init; }
}
