using Crm.Api.Persistence;
using NodaTime;

namespace Crm.Api.Deals;

/// <summary>What a manager narrows a deal list or the board to; every part is applied in SQL.</summary>
public sealed record DealFilter(string? OwnerId = null, string? Source = null, string? Q = null, bool Overdue = false, string? NextStep = null)
{
    public IQueryable<DealRecord> Apply(IQueryable<DealRecord> deals, CrmDbContext db, Instant now)
    {
        if (OwnerId is { } owner)
            deals = deals.Where(d => d.OwnerId == owner);
        if (Source is { } source)
            deals = deals.Where(d => d.Source == source);
        if (!string.IsNullOrWhiteSpace(Q))
            deals = deals.Matching(db, Q);
        // Overdue: a regulation clock still running past its deadline. Asked as one set (IN), read from a small partial
        // index of open breaches, rather than probed deal by deal.
        if (Overdue)
            deals = deals.Where(d => db.Clocks.Where(c => c.FinishedAt == null && c.BreachedAt != null).Select(c => c.DealId).Contains(d.Id));
        deals = NextStep switch
        {
            "missing" => deals.Where(d => d.State == "open" && d.NextStepAt == null),
            "overdue" => deals.Where(d => d.State == "open" && d.NextStepAt < now),
            _ => deals,
        };
        return deals;
    }
}
