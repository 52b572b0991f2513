using System.Data.Common;
using static Crm.Api.Persistence.SqlValues;

namespace Crm.Api.Persistence;

/// <summary>
/// The tables the deal store writes by hand, column for column as EF maps them. A test checks these lists against
/// EF's model, so a new column cannot be silently left out. Readers read by ordinal in the same order.
/// </summary>
internal static class StoreTables
{
    public static readonly TableShape<DealRecord> Deals = new("Deals",
    [
        new("Id", d => d.Id),
        new("Title", d => d.Title),
        new("WorkflowId", d => d.WorkflowId),
        new("WorkflowVersion", d => Of(d.WorkflowVersion)),
        new("StageId", d => Of(d.StageId)),
        new("State", d => d.State),
        new("OwnerId", d => Of(d.OwnerId)),
        new("TeamId", d => Of(d.TeamId)),
        new("Amount", d => Of(d.Amount)),
        new("Source", d => Of(d.Source)),
        new("ClientName", d => Of(d.ClientName)),
        new("ClientKind", d => Of(d.ClientKind)),
        new("ContactName", d => Of(d.ContactName)),
        new("ContactEmail", d => Of(d.ContactEmail)),
        new("ContactPhone", d => Of(d.ContactPhone)),
        new("ContactEmailKey", d => Of(d.ContactEmailKey)),
        new("ContactPhoneKey", d => Of(d.ContactPhoneKey)),
        new("ContactPosition", d => Of(d.ContactPosition)),
        new("NextStepAt", d => Of(d.NextStepAt)),
        new("NextDueAt", d => Of(d.NextDueAt)),
        new("Data", d => d.Data),
        new("CreatedAt", d => Of(d.CreatedAt)),
        new("UpdatedAt", d => Of(d.UpdatedAt)),
        new("ClosedAt", d => Of(d.ClosedAt)),
        new("Version", d => Of(d.Version)),
        new("ClientId", d => Of(d.ClientId)),
        new("SearchText", d => Of(d.SearchText)),
    ]);

    public static readonly TableShape<ClockRecord> Clocks = new("Clocks",
    [
        new("Id", c => c.Id),
        new("DealId", c => c.DealId),
        new("WorkflowId", c => c.WorkflowId),
        new("RegulationId", c => c.RegulationId),
        new("Name", c => c.Name),
        new("StageId", c => Of(c.StageId)),
        new("State", c => c.State),
        new("StartedAt", c => Of(c.StartedAt)),
        new("LimitTicks", c => c.LimitTicks),
        new("WarnBeforeTicks", c => Of(c.WarnBeforeTicks)),
        new("EscalationsJson", c => Of(c.EscalationsJson)),
        new("ConsumedTicks", c => c.ConsumedTicks),
        new("RunningSince", c => Of(c.RunningSince)),
        new("DueAt", c => Of(c.DueAt)),
        new("WarnAt", c => Of(c.WarnAt)),
        new("WarnedAt", c => Of(c.WarnedAt)),
        new("BreachedAt", c => Of(c.BreachedAt)),
        new("EscalationsRaised", c => Of(c.EscalationsRaised)),
        new("NextEscalationAt", c => Of(c.NextEscalationAt)),
        new("FinishedAt", c => Of(c.FinishedAt)),
        new("OwnerId", c => Of(c.OwnerId)),
        new("OverrunTicks", c => Of(c.OverrunTicks)),
        new("HandoversJson", c => Of(c.HandoversJson)),
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

    public static DealRecord ReadDeal(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Title = r.GetString(1),
        WorkflowId = r.GetString(2),
        WorkflowVersion = r.GetInt32(3),
        StageId = String(r, 4),
        State = r.GetString(5),
        OwnerId = String(r, 6),
        TeamId = String(r, 7),
        Amount = Decimal(r, 8),
        Source = String(r, 9),
        ClientName = String(r, 10),
        ClientKind = String(r, 11),
        ContactName = String(r, 12),
        ContactEmail = String(r, 13),
        ContactPhone = String(r, 14),
        ContactEmailKey = String(r, 15),
        ContactPhoneKey = String(r, 16),
        ContactPosition = String(r, 17),
        NextStepAt = NullableInstant(r, 18),
        NextDueAt = NullableInstant(r, 19),
        Data = r.GetString(20),
        CreatedAt = Instant(r, 21),
        UpdatedAt = Instant(r, 22),
        ClosedAt = NullableInstant(r, 23),
        Version = r.GetInt32(24),
        ClientId = String(r, 25),
        SearchText = String(r, 26),
    };

    public static ClockRecord ReadClock(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        DealId = r.GetString(1),
        WorkflowId = r.GetString(2),
        RegulationId = r.GetString(3),
        Name = r.GetString(4),
        StageId = String(r, 5),
        State = r.GetString(6),
        StartedAt = Instant(r, 7),
        LimitTicks = r.GetInt64(8),
        WarnBeforeTicks = Long(r, 9),
        EscalationsJson = String(r, 10),
        ConsumedTicks = r.GetInt64(11),
        RunningSince = NullableInstant(r, 12),
        DueAt = NullableInstant(r, 13),
        WarnAt = NullableInstant(r, 14),
        WarnedAt = NullableInstant(r, 15),
        BreachedAt = NullableInstant(r, 16),
        EscalationsRaised = r.GetInt32(17),
        NextEscalationAt = NullableInstant(r, 18),
        FinishedAt = NullableInstant(r, 19),
        OwnerId = String(r, 20),
        OverrunTicks = Long(r, 21),
        HandoversJson = String(r, 22),
    };
}
