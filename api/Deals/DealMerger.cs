using Crm.Api.Auth;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Engine.Abstractions;
using Crm.Engine.Runtime;

namespace Crm.Api.Deals;

/// <summary>
/// Merges a duplicate into a surviving deal in one commit: the duplicate closes as <c>duplicate</c> (not lost: it was never a
/// sale that failed) with a "mergedInto" entry and keeps its own history; the survivor gains its contacts and, through
/// <see cref="DealInstance.MergedDealIds"/>, its journal. Merging from the survivor's page and closing from the duplicate's
/// page are the same act.
/// </summary>
public sealed class DealMerger(IDealStore store, DealCommandProcessor processor, DealQueries queries, UserDirectory directory)
{
    public async Task<ServiceResult<DealView>> MergeAsync(Caller caller, string survivorId, string otherId, int? expectedVersion, CancellationToken ct)
    {
        var loaded = await store.LoadAsync([otherId], ct);
        if (!loaded.TryGetValue(otherId, out var other) || !DealVisibility.CanSee(caller, other.OwnerId, other.TeamId, directory))
            return new ServiceFailure.NotFound($"Deal '{otherId}' does not exist.");
        // The duplicate is taken as read here; the group is refused as stale if it changes before the commit.
        var guard = DealVisibility.Guard(caller, directory, ownerOrLeadOnly: true);
        var commands = DealCommand.Merge(survivorId, MergeSource.Of(other), caller.Id, expectedVersion).Select(c => c.WithGuard(guard)).ToList();
        var results = await processor.SubmitAllAsync(commands, CancellationToken.None);
        if (results.FirstOrDefault(r => r.Error is not null)?.Error is { } error)
            return ServiceFailure.From(error);
        return (await queries.GetAsync(survivorId, Caller.System, ct))!;
    }

    /// <summary>Closes <paramref name="duplicateId"/> as a duplicate of <paramref name="survivorId"/>; answers with the closed deal.
    /// <paramref name="expectedVersion"/> is the duplicate's.</summary>
    public async Task<ServiceResult<DealView>> CloseDuplicateAsync(Caller caller, string duplicateId, string survivorId, int? expectedVersion, CancellationToken ct)
    {
        var loaded = await store.LoadAsync([duplicateId, survivorId], ct);
        if (!loaded.TryGetValue(duplicateId, out var duplicate) || !DealVisibility.CanSee(caller, duplicate.OwnerId, duplicate.TeamId, directory))
            return new ServiceFailure.NotFound($"Deal '{duplicateId}' does not exist.");
        if (!loaded.TryGetValue(survivorId, out var survivor) || !DealVisibility.CanSee(caller, survivor.OwnerId, survivor.TeamId, directory))
            return new ServiceFailure.Invalid(new Dictionary<string, string[]> { ["duplicateOf"] = [$"Deal '{survivorId}' does not exist."] });
        if (expectedVersion is { } expected && expected != duplicate.Version)
            return new ServiceFailure.Conflict($"The deal has changed (version {duplicate.Version}, you sent {expected}); reload it and try again.", "stale-version");
        var guard = DealVisibility.Guard(caller, directory, ownerOrLeadOnly: true);
        var commands = DealCommand.Merge(survivorId, MergeSource.Of(duplicate), caller.Id, null).Select(c => c.WithGuard(guard)).ToList();
        var results = await processor.SubmitAllAsync(commands, CancellationToken.None);
        if (results.FirstOrDefault(r => r.Error is not null)?.Error is { } error)
            return ServiceFailure.From(error);
        return (await queries.GetAsync(duplicateId, Caller.System, ct))!;
    }
}
