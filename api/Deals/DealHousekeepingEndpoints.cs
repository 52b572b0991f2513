using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Deals;

public sealed record TransferRequest(string? WorkflowId, string? StageId);

public sealed record CloseDuplicateRequest(string? DuplicateOf);

public sealed record LinkContactRequest(string? ContactId, bool? Main);

/// <summary>Keeping deals in order: moving one to another funnel, its contacts, closing a duplicate.</summary>
public static class DealHousekeepingEndpoints
{
    private const string BadIfMatch = "If-Match must be a version number in quotes, e.g. \"3\".";

    public static void MapDealHousekeepingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deals");

        group.MapPost("/{id}/transfer", async (string id, TransferRequest body, HttpContext http, IFlowchartSource flows, DealCommands commands, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.WorkflowId))
                return Problems.Validation(new() { ["workflowId"] = ["Choose the funnel to move the deal to."] });
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest(BadIfMatch);
            if (await flows.GetPublishedAsync(body.WorkflowId, ct) is not { } target)
                return Problems.Validation(new() { ["workflowId"] = [$"Funnel '{body.WorkflowId}' does not exist or is not published."] });
            var caller = http.Caller();
            var command = DealCommand.Transfer(id, target, string.IsNullOrWhiteSpace(body.StageId) ? null : body.StageId, caller.Id, expected);
            return (await commands.RunAsync(command, caller, ownerOnly: true, ct)).ToHttp(deal => DealEndpoints.WithETag(http, deal));
        });

        group.MapPost("/{id}/close-duplicate", async (string id, CloseDuplicateRequest body, HttpContext http, DealMerger merger, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.DuplicateOf))
                return Problems.Validation(new() { ["duplicateOf"] = ["Name the deal this one duplicates (duplicateOf)."] });
            if (body.DuplicateOf == id)
                return Problems.Validation(new() { ["duplicateOf"] = ["A deal cannot duplicate itself."] });
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest(BadIfMatch);
            return (await merger.CloseDuplicateAsync(http.Caller(), id, body.DuplicateOf, expected, ct)).ToHttp(deal => DealEndpoints.WithETag(http, deal));
        });

        group.MapPost("/{id}/contacts", async (string id, LinkContactRequest body, HttpContext http, CrmDbContext db, DealCommands commands, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.ContactId))
                return Problems.Validation(new() { ["contactId"] = ["Choose the contact to add (contactId)."] });
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest(BadIfMatch);
            var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == body.ContactId).Select(c => new { c.Id, c.ClientId }).FirstOrDefaultAsync(ct);
            var client = contact is null ? null : await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contact.ClientId, ct);
            if (contact is null || client is null)
                return Problems.Validation(new() { ["contactId"] = [$"Contact '{body.ContactId}' does not exist."] });
            var caller = http.Caller();
            var command = DealCommand.LinkContact(id, contact.Id, client.Id, new DealClient(client.Name, client.Kind), body.Main == true, caller.Id, expected);
            return (await commands.RunAsync(command, caller, ownerOnly: true, ct)).ToHttp(deal => DealEndpoints.WithETag(http, deal));
        });

        group.MapDelete("/{id}/contacts/{contactId}", async (string id, string contactId, HttpContext http, DealCommands commands, CancellationToken ct) =>
        {
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest(BadIfMatch);
            var caller = http.Caller();
            return (await commands.RunAsync(DealCommand.UnlinkContact(id, contactId, caller.Id, expected), caller, ownerOnly: true, ct))
                .ToHttp(deal => DealEndpoints.WithETag(http, deal));
        });
    }
}
