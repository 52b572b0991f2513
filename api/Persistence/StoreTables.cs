using static Crm.Api.Persistence.SqlValues;

namespace Crm.Api.Persistence;

/// <summary>
/// The tables the deal store writes by hand, column for column as EF maps them. A test checks these lists against
/// EF's model, so a new column cannot be silently left out. Column names are the record's property names (EF's
/// default), and readers look columns up by the same names.
/// </summary>
internal static class StoreTables
{
    public static readonly TableShape<DealRecord> Deals = new("Deals",
    [
        new(nameof(DealRecord.Id), d => d.Id),
        new(nameof(DealRecord.Title), d => d.Title),
        new(nameof(DealRecord.WorkflowId), d => d.WorkflowId),
        new(nameof(DealRecord.WorkflowVersion), d => Of(d.WorkflowVersion)),
        new(nameof(DealRecord.StageId), d => Of(d.StageId)),
        new(nameof(DealRecord.State), d => d.State),
        new(nameof(DealRecord.OwnerId), d => Of(d.OwnerId)),
        new(nameof(DealRecord.TeamId), d => Of(d.TeamId)),
        new(nameof(DealRecord.Amount), d => Of(d.Amount)),
        new(nameof(DealRecord.Source), d => Of(d.Source)),
        new(nameof(DealRecord.ClientName), d => Of(d.ClientName)),
        new(nameof(DealRecord.ClientKind), d => Of(d.ClientKind)),
        new(nameof(DealRecord.ContactName), d => Of(d.ContactName)),
        new(nameof(DealRecord.ContactEmail), d => Of(d.ContactEmail)),
        new(nameof(DealRecord.ContactPhone), d => Of(d.ContactPhone)),
        new(nameof(DealRecord.ContactEmailKey), d => Of(d.ContactEmailKey)),
        new(nameof(DealRecord.ContactPhoneKey), d => Of(d.ContactPhoneKey)),
        new(nameof(DealRecord.ContactPosition), d => Of(d.ContactPosition)),
        new(nameof(DealRecord.NextStepAt), d => Of(d.NextStepAt)),
        new(nameof(DealRecord.NextDueAt), d => Of(d.NextDueAt)),
        new(nameof(DealRecord.Data), d => d.Data),
        new(nameof(DealRecord.CreatedAt), d => Of(d.CreatedAt)),
        new(nameof(DealRecord.UpdatedAt), d => Of(d.UpdatedAt)),
        new(nameof(DealRecord.ClosedAt), d => Of(d.ClosedAt)),
        new(nameof(DealRecord.Version), d => Of(d.Version)),
        new(nameof(DealRecord.ClientId), d => Of(d.ClientId)),
        new(nameof(DealRecord.SearchText), d => Of(d.SearchText)),
    ]);

    public static readonly TableShape<ClockRecord> Clocks = new("Clocks",
    [
        new(nameof(ClockRecord.Id), c => c.Id),
        new(nameof(ClockRecord.DealId), c => c.DealId),
        new(nameof(ClockRecord.WorkflowId), c => c.WorkflowId),
        new(nameof(ClockRecord.RegulationId), c => c.RegulationId),
        new(nameof(ClockRecord.Name), c => c.Name),
        new(nameof(ClockRecord.StageId), c => Of(c.StageId)),
        new(nameof(ClockRecord.State), c => c.State),
        new(nameof(ClockRecord.StartedAt), c => Of(c.StartedAt)),
        new(nameof(ClockRecord.LimitTicks), c => c.LimitTicks),
        new(nameof(ClockRecord.WarnBeforeTicks), c => Of(c.WarnBeforeTicks)),
        new(nameof(ClockRecord.EscalationsJson), c => Of(c.EscalationsJson)),
        new(nameof(ClockRecord.ConsumedTicks), c => c.ConsumedTicks),
        new(nameof(ClockRecord.RunningSince), c => Of(c.RunningSince)),
        new(nameof(ClockRecord.DueAt), c => Of(c.DueAt)),
        new(nameof(ClockRecord.WarnAt), c => Of(c.WarnAt)),
        new(nameof(ClockRecord.WarnedAt), c => Of(c.WarnedAt)),
        new(nameof(ClockRecord.BreachedAt), c => Of(c.BreachedAt)),
        new(nameof(ClockRecord.EscalationsRaised), c => Of(c.EscalationsRaised)),
        new(nameof(ClockRecord.NextEscalationAt), c => Of(c.NextEscalationAt)),
        new(nameof(ClockRecord.FinishedAt), c => Of(c.FinishedAt)),
        new(nameof(ClockRecord.OwnerId), c => Of(c.OwnerId)),
        new(nameof(ClockRecord.OverrunTicks), c => Of(c.OverrunTicks)),
        new(nameof(ClockRecord.HandoversJson), c => Of(c.HandoversJson)),
    ]);

    /// <summary>Without "Id": the database numbers events in insertion order.</summary>
    public static readonly TableShape<DealEventRecord> DealEvents = new("DealEvents",
    [
        new("DealId", e => e.DealId),
        new("At", e => Of(e.At)),
        new("By", e => Of(e.By)),
        new("Kind", e => e.Kind),
        new("DetailsJson", e => e.DetailsJson),
    ]);

    public static readonly TableShape<AlertRecord> Alerts = new("Alerts",
    [
        new("Id", a => a.Id),
        new("Kind", a => a.Kind),
        new("Audience", a => a.Audience),
        new("RecipientId", a => Of(a.RecipientId)),
        new("DealId", a => a.DealId),
        new("DealTitle", a => a.DealTitle),
        new("ActivityId", a => Of(a.ActivityId)),
        new("RegulationId", a => Of(a.RegulationId)),
        new("RegulationName", a => Of(a.RegulationName)),
        new("StageId", a => Of(a.StageId)),
        new("StageName", a => Of(a.StageName)),
        new("OwnerId", a => Of(a.OwnerId)),
        new("TeamId", a => Of(a.TeamId)),
        new("DueAt", a => Of(a.DueAt)),
        new("RaisedAt", a => Of(a.RaisedAt)),
        new("Message", a => Of(a.Message)),
        new("AcknowledgedAt", a => Of(a.AcknowledgedAt)),
    ]);
}
