using Crm.Api.Auth;
using Crm.Api.Infrastructure;
using NodaTime;

namespace Crm.Api.Compliance;

public static class ComplianceEndpoints
{
    public static void MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/compliance");

        group.MapGet("/managers", async (string? from, string? to, string? tz, string? workflowId, string? teamId,
            HttpContext http, ComplianceScope scope, ComplianceReports reports, IClock clock, CancellationToken ct) =>
        {
            if (!ReportPeriod.TryParse(from, to, tz, clock.GetCurrentInstant(), out var period, out var bad))
                return bad!;
            if (!scope.TryTeam(http.Caller(), teamId, out var team, out var denied))
                return denied!;
            return Results.Ok(await reports.ManagersAsync(team, period, workflowId, ct));
        });

        group.MapGet("/managers/{id}/breaches", async (string id, string? from, string? to, string? tz,
            HttpContext http, ComplianceScope scope, ComplianceClocks clocks, IClock clock, CancellationToken ct) =>
        {
            if (!scope.CanSeePerson(http.Caller(), id))
                return Problems.NotFound($"Manager '{id}' does not exist.");
            if (!ReportPeriod.TryParse(from, to, tz, clock.GetCurrentInstant(), out var period, out var bad))
                return bad!;
            return Results.Ok(await clocks.BreachesAsync(id, period, ct));
        });

        group.MapGet("/regulations", async (string? from, string? to, string? tz, string? workflowId, string? teamId,
            HttpContext http, ComplianceScope scope, ComplianceReports reports, IClock clock, CancellationToken ct) =>
        {
            if (!ReportPeriod.TryParse(from, to, tz, clock.GetCurrentInstant(), out var period, out var bad))
                return bad!;
            if (!scope.TryTeam(http.Caller(), teamId, out var team, out var denied))
                return denied!;
            return Results.Ok(await reports.RegulationsAsync(team, period, workflowId, ct));
        });

        group.MapGet("/trend", async (string? from, string? to, string? tz, string? managerId, string? teamId,
            HttpContext http, ComplianceScope scope, ComplianceReports reports, IClock clock, CancellationToken ct) =>
        {
            if (!ReportPeriod.TryParse(from, to, tz, clock.GetCurrentInstant(), out var period, out var bad))
                return bad!;
            var caller = http.Caller();
            if (!scope.TryTeam(caller, teamId, out var team, out var denied))
                return denied!;
            if (managerId is not null && !scope.CanSeePerson(caller, managerId))
                return Problems.NotFound($"Manager '{managerId}' does not exist.");
            return Results.Ok(await reports.TrendAsync(team, period, managerId, ct));
        });

        group.MapGet("/me", async (string? from, string? to, string? tz, HttpContext http, ComplianceClocks clocks, IClock clock, CancellationToken ct) =>
        {
            if (!ReportPeriod.TryParse(from, to, tz, clock.GetCurrentInstant(), out var period, out var bad))
                return bad!;
            return Results.Ok(await clocks.OwnAsync(http.Caller().Id, period, ct));
        });

        group.MapGet("/export", async (string? format, string? from, string? to, string? tz, string? workflowId, string? teamId,
            HttpContext http, ComplianceScope scope, ComplianceReports reports, IClock clock, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx"))
                return Problems.Validation(new() { ["format"] = ["format is csv or xlsx."] });
            if (!ReportPeriod.TryParse(from, to, tz, clock.GetCurrentInstant(), out var period, out var bad))
                return bad!;
            if (!scope.TryTeam(http.Caller(), teamId, out var team, out var denied))
                return denied!;
            var rows = await reports.ManagersAsync(team, period, workflowId, ct);
            return format == "csv"
                ? Results.File(ComplianceExport.Csv(rows), "text/csv; charset=utf-8", ComplianceExport.FileName(period, "csv"))
                : Results.File(ComplianceExport.Xlsx(rows, period), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ComplianceExport.FileName(period, "xlsx"));
        });
    }
}
