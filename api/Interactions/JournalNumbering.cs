using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Api.Interactions;

/// <summary>
/// Numbers journal entries 1, 2, … per deal (per client for entries on a client alone) in the order they are written.
/// The number is read and the row inserted together; when two writers pick the same number the unique index on
/// (journal, number) refuses the second, which takes the next number instead. A number is never changed afterwards.
/// </summary>
internal static class JournalNumbering
{
    private const int Attempts = 50;

    public static string JournalOf(string? dealId, string? clientId) => dealId ?? $"client:{clientId}";

    /// <summary>Adds the entry with the next number of its journal and saves (with whatever else the context holds).</summary>
    public static async Task AddNumberedAsync(CrmDbContext db, InteractionRecord record, CancellationToken ct)
    {
        record.Journal = JournalOf(record.DealId, record.ClientId);
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.Interactions.Where(i => i.Journal == record.Journal).MaxAsync(i => (int?)i.Number, ct);
            record.Number = (last ?? 0) + 1;
            db.Interactions.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < Attempts && IsDuplicateKey(e))
            {
                db.Entry(record).State = EntityState.Detached;
            }
        }
    }

    private static bool IsDuplicateKey(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
