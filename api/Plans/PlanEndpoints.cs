using Crm.Api.Auth;
using Crm.Api.Compliance;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Plans;

/// <summary>
/// Targets per manager and period. A head sets them for the people of their teams (admins for anyone); a plan is one per
/// manager, metric and period, so setting it again changes the target. Everyone reads their own progress live.
/// </summary>
public static class PlanEndpoints
{
    public static void MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans");

        group.MapPut("", async (PlanBody body, string? tz, HttpContext http, CrmDbContext db, ComplianceScope scope, UserDirectory directory,
            IClock clock, CancellationToken ct) =>
        {
            var caller = http.Caller();
            if (!(caller.IsHead || caller.IsAdmin))
                return Problems.Forbidden("Heads and admins set plans.");
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body.ManagerId))
                errors["managerId"] = ["Name the manager (managerId)."];
            if (body.Metric is null || !PlanMetrics.All.Contains(body.Metric))
                errors["metric"] = [$"metric is one of {string.Join(", ", PlanMetrics.All)}."];
            if (body.Target is not > 0)
                errors["target"] = ["The target is a whole number above zero."];
            if (body.Period?.From is null || body.Period.To is null)
                errors["period"] = ["A plan needs a period: {from, to}, as dates or instants."];
            if (errors.Count > 0)
                return Problems.Validation(errors);
            if (!ReportPeriod.TryParse(body.Period!.From, body.Period.To, tz, clock.GetCurrentInstant(), out var period, out var bad))
                return bad!;
            if (period.From == period.To)
                return Problems.Validation(new() { ["period"] = ["The period is empty."] });
            if (!scope.CanSeePerson(caller, body.ManagerId!) || directory.Find(body.ManagerId) is null)
                return Problems.NotFound($"Manager '{body.ManagerId}' does not exist.");

            var plan = await db.Plans.FirstOrDefaultAsync(p => p.ManagerId == body.ManagerId && p.Metric == body.Metric
                && p.From == period.From && p.To == period.To, ct);
            if (plan is null)
            {
                plan = new PlanRecord { Id = Guid.CreateVersion7().ToString("N"), ManagerId = body.ManagerId!, Metric = body.Metric!, From = period.From, To = period.To };
                db.Plans.Add(plan);
            }
            else
            {
                plan.Version++;
            }
            plan.Target = body.Target!.Value;
            plan.SetBy = caller.Id;
            plan.UpdatedAt = clock.GetCurrentInstant();
            await db.SaveChangesAsync(ct);
            return Results.Ok(await ViewAsync(db, plan, ct));
        });

        group.MapGet("/me", async (HttpContext http, CrmDbContext db, CancellationToken ct) =>
            Results.Ok(await ListAsync(db, [http.Caller().Id], ct)));

        group.MapGet("", async (string? managerId, HttpContext http, CrmDbContext db, ComplianceScope scope, UserDirectory directory, CancellationToken ct) =>
        {
            var caller = http.Caller();
            if (managerId is not null)
            {
                return scope.CanSeePerson(caller, managerId)
                    ? Results.Ok(await ListAsync(db, [managerId], ct))
                    : Problems.NotFound($"Manager '{managerId}' does not exist.");
            }
            if (caller.IsManager)
                return Results.Ok(await ListAsync(db, [caller.Id], ct));
            if (caller.IsAdmin)
                return Results.Ok(await ListAsync(db, null, ct));
            var teams = directory.TeamsLedBy(caller.Id);
            var people = directory.Users.Where(u => u.Id == caller.Id || (u.TeamId is not null && teams.Contains(u.TeamId))).Select(u => u.Id).ToArray();
            return Results.Ok(await ListAsync(db, people, ct));
        });
    }

    private static async Task<List<PlanView>> ListAsync(CrmDbContext db, string[]? managers, CancellationToken ct)
    {
        var query = db.Plans.AsNoTracking();
        if (managers is not null)
            query = query.Where(p => managers.Contains(p.ManagerId));
        var plans = await query.ToListAsync(ct);
        var views = new List<PlanView>(plans.Count);
        foreach (var plan in plans.OrderBy(p => p.ManagerId, StringComparer.Ordinal).ThenBy(p => p.From).ThenBy(p => p.Metric, StringComparer.Ordinal))
            views.Add(await ViewAsync(db, plan, ct));
        return views;
    }

    private static async Task<PlanView> ViewAsync(CrmDbContext db, PlanRecord plan, CancellationToken ct) =>
        new(plan.Id, plan.ManagerId, plan.Metric, plan.From, plan.To, plan.Target, await PlanMetrics.ActualAsync(db, plan, ct));
}
