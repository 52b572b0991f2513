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

        app.MapGet("/api/deals/{id}/interactions", async (string id, string? q, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            (await journal.ListForDealAsync(id, q, http.Caller(), ct)).ToHttp(entries => Results.Ok(entries)));

        app.MapPost("/api/clients/{id}/interactions", async (string id, InteractionRequest body, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            (await journal.RecordOnClientAsync(http.Caller(), id, body, ct)).ToHttp(entry => Results.Created($"/api/clients/{id}/interactions", entry)));

        app.MapGet("/api/clients/{id}/interactions", async (string id, string? q, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            (await journal.ListForClientAsync(id, q, http.Caller(), ct)).ToHttp(entries => Results.Ok(entries)));
    }
}
