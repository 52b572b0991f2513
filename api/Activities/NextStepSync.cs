using Crm.Api.Persistence;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Activities;

/// <summary>
/// Keeps a deal's next step (the engine's <see cref="DealInstance.NextStep"/>, which stage requirements and timers read)
/// showing its earliest open activity. Called after every committed change to a deal's activities: it reads the earliest
/// open one and hands it to the engine, which writes only when it differs. Syncs of one deal run one at a time on a node,
/// so the last one always reads every change committed before it; the next change on the deal corrects what a sync on
/// another node may have read a moment too early. Deal pages read the activities themselves and never show a stale step.
/// </summary>
public sealed class NextStepSync(IDbContextFactory<CrmDbContext> contexts, DealCommandProcessor processor)
{
    // Striped: a bounded set of gates, one deal always on the same one.
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task SyncAsync(string dealId, string? actorId)
    {
        var gate = _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(dealId) % (uint)_gates.Length)];
        await gate.WaitAsync();
        try
        {
            NextStepRequest? next;
            await using (var db = await contexts.CreateDbContextAsync())
            {
                next = await db.Activities.AsNoTracking()
                    .Where(a => a.DealId == dealId && a.State == ActivityKinds.Open)
                    .OrderBy(a => a.DueAt).ThenBy(a => a.Id)
                    .Select(a => new NextStepRequest(a.DueAt, a.Subject))
                    .FirstOrDefaultAsync();
            }
            await processor.SubmitAsync(DealCommand.ProjectNextStep(dealId, next, actorId));
        }
        finally
        {
            gate.Release();
        }
    }
}
