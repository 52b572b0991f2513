using Crm.Api.Audit;
using Crm.Api.Auth;
using Crm.Api.Dictionaries;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Deals;

/// <summary>Opens a deal on the funnel's current published version, after checking the input and looking for duplicates.</summary>
public sealed class DealCreation(CrmDbContext db, DealCommandProcessor processor, DealQueries queries, UserDirectory directory, DealPartyResolver parties,
    DealAssignmentCheck assignment, ActingParty acting)
{
    public async Task<ServiceResult<DealView>> CreateAsync(CreateDealRequest body, bool allowDuplicate, Caller caller, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Title))
            errors["title"] = ["A deal needs a title."];
        else
            TextLimits.Check(errors, "title", body.Title, TextLimits.Name);
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
        TextLimits.Check(errors, "client.name", body.Client?.Name, TextLimits.Name);
        TextLimits.Check(errors, "contact.name", body.Contact?.Name, TextLimits.Name);
        TextLimits.Check(errors, "contact.email", body.Contact?.Email, TextLimits.Email);
        TextLimits.Check(errors, "contact.phone", body.Contact?.Phone, TextLimits.Phone);
        TextLimits.Check(errors, "contact.position", body.Contact?.Position, TextLimits.Name);
        TextLimits.CheckFields(errors, "fields", body.Fields);
        if (body.Source is { } source && !await db.InDictionaryAsync(DictionaryKinds.Sources, source, ct))
            errors["source"] = [$"'{source}' is not in the sources dictionary."];
        // A manager's deal is their own unless they say otherwise (and then they are refused below).
        var owner = caller.IsManager ? body.OwnerId ?? caller.Id : body.OwnerId;
        var team = body.TeamId ?? (owner is not null ? directory.TeamOf(owner) : caller.TeamId);
        var refusal = assignment.Check(caller, owner, team);
        if (refusal is { IsForbidden: false })
            errors[refusal.Field] = [refusal.Message];
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);
        if (refusal is not null)
            return new ServiceFailure.Forbidden(refusal.Message);
        var resolved = await parties.ResolveAsync(body.ClientId, body.ContactIds, body.Client, body.Contact, errors, ct);
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);

        var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == body.WorkflowId, ct);
        if (workflow is null)
            return ServiceFailure.Field("workflowId", $"Funnel '{body.WorkflowId}' does not exist.");
        if (workflow.PublishedVersion is not { } version)
            return ServiceFailure.Field("workflowId", $"Funnel '{body.WorkflowId}' has not been published yet.");

        if (!allowDuplicate && await FindDuplicateAsync(body.Contact, resolved.Contacts, ct) is { } existing)
            return new ServiceFailure.Conflict("An open deal already has this contact's e-mail or phone.", "duplicate",
                new Dictionary<string, object?> { ["existingDealId"] = existing });

        var main = resolved.Contacts.Count > 0 ? resolved.Contacts[0] : null;
        var start = new NewDeal
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Title = body.Title!.Trim(),
            OwnerId = owner,
            TeamId = team,
            Amount = body.Amount,
            Source = body.Source,
            Client = resolved.Client is { } c ? new DealClient(c.Name, c.Kind) : null,
            Contact = main is not null ? new DealContact(main.Name, main.Emails.FirstOrDefault(), main.Phones.FirstOrDefault(), main.Position)
                : body.Contact is { } k ? new DealContact(k.Name?.Trim(), k.Email?.Trim(), k.Phone?.Trim(), k.Position?.Trim()) : null,
            ClientId = resolved.Client?.Id,
            ContactIds = [.. resolved.Contacts.Select(x => x.Id)],
            Fields = body.Fields,
        };
        var result = await StartAsync(start, workflow.Id, version, caller.Id, resolved.Created, [], ct);
        if (result.Error is { } error)
            return ServiceFailure.From(error);
        return (await queries.GetAsync(result.Deal.Id, Caller.System, ct))!;
    }

    /// <summary>
    /// Saves the client and contacts the deal brought, then starts it together with <paramref name="then"/> (commands on the
    /// new deal committed with it, such as a lead's message); when the engine refuses, the new records are removed again.
    /// </summary>
    internal async Task<DealCommandResult> StartAsync(NewDeal start, string workflowId, int version, string? actorId, IReadOnlyList<object> created,
        IReadOnlyList<DealCommand> then, CancellationToken ct)
    {
        using var viaDeal = acting.Act(acting.Current with { Via = AuditVia.Deal });
        if (created.Count > 0)
        {
            db.AddRange(created);
            await db.SaveChangesAsync(ct);
        }
        var results = await processor.SubmitAllAsync([DealCommand.Start(start, workflowId, version, actorId), .. then], CancellationToken.None);
        if (results[0].Error is not null && created.Count > 0)
        {
            db.RemoveRange(created.Reverse());
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return results[0];
    }

    /// <summary>An open deal with any e-mail or phone of the new deal's contacts (phones by their last ten digits, so 8 and +7 prefixes agree).</summary>
    private async Task<string?> FindDuplicateAsync(ContactView? inline, IReadOnlyList<ContactRecord> contacts, CancellationToken ct)
    {
        var emails = contacts.SelectMany(c => c.Emails).Append(inline?.Email).Select(ContactKeys.Email).Where(k => k is not null).Distinct().ToArray();
        var phones = contacts.SelectMany(c => c.Phones).Append(inline?.Phone).Select(ContactKeys.PhoneSearch).Where(k => k is not null).Distinct().ToArray();
        var open = db.Deals.AsNoTracking().Where(d => d.State == "open");
        if (emails.Length > 0 && await open.Where(d => d.ContactEmailKey != null && emails.Contains(d.ContactEmailKey)).Select(d => d.Id).FirstOrDefaultAsync(ct) is { } byEmail)
            return byEmail;
        foreach (var phone in phones)
        {
            var matching = phone!.Length >= 10
                ? open.Where(d => d.ContactPhoneKey != null && d.ContactPhoneKey.EndsWith(phone))
                : open.Where(d => d.ContactPhoneKey == phone);
            if (await matching.Select(d => d.Id).FirstOrDefaultAsync(ct) is { } byPhone)
                return byPhone;
        }
        return null;
    }
}
