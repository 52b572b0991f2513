using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Compliance;

/// <summary>Names of regulations and stages as the funnel's current published version writes them; the ids when gone.</summary>
internal sealed class RegulationNames(CrmDbContext db, IFlowchartSource flows)
{
    private readonly Dictionary<string, Engine.Runtime.Flowchart?> _latest = new(StringComparer.Ordinal);

    public async Task<(string Regulation, string? Stage)> FindAsync(string workflowId, string regulationId, string stageId, CancellationToken ct)
    {
        if (!_latest.TryGetValue(workflowId, out var flow))
        {
            var version = await db.Workflows.AsNoTracking().Where(w => w.Id == workflowId).Select(w => w.PublishedVersion).FirstOrDefaultAsync(ct);
            flow = version is { } v ? await flows.GetAsync(workflowId, v, ct) : null;
            _latest[workflowId] = flow;
        }
        var stage = stageId.Length > 0 ? flow?.Find(stageId)?.Name ?? stageId : null;
        return (flow?.Regulation(regulationId)?.Name ?? regulationId, stage);
    }
}
