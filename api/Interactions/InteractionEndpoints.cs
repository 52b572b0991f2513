using Crm.Api.Deals;
using Crm.Api.Infrastructure;

namespace Crm.Api.Interactions;

public static class InteractionEndpoints
{
    public static void MapInteractionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/deals/{id}/interactions", (string id, InteractionRequest body, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            journal.RecordOnDealAsync(http, id, body, ct));

        app.MapGet("/api/deals/{id}/interactions", (string id, string? q, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            journal.ListForDealAsync(id, q, http.Caller(), ct));

        app.MapPost("/api/clients/{id}/interactions", (string id, InteractionRequest body, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            journal.RecordOnClientAsync(http, id, body, ct));

        app.MapGet("/api/clients/{id}/interactions", (string id, string? q, HttpContext http, InteractionJournal journal, CancellationToken ct) =>
            journal.ListForClientAsync(id, q, http.Caller(), ct));
    }
}
