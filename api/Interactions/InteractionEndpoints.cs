using Crm.Api.Deals;
using Crm.Api.Infrastructure;

namespace Crm.Api.Interactions;

public static class InteractionEndpoints
{
    public static void MapInteractionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/deals/{id}/interactions", async (string id, InteractionRequest body, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            (await journal.RecordOnDealAsync(http.Caller(), id, body, ct)).ToHttp(deal =>
            {
                http.Response.Headers.ETag = $"\"{deal.Version}\"";
                return Results.Created($"/api/deals/{id}/interactions", deal);
            }));

        app.MapGet("/api/deals/{id}/interactions", async (string id, string? q, string? scope, string? managerId, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            scope is not (null or "" or "deal" or "client")
                ? Problems.Validation(new() { ["scope"] = ["scope is deal (the default) or client."] })
                : (await journal.ListForDealAsync(id, q, managerId, scope == "client", http.Caller(), ct)).ToHttp(entries => Results.Ok(entries)));

        app.MapPost("/api/clients/{id}/interactions", async (string id, InteractionRequest body, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            (await journal.RecordOnClientAsync(http.Caller(), id, body, ct)).ToHttp(entry => Results.Created($"/api/clients/{id}/interactions", entry)));

        app.MapGet("/api/clients/{id}/interactions", async (string id, string? q, string? managerId, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            (await journal.ListForClientAsync(id, q, managerId, http.Caller(), ct)).ToHttp(entries => Results.Ok(entries)));

        app.MapPut("/api/interactions/{id}", async (string id, InteractionCorrectionRequest body, HttpContext http, InteractionCorrections corrections, CancellationToken ct) =>
            (await corrections.CorrectAsync(http.Caller(), id, body, ct)).ToHttp(entry => Results.Ok(entry)));

        app.MapGet("/api/interactions/{id}/revisions", async (string id, HttpContext http, InteractionCorrections corrections, CancellationToken ct) =>
            (await corrections.RevisionsAsync(http.Caller(), id, ct)).ToHttp(revisions => Results.Ok(revisions)));
    }
}
