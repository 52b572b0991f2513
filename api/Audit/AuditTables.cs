using Crm.Api.Persistence;
using static Crm.Api.Persistence.SqlValues;

namespace Crm.Api.Audit;

/// <summary>The audit tables as the interceptor's multi-row inserts write them: EF's names, EF's conversions.</summary>
internal static class AuditTables
{
    public static readonly TableShape<AuditEntryRecord> Entries = new("AuditEntries",
    [
        new(nameof(AuditEntryRecord.Id), e => e.Id),
        new(nameof(AuditEntryRecord.At), e => Of(e.At)),
        new(nameof(AuditEntryRecord.ActorId), e => e.ActorId),
        new(nameof(AuditEntryRecord.Via), e => Of(e.Via)),
        new(nameof(AuditEntryRecord.EntityType), e => e.EntityType),
        new(nameof(AuditEntryRecord.EntityId), e => e.EntityId),
        new(nameof(AuditEntryRecord.ClientId), e => e.ClientId),
        new(nameof(AuditEntryRecord.Action), e => e.Action),
    ]);

    public static readonly TableShape<AuditChangeRecord> Changes = new("AuditChanges",
    [
        new(nameof(AuditChangeRecord.EntryId), c => c.EntryId),
        new(nameof(AuditChangeRecord.Ordinal), c => Of(c.Ordinal)),
        new(nameof(AuditChangeRecord.Field), c => c.Field),
        new(nameof(AuditChangeRecord.Before), c => Of(c.Before)),
        new(nameof(AuditChangeRecord.After), c => Of(c.After)),
    ]);
}
