using System.Text.Json;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Crm.Engine.Abstractions;

namespace Crm.Api.Deals;

/// <summary>
/// A deal's history with names instead of ids, so a page can say "Anna moved it from «Presentation» to «Closing»": who did
/// it, the stages and funnels, each read from the funnel version the deal was on when it happened (a later version may
/// have renamed or dropped them).
/// </summary>
public sealed class HistoryWords(IFlowchartSource flows, UserDirectory directory)
{
    public async Task<IReadOnlyList<HistoryView>> DescribeAsync(IReadOnlyList<DealEventRecord> events, string workflowId, int version, CancellationToken ct)
    {
        // Walk the events in order, following the funnel the deal was in: "created" names the first, "transferred" the next.
        var parsed = events.Select(e => (Event: e, Details: JsonSerializer.Deserialize<JsonElement>(e.DetailsJson))).ToList();
        var created = parsed.Select(p => p.Details).FirstOrDefault(d => Text(d, "workflowId") is not null && d.TryGetProperty("version", out _));
        var current = created.ValueKind == JsonValueKind.Object ? (Text(created, "workflowId")!, created.GetProperty("version").GetInt32()) : (workflowId, version);
        var views = new List<HistoryView>(parsed.Count);
        foreach (var (e, details) in parsed)
        {
            var view = new HistoryView(e.At, e.By, e.Kind, details) { ByName = directory.Find(e.By)?.Name };
            switch (e.Kind)
            {
                case "moved":
                    {
                        var flow = await flows.GetAsync(current.Item1, current.Item2, ct);
                        view = view with
                        {
                            FromStageName = flow?.Find(Text(details, "from"))?.Name,
                            ToStageName = flow?.Find(Text(details, "to"))?.Name ?? Text(details, "toName"),
                            Outcome = Text(details, "outcome"),
                        };
                        break;
                    }
                case "transferred":
                    {
                        var from = await flows.GetAsync(Text(details, "fromWorkflowId") ?? "", Number(details, "fromVersion"), ct);
                        var to = await flows.GetAsync(Text(details, "toWorkflowId") ?? "", Number(details, "toVersion"), ct);
                        view = view with
                        {
                            FromWorkflowName = from?.Definition.Name,
                            ToWorkflowName = to?.Definition.Name,
                            FromStageName = from?.Find(Text(details, "from"))?.Name,
                            ToStageName = to?.Find(Text(details, "to"))?.Name,
                        };
                        if (to is not null)
                            current = (to.WorkflowId, to.Version);
                        break;
                    }
                case "closed":
                    {
                        var flow = await flows.GetAsync(current.Item1, current.Item2, ct);
                        view = view with { FromStageName = flow?.Find(Text(details, "activityId"))?.Name, Outcome = Text(details, "result") };
                        break;
                    }
            }
            views.Add(view);
        }
        return views;
    }

    private static string? Text(JsonElement details, string name) =>
        details.ValueKind == JsonValueKind.Object && details.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement details, string name) =>
        details.ValueKind == JsonValueKind.Object && details.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
