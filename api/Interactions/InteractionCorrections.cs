using Crm.Api.Auth;
using Crm.Api.Deals;
using Crm.Api.Dictionaries;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Interactions;

/// <summary>
/// Corrections of journal entries by their author (or an admin). The number and the entry date never change; the text,
/// topic, result and the date of the letter or meeting may. Each correction keeps the version it replaces, and an entry
/// on a deal has its facts corrected in the engine too, so a stage requirement judges the entry as it now reads
/// (a topic added by a correction satisfies "interaction.topic").
/// </summary>
public sealed class InteractionCorrections(CrmDbContext db, InteractionJournal journal, DealCommandProcessor processor, UserDirectory directory, IClock clock)
{
    public async Task<ServiceResult<InteractionView>> CorrectAsync(Caller caller, string id, InteractionCorrectionRequest body, CancellationToken ct)
    {
        var record = await db.Interactions.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is null || !await MaySeeAsync(caller, record, ct))
            return new ServiceFailure.NotFound($"Journal entry '{id}' does not exist.");
        if (record.By != caller.Id && !caller.IsAdmin)
            return new ServiceFailure.Forbidden("Only the author of an entry, or an admin, corrects it.");
        var errors = await CheckAsync(body, ct);
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);

        var text = body.Text?.Trim() ?? record.Text;
        var topic = body.Topic is null ? record.Topic : Blank(body.Topic);
        var result = body.Result is null ? record.Result : Blank(body.Result);
        var at = body.At ?? record.At;
        if (text == record.Text && topic == record.Topic && result == record.Result && at == record.At)
            return (await journal.ViewsAsync([record], ct))[0];

        var now = clock.GetCurrentInstant();
        db.InteractionRevisions.Add(new InteractionRevisionRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            InteractionId = record.Id,
            At = record.EditedAt ?? record.CreatedAt,
            By = record.EditedAt is null ? record.By : record.EditedBy,
            Text = record.Text,
            Topic = record.Topic,
            Result = record.Result,
            InteractionAt = record.At,
        });
        record.Text = text;
        record.Topic = topic;
        record.Result = result;
        record.At = at;
        record.SearchText = ContactKeys.Search(topic, text);
        record.EditedAt = now;
        record.EditedBy = caller.Id;
        record.Revisions++;

        // Revisions is a concurrency token: of two corrections made at once, the second is refused instead of lost.
        if (!await db.TrySaveAsync(CancellationToken.None))
            return new ServiceFailure.Conflict("The entry was corrected meanwhile; reload it and try again.", "stale-version");
        if (record.DealId is { } dealId)
        {
            var details = new Dictionary<string, object?>
            {
                ["interactionId"] = record.Id,
                ["number"] = record.Number,
                ["at"] = at.ToString(),
                ["text"] = text,
                ["topic"] = topic,
                ["result"] = result,
            };
            // The journal is the record of what was said; the engine's copy of the facts follows it (and says so in the
            // deal's history). A deal that is gone meanwhile has no stage left to judge the entry.
            await processor.SubmitAsync(DealCommand.CorrectInteraction(dealId, record.Id, at, InteractionJournal.Filled(record), caller.Id, details), CancellationToken.None);
        }
        return (await journal.ViewsAsync([record], ct))[0];
    }

    /// <summary>Every version of the entry, oldest first; the last is what it says now.</summary>
    public async Task<ServiceResult<List<InteractionRevisionView>>> RevisionsAsync(Caller caller, string id, CancellationToken ct)
    {
        var record = await db.Interactions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is null || !await MaySeeAsync(caller, record, ct))
            return new ServiceFailure.NotFound($"Journal entry '{id}' does not exist.");
        var revisions = await db.InteractionRevisions.AsNoTracking().Where(r => r.InteractionId == id).ToListAsync(ct);
        var versions = revisions.OrderBy(r => r.At).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new InteractionRevisionView(r.At, r.By, directory.Find(r.By)?.Name, r.Text, r.Topic, r.Result, r.InteractionAt)).ToList();
        var by = record.EditedAt is null ? record.By : record.EditedBy;
        versions.Add(new InteractionRevisionView(record.EditedAt ?? record.CreatedAt, by, directory.Find(by)?.Name, record.Text, record.Topic, record.Result, record.At));
        return versions;
    }

    /// <summary>An entry on a deal is seen by who sees the deal; one on a client alone by everyone, like the client.</summary>
    private async Task<bool> MaySeeAsync(Caller caller, InteractionRecord record, CancellationToken ct) =>
        record.DealId is not { } dealId || await db.Deals.AsNoTracking().VisibleTo(caller, directory).AnyAsync(d => d.Id == dealId, ct);

    private async Task<Dictionary<string, string[]>> CheckAsync(InteractionCorrectionRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Text is not null && string.IsNullOrWhiteSpace(body.Text))
            errors["text"] = ["Say what happened."];
        else
            TextLimits.Check(errors, "text", body.Text, TextLimits.Comment);
        TextLimits.Check(errors, "topic", body.Topic, TextLimits.Name);
        if (Blank(body.Result) is { } result && !await db.InDictionaryAsync(DictionaryKinds.WorkResults, result, ct))
            errors["result"] = [$"'{result}' is not in the work-results dictionary."];
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
