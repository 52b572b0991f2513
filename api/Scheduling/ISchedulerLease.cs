namespace Crm.Api.Scheduling;

/// <summary>
/// Which node fires deadlines. Exactly-once does not depend on it — a deal fired by two nodes changes once, because
/// commits are decided by the deal's version — but two nodes racing over the same due deals would make each other
/// retry whole batches. So one node at a time holds the lease and fires; the others wait to take it over.
/// </summary>
public interface ISchedulerLease
{
    /// <summary>True while this node holds the lease; tries to take it when free. Cheap enough to ask every round.</summary>
    Task<bool> TryHoldAsync(CancellationToken cancellationToken);

    /// <summary>Gives the lease up (on shutdown), so another node takes over at once.</summary>
    Task ReleaseAsync();
}

/// <summary>The embedded single node: there is no one else to fire deadlines.</summary>
internal sealed class SingleNodeLease : ISchedulerLease
{
    public Task<bool> TryHoldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task ReleaseAsync() => Task.CompletedTask;
}
