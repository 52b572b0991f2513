using System.Text;
using Crm.Api.Auth;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Deals;

/// <summary>
/// A funnel's open deals as columns, one per stage of its published version: each column's count and amount over every
/// matching deal (SQL aggregates), and its cards a page at a time, most recently changed first, paged by a keyset cursor
/// so a page is as fast at the end of a column of 50,000 as at its top.
/// </summary>
public sealed class DealBoard(IDbContextFactory<CrmDbContext> contexts, IFlowchartSource flows, UserDirectory directory, DealQueries queries, IClock clock)
{
    public sealed record Request(string WorkflowId, DealFilter Filter, int Limit, string? StageId = null, string? Cursor = null);

    public async Task<ServiceResult<BoardView>> ReadAsync(Request request, Caller caller, CancellationToken ct)
    {
        BoardCursor? after = null;
        if (request.Cursor is not null && !BoardCursor.TryParse(request.Cursor, out after))
            return new ServiceFailure.Invalid(new Dictionary<string, string[]> { ["cursor"] = ["The cursor is not one this board handed out."] });
        if (request.Cursor is not null && request.StageId is null)
            return new ServiceFailure.Invalid(new Dictionary<string, string[]> { ["stageId"] = ["A cursor pages one column: name its stageId."] });
        await using var db = await contexts.CreateDbContextAsync(ct);
        var version = await db.Workflows.AsNoTracking().Where(w => w.Id == request.WorkflowId).Select(w => (int?)(w.PublishedVersion ?? 0)).FirstOrDefaultAsync(ct);
        if (version is null)
            return new ServiceFailure.NotFound($"Funnel '{request.WorkflowId}' does not exist.");
        var flow = version > 0 ? await flows.GetAsync(request.WorkflowId, version.Value, ct) : null;
        if (flow is null)
            return new ServiceFailure.NotFound($"Funnel '{request.WorkflowId}' has no published version.");

        var workflowId = request.WorkflowId;
        var matching = request.Filter.Apply(
            db.Deals.AsNoTracking().VisibleTo(caller, directory).Where(d => d.WorkflowId == workflowId && d.State == "open"),
            db, clock.GetCurrentInstant());
        var totals = (await matching.GroupBy(d => d.StageId)
                .Select(g => new { StageId = g.Key, Count = g.Count(), Amount = g.Sum(d => d.Amount) })
                .ToListAsync(ct))
            .Where(t => t.StageId is not null)
            .ToDictionary(t => t.StageId!, t => (t.Count, Amount: t.Amount ?? 0m), StringComparer.Ordinal);

        var stages = flow.Definition.Activities.Select(a => flow.Find(a.Id)).Where(a => a is { Traits.IsStage: true })
            .Select(a => (a!.Id, (string?)a.Name)).ToList();
        // Deals still on an older version may rest at a stage the published one dropped: they get a column of their own.
        stages.AddRange(totals.Keys.Where(id => stages.All(s => s.Id != id)).Order(StringComparer.Ordinal).Select(id => (id, (string?)null)));
        if (request.StageId is { } only)
        {
            if (stages.All(s => s.Id != only))
                return new ServiceFailure.Invalid(new Dictionary<string, string[]> { ["stageId"] = [$"'{only}' is not a stage of this funnel."] });
            stages = [.. stages.Where(s => s.Id == only)];
        }

        var columns = new List<BoardColumn>(stages.Count);
        foreach (var (stageId, name) in stages)
        {
            var (count, amount) = totals.GetValueOrDefault(stageId);
            var page = count == 0 ? [] : await PageAsync(matching.Where(d => d.StageId == stageId), after, request.Limit, ct);
            var more = page.Count > request.Limit;
            var shown = more ? page[..request.Limit] : page;
            columns.Add(new BoardColumn(stageId, name, count, amount, await queries.ViewsAsync(db, shown, ct),
                more ? BoardCursor.After(shown[^1]).ToString() : null));
        }
        return new BoardView(flow.WorkflowId, flow.Version, columns);
    }

    private static async Task<List<DealRecord>> PageAsync(IQueryable<DealRecord> column, BoardCursor? after, int limit, CancellationToken ct)
    {
        if (after is { } cursor)
        {
            var at = cursor.UpdatedAt;
            var id = cursor.Id;
            column = column.Where(d => d.UpdatedAt < at || (d.UpdatedAt == at && string.Compare(d.Id, id) < 0));
        }
        return await column.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Take(limit + 1).ToListAsync(ct);
    }
}

public sealed record BoardView(string WorkflowId, int WorkflowVersion, IReadOnlyList<BoardColumn> Columns);

/// <summary>A stage's column: <see cref="Count"/> and <see cref="Amount"/> over every matching deal, <see cref="Deals"/> one page.</summary>
public sealed record BoardColumn(string StageId, string? Name, int Count, decimal Amount, IReadOnlyList<DealView> Deals, string? NextCursor);

/// <summary>Where a column's page ended: the last card's change instant and id (the order is by both, newest first).</summary>
public sealed record BoardCursor(Instant UpdatedAt, string Id)
{
    public static BoardCursor After(DealRecord last) => new(last.UpdatedAt, last.Id);

    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UpdatedAt.ToUnixTimeTicks()}|{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string text, out BoardCursor? cursor)
    {
        cursor = null;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], out var ticks) || parts[1].Length == 0)
                return false;
            cursor = new BoardCursor(Instant.FromUnixTimeTicks(ticks), parts[1]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
