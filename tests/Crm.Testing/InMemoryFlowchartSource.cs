using System.Collections.Concurrent;
using Crm.Engine.Abstractions;
using Crm.Engine.Runtime;

namespace Crm.Testing;

/// <summary>Published flowcharts kept in memory by funnel id and version; <see cref="Publish"/> adds one.</summary>
public sealed class InMemoryFlowchartSource : IFlowchartSource
{
    private readonly ConcurrentDictionary<(string WorkflowId, int Version), Flowchart> _published = new();

    public InMemoryFlowchartSource(params Flowchart[] flowcharts)
    {
        foreach (var flowchart in flowcharts)
            Publish(flowchart);
    }

    public InMemoryFlowchartSource Publish(Flowchart flowchart)
    {
        if (!_published.TryAdd((flowchart.WorkflowId, flowchart.Version), flowchart))
            throw new InvalidOperationException($"Version {flowchart.Version} of '{flowchart.WorkflowId}' is already published; versions are immutable.");
        return this;
    }

    public ValueTask<Flowchart?> GetAsync(string workflowId, int version, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_published.GetValueOrDefault((workflowId, version)));

    /// <summary>The highest version published here.</summary>
    public ValueTask<Flowchart?> GetPublishedAsync(string workflowId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_published.Where(p => p.Key.WorkflowId == workflowId).OrderByDescending(p => p.Key.Version).Select(p => p.Value).FirstOrDefault());
}
