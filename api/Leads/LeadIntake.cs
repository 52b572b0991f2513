using Crm.Api.Audit;
using Crm.Api.Clients;
using Crm.Api.Deals;
using Crm.Api.Dictionaries;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Interactions;
using Crm.Api.Persistence;
using Crm.Api.Workflows;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Leads;

/// <summary>
/// Turns a website lead into work: the message joins the open deal of the same contact (e-mail or phone), or a new deal
/// opens in the configured funnel and team with the message as its first journal entry, committed together.
/// Leads go only to funnels whose published version accepts them. The caller is anonymous, so both ways end in the same
/// answer: whether the contact already had a deal with us is none of its business.
/// </summary>
public sealed class LeadIntake(CrmDbContext db, DealCreation creation, DealPartyResolver parties, InteractionJournal journal,
    DealCommandProcessor processor, UserDirectory directory, PublishedFlowcharts flowcharts, IOptions<CrmOptions> options,
    ILogger<LeadIntake> logger, ActingParty acting)
{
    private const string Topic = "Website form";

    public async Task<ServiceResult<LeadAccepted>> AcceptAsync(LeadRequest body, CancellationToken ct)
    {
        var settings = options.Value.Leads;
        var errors = await CheckAsync(body, ct);
        var workflowId = body.WorkflowId ?? settings.WorkflowId;
        var workflow = await OpenForLeadsAsync(workflowId, ct);
        if (workflow is null)
        {
            // One sentence for missing, unpublished and closed funnels: an anonymous caller learns nothing about which exist.
            errors["workflowId"] = [$"Funnel '{workflowId}' does not take website leads."];
            if (body.WorkflowId is null)
                logger.LogWarning("Website leads are refused: the configured funnel {WorkflowId} (Crm:Leads:WorkflowId) is not published with acceptsLeads", workflowId);
        }
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);

        var name = body.Name!.Trim();
        var email = string.IsNullOrWhiteSpace(body.Email) ? null : body.Email.Trim();
        var phone = string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim();
        var message = string.IsNullOrWhiteSpace(body.Message) ? "(no message)" : body.Message.Trim();

        if (await OpenDealOfAsync(email, phone, ct) is { } open)
        {
            var (command, record) = journal.Unattended(open.Id, open.ClientId, null, Topic, message);
            var attached = await processor.SubmitAsync(command, CancellationToken.None);
            if (attached.Error is null)
            {
                record.ContactId = attached.Deal.ContactIds.FirstOrDefault();
                await journal.SaveAsync(record);
                return Accepted();
            }
            // The deal closed between the lookup and the commit: the lead opens a deal of its own instead.
        }

        // Nobody is signed in on the website form: the new client and contact are the form's doing.
        using var fromForm = acting.Act(AuditActor.LeadForm);
        var resolved = await parties.ResolveAsync(null, null, null, new ContactView(name, email, phone, null), errors, ct);
        var team = settings.TeamId;
        var owner = settings.Assignment == "roundRobin" ? directory.NextInRotation(team) : null;
        var main = resolved.Contacts.Count > 0 ? resolved.Contacts[0] : null;
        var start = new NewDeal
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Title = $"Lead: {name}",
            OwnerId = owner,
            TeamId = owner is not null ? directory.TeamOf(owner) ?? team : team,
            Source = body.Source ?? "website",
            Client = resolved.Client is { } c ? new DealClient(c.Name, c.Kind) : null,
            Contact = new DealContact(name, email ?? main?.Emails.FirstOrDefault(), phone ?? main?.Phones.FirstOrDefault(), main?.Position),
            ClientId = resolved.Client?.Id,
            ContactIds = main is not null ? [main.Id] : [],
        };
        var first = journal.Unattended(start.Id, start.ClientId, main?.Id, Topic, message);
        var result = await creation.StartAsync(start, workflow!.WorkflowId, workflow.Version, null, resolved.Created, [first.Command], ct);
        if (result.Error is { } refused)
            return ServiceFailure.From(refused);
        await journal.SaveAsync(first.Record);
        return Accepted();
    }

    /// <summary>No deal id: a deal id would tell a stranger that an address is a customer's.</summary>
    private static LeadAccepted Accepted() => new(Accepted: true);

    /// <summary>The funnel's published version, when that version accepts website leads.</summary>
    private async Task<Flowchart?> OpenForLeadsAsync(string workflowId, CancellationToken ct)
    {
        if (!IdRules.IsValid(workflowId))
            return null;
        var version = await db.Workflows.AsNoTracking().Where(w => w.Id == workflowId).Select(w => w.PublishedVersion).FirstOrDefaultAsync(ct);
        if (version is not { } number)
            return null;
        var flowchart = await flowcharts.GetAsync(workflowId, number, ct);
        return flowchart?.Definition.AcceptsLeads == true ? flowchart : null;
    }

    private async Task<Dictionary<string, string[]>> CheckAsync(LeadRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > 200)
            errors["name"] = ["Tell us your name (at most 200 characters)."];
        if (string.IsNullOrWhiteSpace(body.Email) && string.IsNullOrWhiteSpace(body.Phone))
            errors["contact"] = ["Leave an e-mail or a phone so we can reach you."];
        if (!string.IsNullOrWhiteSpace(body.Email) && !ClientRules.IsEmail(body.Email))
            errors["email"] = ["That is not an e-mail address."];
        if (!string.IsNullOrWhiteSpace(body.Phone) && ClientRules.PhoneProblem([body.Phone]) is { } phone)
            errors["phone"] = [phone];
        if (body.Message is { Length: > 5000 })
            errors["message"] = ["A message is at most 5,000 characters."];
        if (body.Source is { } source && !await db.InDictionaryAsync(DictionaryKinds.Sources, source, ct))
            errors["source"] = [$"'{source}' is not in the sources dictionary."];
        return errors;
    }

    private async Task<DealRecord?> OpenDealOfAsync(string? email, string? phone, CancellationToken ct)
    {
        var emailKey = ContactKeys.Email(email);
        var phoneKey = ContactKeys.PhoneSearch(phone);
        // Ten digits or more compare by their end (8 and +7 prefixes agree); shorter numbers must be equal.
        var bySuffix = phoneKey is { Length: >= 10 };
        return await db.Deals.AsNoTracking()
            .Where(d => d.State == "open" && ((emailKey != null && d.ContactEmailKey == emailKey)
                || (phoneKey != null && d.ContactPhoneKey != null && (bySuffix ? d.ContactPhoneKey.EndsWith(phoneKey) : d.ContactPhoneKey == phoneKey))))
            .OrderByDescending(d => d.UpdatedAt).FirstOrDefaultAsync(ct);
    }
}
