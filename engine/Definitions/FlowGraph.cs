using Crm.Engine.Runtime;

namespace Crm.Engine.Definitions;

/// <summary>Graph checks over a wired funnel: reachability, a way out of every stage, no endless decision loops.</summary>
internal sealed class FlowGraph
{
    private readonly Dictionary<string, IActivity> _activities;
    private readonly Dictionary<string, List<string>> _edges = new(StringComparer.Ordinal);

    public FlowGraph(Dictionary<string, IActivity> activities, Dictionary<(string Source, string Outcome), string> next)
    {
        _activities = activities;
        foreach (var id in activities.Keys)
            _edges[id] = [];
        foreach (var ((source, _), target) in next)
        {
            if (_edges.ContainsKey(target))
                _edges[source].Add(target);
        }
        // A pause stage's return outcome leads back to whichever stage sent the deal there.
        foreach (var pause in activities.Values.Where(a => a.Traits.ReturnOutcome is not null))
        {
            foreach (var (source, targets) in _edges.ToArray())
            {
                if (targets.Contains(pause.Id) && source != pause.Id)
                    _edges[pause.Id].Add(source);
            }
        }
    }

    public void Check(string start, List<ValidationError> errors)
    {
        var reached = Walk([start], id => _edges[id]);
        foreach (var activity in _activities.Values.Where(a => !reached.Contains(a.Id)))
            errors.Add(new(activity.Id, ValidationCodes.Unreachable, $"'{activity.Name}' cannot be reached from the start."));

        var reversed = _activities.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (source, targets) in _edges)
        {
            foreach (var target in targets)
                reversed[target].Add(source);
        }
        var canFinish = Walk(_activities.Values.Where(a => a.Traits.IsTerminal).Select(a => a.Id), id => reversed[id]);
        foreach (var stage in _activities.Values.Where(a => a.Traits.IsStage && !canFinish.Contains(a.Id)))
            errors.Add(new(stage.Id, ValidationCodes.NoPathToEnd, $"No path leads from '{stage.Name}' to an End; deals there could never close."));

        FindEndlessLoops(errors);
    }

    private void FindEndlessLoops(List<ValidationError> errors)
    {
        // Among activities that never wait, any cycle runs forever. Kahn's algorithm leaves the cyclic ones and
        // everything downstream of them; only those that lead back to themselves are on a loop.
        var passing = _activities.Values.Where(a => !a.Traits.MayWait && !a.Traits.IsTerminal).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var indegree = passing.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var id in passing)
        {
            foreach (var target in _edges[id].Where(passing.Contains))
                indegree[target]++;
        }
        var ready = new Queue<string>(indegree.Where(p => p.Value == 0).Select(p => p.Key));
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            passing.Remove(id);
            foreach (var target in _edges[id].Where(indegree.ContainsKey))
            {
                if (--indegree[target] == 0)
                    ready.Enqueue(target);
            }
        }
        foreach (var id in passing.Where(id => OnLoop(id, passing)).Order(StringComparer.Ordinal))
            errors.Add(new(id, ValidationCodes.DecisionLoop, $"'{_activities[id].Name}' is on a loop with no stage or timer; a deal would go round it forever."));
    }

    private bool OnLoop(string id, HashSet<string> passing)
    {
        IEnumerable<string> Next(string from) => _edges[from].Where(passing.Contains);
        return Walk(Next(id), Next).Contains(id);
    }

    private static HashSet<string> Walk(IEnumerable<string> from, Func<string, IEnumerable<string>> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(from);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id))
                continue;
            foreach (var next in edges(id))
                stack.Push(next);
        }
        return seen;
    }
}
