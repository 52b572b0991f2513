using Crm.Api.Auth;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Deals;

/// <summary>Opens a deal on the funnel's current published version, after checking the input and looking for duplicates.</summary>
public sealed class DealCreation(CrmDbContext db, DealCommandProcessor processor, DealQueries queries, UserDirectory directory)
{
    public async Task<IResult> CreateAsync(CreateDealRequest body, bool allowDuplicate, Caller caller, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Title))
            errors["title"] = ["A deal needs a title."];
        else if (body.Title.Length > 200)
            errors["title"] = ["A title is at most 200 characters."];
        if (string.IsNullOrWhiteSpace(body.WorkflowId))
            errors["workflowId"] = ["Name the funnel (workflowId)."];
        if (body.Amount is < 0)
            errors["amount"] = ["The amount cannot be negative."];
        if (body.Client is { } client && (string.IsNullOrWhiteSpace(client.Name) || client.Kind is not ("company" or "person")))
            errors["client"] = ["A client needs a name and a kind: company or person."];
        if (body.Contact?.Email is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
            errors["contact.email"] = ["That is not an e-mail address."];
        if (body.Contact?.Phone is { Length: > 0 } phone && ContactKeys.Phone(phone) is not { Length: >= 5 })
            errors["contact.phone"] = ["A phone number needs at least 5 digits."];
        var owner = ResolveOwner(body, caller, errors);
        if (errors.Count > 0)
            return Problems.Validation(errors);

        var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == body.WorkflowId, ct);
        if (workflow is null)
            return Problems.Validation(new() { ["workflowId"] = [$"Funnel '{body.WorkflowId}' does not exist."] });
        if (workflow.PublishedVersion is not { } version)
            return Problems.Validation(new() { ["workflowId"] = [$"Funnel '{body.WorkflowId}' has not been published yet."] });

        if (!allowDuplicate && await FindDuplicateAsync(body.Contact, ct) is { } existing)
            return Problems.Conflict("An open deal already has this contact's e-mail or phone.", "duplicate",
                new Dictionary<string, object?> { ["existingDealId"] = existing });

        var team = body.TeamId ?? (owner is not null ? directory.TeamOf(owner) : caller.TeamId);
        var command = DealCommand.Start(new NewDeal
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Title = body.Title!.Trim(),
            OwnerId = owner,
            TeamId = team,
            Amount = body.Amount,
            Source = body.Source,
            Client = body.Client is { } c ? new DealClient(c.Name.Trim(), c.Kind) : null,
            Contact = body.Contact is { } k ? new DealContact(k.Name?.Trim(), k.Email?.Trim(), k.Phone?.Trim(), k.Position?.Trim()) : null,
            Fields = body.Fields,
        }, workflow.Id, version, caller.Id);
        var result = await processor.SubmitAsync(command, CancellationToken.None);
        if (result.Error is { } error)
            return Problems.FromEngine(error);
        var view = await queries.GetAsync(result.Deal.Id, Caller.System, ct);
        return Results.Created($"/api/deals/{result.Deal.Id}", view);
    }

    private string? ResolveOwner(CreateDealRequest body, Caller caller, Dictionary<string, string[]> errors)
    {
        if (caller.IsManager)
        {
            if (body.OwnerId is not null && body.OwnerId != caller.Id)
                errors["ownerId"] = ["A manager opens deals for themselves."];
            return caller.Id;
        }
        if (body.OwnerId is null)
            return null;
        if (!directory.CanOwnDeals(body.OwnerId))
            errors["ownerId"] = [$"'{body.OwnerId}' cannot own deals."];
        else if (caller.IsHead && !DealVisibility.CanSee(caller, body.OwnerId, directory.TeamOf(body.OwnerId), directory))
            errors["ownerId"] = [$"'{body.OwnerId}' is not in a team you lead."];
        return body.OwnerId;
    }

    private async Task<string?> FindDuplicateAsync(ContactView? contact, CancellationToken ct)
    {
        var email = ContactKeys.Email(contact?.Email);
        var phone = ContactKeys.Phone(contact?.Phone);
        if (email is null && phone is null)
            return null;
        return await db.Deals.AsNoTracking()
            .Where(d => d.State == "open" && ((email != null && d.ContactEmailKey == email) || (phone != null && d.ContactPhoneKey == phone)))
            .Select(d => d.Id).FirstOrDefaultAsync(ct);
    }
}
