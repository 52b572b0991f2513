using Crm.Api.Activities;
using Crm.Api.Auth;
using Crm.Api.Dictionaries;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Deals;

public static class DealEndpoints
{
    public static void MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deals");

        group.MapGet("", async (string? ownerId, string? workflowId, string? stageId, string? state, string? sla, int? limit,
            string? q, string? source, bool? overdue, string? nextStep, HttpContext http, DealQueries queries, CancellationToken ct) =>
        {
            if (nextStep is not (null or "missing" or "overdue"))
                return Problems.Validation(new() { ["nextStep"] = ["nextStep is missing or overdue."] });
            if (state is not (null or "open" or "won" or "lost" or "duplicate"))
                return Problems.Validation(new() { ["state"] = ["state is open, won, lost or duplicate."] });
            if (sla is not (null or "atRisk" or "overdue"))
                return Problems.Validation(new() { ["sla"] = ["sla is atRisk or overdue."] });
            var filter = new DealQueries.Filter(ownerId, workflowId, stageId, nextStep is null ? state : "open", sla, Math.Clamp(limit ?? 500, 1, 5000), nextStep)
            {
                Narrowing = new DealFilter(Source: source, Q: q, Overdue: overdue == true),
            };
            return Results.Ok(await queries.ListAsync(filter, http.Caller(), ct));
        });

        group.MapGet("/{id}", async (string id, HttpContext http, DealQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, http.Caller(), ct) is { } deal ? WithETag(http, deal) : Problems.NotFound($"Deal '{id}' does not exist."));

        group.MapPost("", async (CreateDealRequest body, bool? allowDuplicate, HttpContext http, DealCreation creation, CancellationToken ct) =>
            (await creation.CreateAsync(body, allowDuplicate == true, http.Caller(), ct)).ToHttp(deal => Results.Created($"/api/deals/{deal.Id}", deal)));

        group.MapPost("/{id}/moves", async (string id, MoveDealRequest body, HttpContext http, DealCommands commands, CrmDbContext db, Files.FileStore files, ActivityService activities, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Outcome))
                return Problems.Validation(new() { ["outcome"] = ["Choose an outcome."] });
            var errors = await CheckDetailsAsync(db, null, body.Amount, body.Source, ct);
            TextLimits.Check(errors, "comment", body.Comment, TextLimits.Comment);
            TextLimits.Check(errors, "nextStep.what", body.NextStep?.What, TextLimits.Short);
            TextLimits.CheckFields(errors, "fields", body.Fields);
            if (errors.Count > 0)
                return Problems.Validation(errors);
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            NextStepRequest? next = null;
            if (body.NextStep is { } step)
            {
                if (step.At is null || string.IsNullOrWhiteSpace(step.What))
                    return Problems.Validation(new() { ["nextStep"] = ["A next step needs both 'at' and 'what'."] });
                if (step.Kind is not null && !ActivityKinds.IsKnown(step.Kind))
                    return Problems.Validation(new() { ["nextStep.kind"] = [$"kind is one of {string.Join(", ", ActivityKinds.All)}."] });
                next = new NextStepRequest(step.At.Value, step.What.Trim());
            }
            var caller = http.Caller();
            var details = new DealDetailsUpdate { Amount = body.Amount, Source = body.Source, Fields = body.Fields };
            // The engine keeps no files: the categories attached to the deal are handed in for a stage that requires one.
            var facts = new DealFacts(await files.CategoriesOnDealAsync(id, ct));
            var moved = await commands.RunAsync(DealCommand.Move(id, new MoveRequest(body.Outcome, caller.Id, expected, body.Comment, next, details, facts)), caller, ownerOnly: true, ct);
            return (await WithNextStepActivityAsync(moved, next, body.NextStep?.Kind, caller, activities, commands, ct)).ToHttp(deal => WithETag(http, deal));
        });

        group.MapPut("/{id}/owner", async (string id, OwnerRequest body, HttpContext http, DealCommands commands, DealAssignmentCheck assignment, CancellationToken ct) =>
        {
            var caller = http.Caller();
            if (caller.IsManager)
                return Problems.Forbidden("Heads and admins reassign deals; managers take them from the queue.");
            // The deal follows its new owner into their team, so the owner alone decides what is given.
            switch (assignment.Check(caller, body.OwnerId, null))
            {
                case { IsForbidden: true } refusal:
                    return Problems.Forbidden(refusal.Message);
                case { } refusal:
                    return Problems.Validation(new() { [refusal.Field] = [refusal.Message] });
            }
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            return (await commands.RunAsync(DealCommand.Reassign(id, body.OwnerId, caller.Id, expected), caller, ownerOnly: false, ct)).ToHttp(deal => WithETag(http, deal));
        });

        group.MapPost("/{id}/take", async (string id, HttpContext http, DealCommands commands, UserDirectory directory, CancellationToken ct) =>
        {
            var caller = http.Caller();
            // A deal of the caller's own team stays visible to the take itself, so a late taker hears "taken" (409), not "no such deal".
            var visible = DealVisibility.Guard(caller, directory, ownerOrLeadOnly: false);
            return (await commands.RunAsync(DealCommand.Take(id, caller.Id), caller, ownerOnly: false, ct,
                guard: deal => deal.TeamId is not null && deal.TeamId == caller.TeamId ? null : visible(deal))).ToHttp(deal => WithETag(http, deal));
        });

        // A next step is an activity: the engine checks and records the step, then its activity is planned (a task unless told).
        group.MapPut("/{id}/next-step", async (string id, NextStepBody body, HttpContext http, DealCommands commands, ActivityService activities, CancellationToken ct) =>
        {
            if (body.At is null || string.IsNullOrWhiteSpace(body.What))
                return Problems.Validation(new() { ["nextStep"] = ["A next step needs both 'at' and 'what'."] });
            if (TextLimits.Errors(("what", body.What, TextLimits.Short)) is { Count: > 0 } tooLong)
                return Problems.Validation(tooLong);
            if (body.Kind is not null && !ActivityKinds.IsKnown(body.Kind))
                return Problems.Validation(new() { ["kind"] = [$"kind is one of {string.Join(", ", ActivityKinds.All)}."] });
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            var caller = http.Caller();
            var next = new NextStepRequest(body.At.Value, body.What.Trim());
            var set = await commands.RunAsync(DealCommand.SetNextStep(id, next, caller.Id, expected), caller, ownerOnly: true, ct);
            return (await WithNextStepActivityAsync(set, next, body.Kind, caller, activities, commands, ct)).ToHttp(deal => WithETag(http, deal));
        });

        group.MapMethods("/{id}", ["PATCH"], async (string id, UpdateDealRequest body, HttpContext http, DealCommands commands, CrmDbContext db, CancellationToken ct) =>
        {
            var errors = await CheckDetailsAsync(db, body.Title, body.Amount, body.Source, ct);
            TextLimits.CheckFields(errors, "fields", body.Fields);
            if (errors.Count > 0)
                return Problems.Validation(errors);
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            var caller = http.Caller();
            var update = new DealDetailsUpdate { Title = body.Title?.Trim(), Amount = body.Amount, Source = body.Source, Fields = body.Fields };
            return (await commands.RunAsync(DealCommand.UpdateDetails(id, update, caller.Id, expected), caller, ownerOnly: true, ct)).ToHttp(deal => WithETag(http, deal));
        });

        group.MapPost("/{id}/merge", async (string id, MergeRequest body, HttpContext http, DealMerger merger, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.OtherDealId))
                return Problems.Validation(new() { ["otherDealId"] = ["Name the duplicate to merge into this deal (otherDealId)."] });
            if (body.OtherDealId == id)
                return Problems.Validation(new() { ["otherDealId"] = ["A deal cannot be merged into itself."] });
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            return (await merger.MergeAsync(http.Caller(), id, body.OtherDealId, expected, ct)).ToHttp(deal => WithETag(http, deal));
        });
    }

    /// <summary>After a committed command that set a next step: plans its activity and answers with the deal as it is then.</summary>
    private static async Task<ServiceResult<DealView>> WithNextStepActivityAsync(ServiceResult<DealView> committed, NextStepRequest? next, string? kind,
        Caller caller, ActivityService activities, DealCommands commands, CancellationToken ct)
    {
        if (next is null || !committed.Succeeded(out var deal) || deal.State != "open")
            return committed;
        await activities.CreateNextStepAsync(caller.Id, deal.Id, next.At, next.What, kind, ct);
        return await commands.ViewAsync(deal.Id, ct) is { } fresh ? fresh : committed;
    }

    internal static async Task<Dictionary<string, string[]>> CheckDetailsAsync(CrmDbContext db, string? title, decimal? amount, string? source, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (title is not null && (string.IsNullOrWhiteSpace(title) || title.Length > TextLimits.Name))
            errors["title"] = [$"A title is 1 to {TextLimits.Name} characters."];
        if (amount is < 0)
            errors["amount"] = ["The amount cannot be negative."];
        if (source is not null && !await db.InDictionaryAsync(DictionaryKinds.Sources, source, ct))
            errors["source"] = [$"'{source}' is not in the sources dictionary."];
        return errors;
    }

    internal static IResult WithETag(HttpContext http, DealView deal)
    {
        http.Response.Headers.ETag = $"\"{deal.Version}\"";
        return Results.Ok(deal);
    }
}
