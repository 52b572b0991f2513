using Crm.Api.Persistence;
using Crm.Engine.Alerts;
using NodaTime;

namespace Crm.Api.Alerts;

/// <summary>What the hub sends: the contract's alert shape, plus the message of a funnel notification and, for an
/// activity's reminder or overdue alert, the activity (with no deal when the activity is on a client alone).</summary>
public sealed record AlertPayload(
    string Id, string Kind, string? DealId, string? DealTitle, string? RegulationId, string? RegulationName,
    string? StageId, string? StageName, string? OwnerId, Instant? DueAt, Instant RaisedAt, string? Message, string? ActivityId = null)
{
    public static AlertPayload From(AlertRecord a) =>
        new(a.Id, a.Kind, NullIfEmpty(a.DealId), NullIfEmpty(a.DealTitle), a.RegulationId, a.RegulationName, a.StageId, a.StageName, a.OwnerId, a.DueAt, a.RaisedAt, a.Message, a.ActivityId);

    /// <summary>An activity on a client alone is stored with an empty deal; the contract shows none.</summary>
    public static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    public static AlertPayload From(RaisedAlert a) =>
        new(a.Id, a.Kind, a.DealId, a.DealTitle, a.RegulationId, a.RegulationName, a.StageId, a.StageName, a.OwnerId, a.DueAt, a.RaisedAt, a.Message);
}
