using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Workflows;

/// <summary>Drafts are edited freely; publishing validates and freezes a numbered version that deals then run on.</summary>
public sealed class WorkflowDrafts(CrmDbContext db, WorkflowCompiler compiler, IClock clock)
{
    public async Task<IResult> CreateAsync(WorkflowDefinition definition, CancellationToken ct)
    {
        if (await db.Workflows.AnyAsync(w => w.Id == definition.Id, ct))
            return Problems.Conflict($"Funnel '{definition.Id}' already exists; PUT to change its draft.", "duplicate");
        db.Workflows.Add(new WorkflowRecord
        {
            Id = definition.Id,
            Name = string.IsNullOrWhiteSpace(definition.Name) ? definition.Id : definition.Name,
            DraftJson = DefinitionJson.Write(definition),
            UpdatedAt = clock.GetCurrentInstant(),
        });
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/workflows/{definition.Id}", new { id = definition.Id, version = 1, status = "draft" });
    }

    public async Task<IResult> ReplaceAsync(string id, WorkflowDefinition definition, int? expectedVersion, CancellationToken ct)
    {
        var workflow = await db.Workflows.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null)
            return Problems.NotFound($"Funnel '{id}' does not exist.");
        if (expectedVersion is { } expected && expected != workflow.Version)
            return Problems.Conflict($"The draft has changed (version {workflow.Version}, you sent {expected}); reload it.", "stale-version");
        workflow.DraftJson = DefinitionJson.Write(definition);
        workflow.Name = string.IsNullOrWhiteSpace(definition.Name) ? id : definition.Name;
        workflow.UpdatedAt = clock.GetCurrentInstant();
        workflow.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("Someone else saved the draft at the same moment; reload it.", "stale-version");
        }
        return Results.Ok(new { id, version = workflow.Version, status = "draft" });
    }

    public async Task<IResult> PublishAsync(string id, string publishedBy, int? expectedVersion, CancellationToken ct)
    {
        var workflow = await db.Workflows.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null)
            return Problems.NotFound($"Funnel '{id}' does not exist.");
        if (expectedVersion is { } expected && expected != workflow.Version)
            return Problems.Conflict($"The draft has changed (version {workflow.Version}, you sent {expected}); reload it.", "stale-version");
        var definition = DefinitionJson.Parse(workflow.DraftJson);
        var next = (await db.WorkflowVersions.Where(v => v.WorkflowId == id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var compiled = compiler.Compile(definition, next);
        if (!compiled.IsValid)
            return Problems.InvalidDefinition(compiled.Errors);
        db.WorkflowVersions.Add(new WorkflowVersionRecord
        {
            WorkflowId = id,
            Number = next,
            Json = workflow.DraftJson,
            PublishedAt = clock.GetCurrentInstant(),
            PublishedBy = publishedBy,
        });
        workflow.PublishedVersion = next;
        workflow.UpdatedAt = clock.GetCurrentInstant();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Another publish of this funnel happened at the same moment; reload it.", "concurrent-publish");
        }
        return Results.Ok(new { version = next });
    }
}
