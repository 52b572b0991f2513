using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Workflows;

public static class WorkflowEndpoints
{
    public sealed record WorkflowSummary(string Id, string Name, int DraftVersion, int? PublishedVersion, Instant UpdatedAt);

    public sealed record VersionSummary(int Version, Instant PublishedAt, string? PublishedBy);

    public static void MapWorkflowEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows");

        group.MapGet("", async (CrmDbContext db, CancellationToken ct) =>
            Results.Ok(await db.Workflows.AsNoTracking().OrderBy(w => w.Name)
                .Select(w => new WorkflowSummary(w.Id, w.Name, w.Version, w.PublishedVersion, w.UpdatedAt)).ToListAsync(ct)));

        group.MapGet("/{id}", async (string id, int? version, CrmDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
            if (workflow is null)
                return Problems.NotFound($"Funnel '{id}' does not exist.");
            if (version is { } number)
            {
                var published = await db.WorkflowVersions.AsNoTracking().FirstOrDefaultAsync(v => v.WorkflowId == id && v.Number == number, ct);
                return published is null
                    ? Problems.NotFound($"Funnel '{id}' has no published version {number}.")
                    : Definition(published.Json, number, "published", workflow.PublishedVersion);
            }
            http.Response.Headers.ETag = $"\"{workflow.Version}\"";
            return Definition(workflow.DraftJson, workflow.Version, "draft", workflow.PublishedVersion);
        });

        group.MapPost("", async (HttpContext http, WorkflowDrafts drafts, CancellationToken ct) =>
        {
            if (!http.Caller().IsAdmin)
                return Problems.Forbidden("Only admins design funnels.");
            var read = await DefinitionReader.ReadAsync(http.Request, ct);
            if (read.Problem is not null)
                return read.Problem;
            return await drafts.CreateAsync(read.Definition!, ct);
        }).WithBodyLimit(TextLimits.DefinitionBytes);

        group.MapPut("/{id}", async (string id, HttpContext http, WorkflowDrafts drafts, CancellationToken ct) =>
        {
            if (!http.Caller().IsAdmin)
                return Problems.Forbidden("Only admins design funnels.");
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            var read = await DefinitionReader.ReadAsync(http.Request, ct, id);
            if (read.Problem is not null)
                return read.Problem;
            return await drafts.ReplaceAsync(id, read.Definition!, expected, ct);
        }).WithBodyLimit(TextLimits.DefinitionBytes);

        group.MapPost("/{id}/publish", async (string id, HttpContext http, WorkflowDrafts drafts, CancellationToken ct) =>
        {
            if (!http.Caller().IsAdmin)
                return Problems.Forbidden("Only admins publish funnels.");
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            return await drafts.PublishAsync(id, http.Caller().Id, expected, ct);
        });

        group.MapGet("/{id}/versions", async (string id, CrmDbContext db, CancellationToken ct) =>
        {
            if (!await db.Workflows.AnyAsync(w => w.Id == id, ct))
                return Problems.NotFound($"Funnel '{id}' does not exist.");
            return Results.Ok(await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == id).OrderByDescending(v => v.Number)
                .Select(v => new VersionSummary(v.Number, v.PublishedAt, v.PublishedBy)).ToListAsync(ct));
        });

        group.MapPost("/validate", async (HttpContext http, WorkflowCompiler compiler, CancellationToken ct) =>
        {
            var read = await DefinitionReader.ReadAsync(http.Request, ct);
            if (read.Problem is not null)
                return read.Problem;
            var result = compiler.Compile(read.Definition!);
            return Results.Ok(new { valid = result.IsValid, errors = result.Errors.Select(e => new { e.ActivityId, e.Code, e.Message }) });
        }).WithBodyLimit(TextLimits.DefinitionBytes);
    }

    /// <summary>The definition as stored, with the version facts beside it.</summary>
    private static IResult Definition(string json, int version, string status, int? publishedVersion)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["version"] = version;
        node["status"] = status;
        node["publishedVersion"] = publishedVersion;
        return Results.Text(node.ToJsonString(), "application/json");
    }
}
