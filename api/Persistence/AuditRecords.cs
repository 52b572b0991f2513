using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>One change to a client or a contact: who made it, when, and through what (see <c>api/Audit</c>).</summary>
public sealed class AuditEntryRecord
{
    public required string Id { get; set; }
    public Instant At { get; set; }
    /// <summary>A user id, or <c>system</c> / <c>lead-form</c> when no user acted.</summary>
    public required string ActorId { get; set; }
    /// <summary>The channel the change came through: <c>import</c>, <c>deal</c>, or null for a direct edit.</summary>
    public string? Via { get; set; }
    /// <summary><c>client</c> or <c>contact</c>.</summary>
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>The client the entity belongs to (the client itself for a client), so a client's history includes its contacts'.</summary>
    public required string ClientId { get; set; }
    /// <summary><c>created</c>, <c>imported</c>, <c>updated</c> or <c>deleted</c>.</summary>
    public required string Action { get; set; }
}

/// <summary>One field of an <see cref="AuditEntryRecord"/>: a value it had and the value it got (a list's added or removed item).</summary>
public sealed class AuditChangeRecord
{
    public required string EntryId { get; set; }
    public int Ordinal { get; set; }
    public required string Field { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

internal static class AuditModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntryRecord>(e =>
        {
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.At, a.Id });
            e.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
            e.HasIndex(a => new { a.ClientId, a.At });
            e.HasIndex(a => new { a.ActorId, a.At });
        });
        modelBuilder.Entity<AuditChangeRecord>(e =>
        {
            e.HasKey(c => new { c.EntryId, c.Ordinal });
            e.HasOne<AuditEntryRecord>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
