using Crm.Api.Auth;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Engine.Runtime;

namespace Crm.Api.Deals;

/// <summary>Runs a command through the engine's single writer and answers with the committed deal.</summary>
public sealed class DealCommands(DealCommandProcessor processor, DealQueries queries, UserDirectory directory)
{
    public async Task<ServiceResult<DealView>> RunAsync(DealCommand command, Caller caller, bool ownerOnly, CancellationToken ct,
        Func<DealInstance, EngineError?>? guard = null)
    {
        var guarded = command.WithGuard(guard ?? DealVisibility.Guard(caller, directory, ownerOnly));
        var result = await processor.SubmitAsync(guarded, CancellationToken.None);
        if (result.Error is { } error)
            return ServiceFailure.From(error);
        var view = await queries.GetAsync(result.Deal.Id, Caller.System, ct);
        if (view is null)
            return new ServiceFailure.NotFound($"Deal '{result.Deal.Id}' does not exist.");
        return view;
    }

    /// <summary>The deal as it is now, read on behalf of a caller whose command was already checked.</summary>
    public Task<DealView?> ViewAsync(string dealId, CancellationToken ct) => queries.GetAsync(dealId, Caller.System, ct);
}
