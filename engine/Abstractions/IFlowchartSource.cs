using Crm.Engine.Runtime;

namespace Crm.Engine.Abstractions;

/// <summary>Published funnel versions, compiled. Versions are immutable, so implementations cache them for good.</summary>
public interface IFlowchartSource
{
    /// <summary>The compiled version, or null when that funnel has no such published version.</summary>
    ValueTask<Flowchart?> GetAsync(string workflowId, int version, CancellationToken cancellationToken);

    /// <summary>The funnel's currently published version (what new deals and transferred ones start on), or null when it has none.</summary>
    ValueTask<Flowchart?> GetPublishedAsync(string workflowId, CancellationToken cancellationToken);
}
