using System.Collections.Concurrent;
using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Workflows;

/// <summary>Compiled published versions. A version never changes, so once compiled it is kept.</summary>
public sealed class PublishedFlowcharts(IDbContextFactory<CrmDbContext> contexts, WorkflowCompiler compiler, ILogger<PublishedFlowcharts> logger) : IFlowchartSource
{
    private readonly ConcurrentDictionary<(string, int), Flowchart> _cache = new();

    public async ValueTask<Flowchart?> GetAsync(string workflowId, int version, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue((workflowId, version), out var cached))
            return cached;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.WorkflowVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.WorkflowId == workflowId && v.Number == version, cancellationToken);
        if (stored is null)
            return null;
        var compiled = compiler.Compile(DefinitionJson.Parse(stored.Json), version);
        if (compiled.Flowchart is null)
        {
            // Published versions were valid when published; this only happens if a calendar they name was removed.
            logger.LogError("Published version {Version} of funnel {WorkflowId} no longer compiles: {Errors}", version, workflowId,
                string.Join("; ", compiled.Errors.Select(e => e.Message)));
            return null;
        }
        return _cache.GetOrAdd((workflowId, version), compiled.Flowchart);
    }

    public async ValueTask<Flowchart?> GetPublishedAsync(string workflowId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = await db.Workflows.AsNoTracking().Where(w => w.Id == workflowId).Select(w => w.PublishedVersion).FirstOrDefaultAsync(cancellationToken);
        return version is { } published ? await GetAsync(workflowId, published, cancellationToken) : null;
    }
}
