using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Infrastructure;

public static class OptimisticSave
{
    /// <summary>Saves, or returns false when a versioned record changed since it was read (the caller answers 409).</summary>
    public static async Task<bool> TrySaveAsync(this CrmDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
