using Crm.Api.Infrastructure;

namespace Crm.Api.Deals;

public static class DealBoardEndpoints
{
    public static void MapDealBoardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deals/board", async (string? workflowId, string? ownerId, string? source, string? q, bool? overdue, string? nextStep,
            int? limit, string? stageId, string? cursor, HttpContext http, DealBoard board, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(workflowId))
                errors["workflowId"] = ["Name the funnel (workflowId)."];
            if (nextStep is not (null or "missing" or "overdue"))
                errors["nextStep"] = ["nextStep is missing or overdue."];
            if (limit is < 1 or > 200)
                errors["limit"] = ["limit is 1 to 200."];
            if (errors.Count > 0)
                return Problems.Validation(errors);
            var filter = new DealFilter(ownerId, source, q, overdue == true, nextStep);
            var request = new DealBoard.Request(workflowId!, filter, limit ?? 50, stageId, cursor);
            return (await board.ReadAsync(request, http.Caller(), ct)).ToHttp(Results.Ok);
        });
    }
}
