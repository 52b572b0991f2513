using System.Text.Json;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Plans;

/// <summary>
/// What a plan can count, and the counting: only what is in the system. Deals won by their owner (closed in the
/// period); calls, meetings or any interaction logged by the manager (dated in the period).
/// </summary>
public static class PlanMetrics
{
    public const string DealsWon = "dealsWon";
    public const string CallsLogged = "callsLogged";
    public const string MeetingsLogged = "meetingsLogged";
    public const string InteractionsLogged = "interactionsLogged";

    public static readonly string[] All = [DealsWon, CallsLogged, MeetingsLogged, InteractionsLogged];

    public static async Task<long> ActualAsync(CrmDbContext db, PlanRecord plan, CancellationToken ct)
    {
        var (owner, from, to) = (plan.ManagerId, plan.From, plan.To);
        if (plan.Metric == DealsWon)
            return await db.Deals.AsNoTracking().LongCountAsync(d => d.OwnerId == owner && d.State == "won" && d.ClosedAt >= from && d.ClosedAt < to, ct);
        var details = await db.DealEvents.AsNoTracking()
            .Where(e => e.By == owner && e.Kind == "interaction" && e.At >= from && e.At < to)
            .Select(e => e.DetailsJson).ToListAsync(ct);
        if (plan.Metric == InteractionsLogged)
            return details.Count;
        var kind = plan.Metric == CallsLogged ? "call" : "meeting";
        // Read the kind as JSON rather than matching text: a note that quotes "kind":"call" is still a note.
        return details.Count(json => KindOf(json) == kind);
    }

    private static string? KindOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("kind", out var kind)
            && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
    }

}
