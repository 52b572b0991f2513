using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>
/// The store. One model for both databases: instants are stored as Unix ticks (bigint), no provider-specific types.
/// Each database has its own migration set, bound to its own subclass (<see cref="SqliteCrmDbContext"/>,
/// <see cref="PostgresCrmDbContext"/>) as EF Core binds migrations to a context type; <see cref="CrmContexts"/> makes them.
/// </summary>
public abstract class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    public DbSet<UserRecord> Users => Set<UserRecord>();
    public DbSet<TeamRecord> Teams => Set<TeamRecord>();
    public DbSet<CalendarRecord> Calendars => Set<CalendarRecord>();
    public DbSet<WorkflowRecord> Workflows => Set<WorkflowRecord>();
    public DbSet<WorkflowVersionRecord> WorkflowVersions => Set<WorkflowVersionRecord>();
    public DbSet<DealRecord> Deals => Set<DealRecord>();
    public DbSet<ClockRecord> Clocks => Set<ClockRecord>();
    public DbSet<DealEventRecord> DealEvents => Set<DealEventRecord>();
    public DbSet<AlertRecord> Alerts => Set<AlertRecord>();
    public DbSet<DictionaryRecord> Dictionaries => Set<DictionaryRecord>();
    public DbSet<ClockTallyRecord> ClockTallies => Set<ClockTallyRecord>();
    public DbSet<ClockTallyBlockRecord> ClockTallyBlocks => Set<ClockTallyBlockRecord>();
    public DbSet<ClockTallyOverrunRecord> ClockTallyOverruns => Set<ClockTallyOverrunRecord>();
    public DbSet<PlanRecord> Plans => Set<PlanRecord>();
    public DbSet<ClientRecord> Clients => Set<ClientRecord>();
    public DbSet<ContactRecord> Contacts => Set<ContactRecord>();
    public DbSet<InteractionRecord> Interactions => Set<InteractionRecord>();
    public DbSet<InteractionRevisionRecord> InteractionRevisions => Set<InteractionRevisionRecord>();
    public DbSet<FileRecord> Files => Set<FileRecord>();
    public DbSet<AuditEntryRecord> AuditEntries => Set<AuditEntryRecord>();
    public DbSet<AuditChangeRecord> AuditChanges => Set<AuditChangeRecord>();
    public DbSet<ActivityRecord> Activities => Set<ActivityRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Instant>().HaveConversion<InstantTicksConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<List<string>>().HaveConversion<JsonStringListConverter, JsonStringListComparer>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRecord>(e =>
        {
            e.HasKey(u => u.Id);
            e.HasIndex(u => u.Email).IsUnique();
            e.HasIndex(u => u.TeamId);
            e.Property(u => u.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<TeamRecord>(e =>
        {
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.HeadId);
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<CalendarRecord>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<WorkflowRecord>(e =>
        {
            e.HasKey(w => w.Id);
            e.Property(w => w.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<WorkflowVersionRecord>(e => e.HasKey(v => new { v.WorkflowId, v.Number }));
        modelBuilder.Entity<DealRecord>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasIndex(d => d.NextDueAt);
            e.HasIndex(d => new { d.OwnerId, d.State });
            e.HasIndex(d => new { d.TeamId, d.State });
            e.HasIndex(d => new { d.WorkflowId, d.StageId });
            e.HasIndex(d => d.ContactEmailKey);
            e.HasIndex(d => d.ContactPhoneKey);
            e.HasIndex(d => d.ClientId);
            // The board: a funnel's open deals per stage, newest first; Amount last so the column totals read the index alone.
            e.HasIndex(d => new { d.WorkflowId, d.State, d.StageId, d.UpdatedAt, d.Id, d.Amount }, "IX_Deals_Board");
            e.HasIndex(d => new { d.WorkflowId, d.OwnerId, d.State, d.StageId, d.UpdatedAt, d.Amount }, "IX_Deals_BoardByOwner");
            e.HasIndex(d => new { d.WorkflowId, d.Source, d.State, d.StageId, d.UpdatedAt, d.Amount }, "IX_Deals_BoardBySource");
        });
        modelBuilder.Entity<ClockRecord>(e =>
        {
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.DealId);
            e.HasIndex(c => new { c.OwnerId, c.FinishedAt });
            // Compliance: partial covering indexes, so reports read index pages only (see api/Compliance).
            e.HasIndex(c => new { c.OwnerId, c.BreachedAt, c.OverrunTicks, c.WorkflowId, c.RegulationId, c.StageId })
                .HasDatabaseName("IX_Clocks_OwnerBreaches").HasFilter("\"BreachedAt\" IS NOT NULL");
            e.HasIndex(c => new { c.BreachedAt, c.OwnerId, c.WorkflowId, c.RegulationId, c.StageId })
                .HasDatabaseName("IX_Clocks_Breaches").HasFilter("\"BreachedAt\" IS NOT NULL");
            e.HasIndex(c => new { c.FinishedAt, c.OwnerId, c.WorkflowId, c.RegulationId, c.StageId, c.State })
                .HasDatabaseName("IX_Clocks_Met").HasFilter("\"State\" = 'met'");
            e.HasIndex(c => c.OwnerId)
                .HasDatabaseName("IX_Clocks_OpenBreaches").HasFilter("\"FinishedAt\" IS NULL AND \"BreachedAt\" IS NOT NULL");
            // The board's overdue filter: which deals have a breach still running.
            e.HasIndex(c => c.DealId, "IX_Clocks_OpenBreachDeals").HasFilter("\"FinishedAt\" IS NULL AND \"BreachedAt\" IS NOT NULL");
        });
        // Reports read tallies by day range (the key's lead); an owner filter is checked on the key's entries.
        modelBuilder.Entity<ClockTallyRecord>(e => e.HasKey(t => new { t.Day, t.OwnerId, t.WorkflowId, t.RegulationId, t.StageId }));
        modelBuilder.Entity<ClockTallyBlockRecord>(e => e.HasKey(t => new { t.Days, t.Start, t.OwnerId, t.WorkflowId, t.RegulationId, t.StageId }));
        // Covering, in the order a report groups them: a period's overruns are one range scan of the index.
        modelBuilder.Entity<ClockTallyOverrunRecord>(e => e.HasIndex(o => new { o.Day, o.OwnerId, o.WorkflowId, o.RegulationId, o.StageId, o.Ticks }));
        modelBuilder.Entity<PlanRecord>(e =>
        {
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.ManagerId, p.Metric, p.From, p.To }).IsUnique();
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<DealEventRecord>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DealId);
            e.HasIndex(x => new { x.By, x.Kind, x.At });
        });
        modelBuilder.Entity<AlertRecord>(e =>
        {
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.RecipientId, a.AcknowledgedAt });
            e.HasIndex(a => a.DealId);
        });
        modelBuilder.Entity<DictionaryRecord>(e => e.HasKey(d => new { d.Kind, d.Id }));
        modelBuilder.Entity<ClientRecord>(e =>
        {
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.NameKey);
            e.HasIndex(c => c.ResponsibleId);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ContactRecord>(e =>
        {
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.ClientId);
            e.HasOne<ClientRecord>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<InteractionRecord>(e =>
        {
            e.HasKey(i => i.Id);
            e.HasIndex(i => new { i.DealId, i.At });
            e.HasIndex(i => new { i.ClientId, i.At });
            // Two entries written at once cannot take the same number: the second insert fails and is numbered again.
            e.HasIndex(i => new { i.Journal, i.Number }).IsUnique();
            e.Property(i => i.Revisions).IsConcurrencyToken();
        });
        modelBuilder.Entity<InteractionRevisionRecord>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.InteractionId);
        });
        modelBuilder.Entity<FileRecord>(e =>
        {
            e.HasKey(f => f.Id);
            e.HasIndex(f => f.DealId);
            e.HasIndex(f => f.ClientId);
        });
        modelBuilder.Entity<ActivityRecord>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Version).IsConcurrencyToken();
            // The diary and lists: one assignee's (or one deal's) open activities in due order; a client's card.
            e.HasIndex(a => new { a.AssigneeId, a.State, a.DueAt }).HasDatabaseName(ActivityIndexes.AssigneeStateDue);
            e.HasIndex(a => new { a.DealId, a.State, a.DueAt }).HasDatabaseName(ActivityIndexes.DealStateDue);
            e.HasIndex(a => a.ClientId).HasDatabaseName(ActivityIndexes.Client);
            e.HasIndex(a => a.AlarmAt).HasDatabaseName(ActivityIndexes.Alarm).HasFilter("\"AlarmAt\" IS NOT NULL");
        });
        AuditModel.Configure(modelBuilder);
    }

    private sealed class InstantTicksConverter() : ValueConverter<Instant, long>(i => i.ToUnixTimeTicks(), t => Instant.FromUnixTimeTicks(t));
}
