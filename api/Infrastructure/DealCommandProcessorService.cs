using Crm.Engine.Runtime;

namespace Crm.Api.Infrastructure;

/// <summary>Runs the engine's single writer for the host's lifetime: the engine knows no host, so the host starts it.</summary>
internal sealed class DealCommandProcessorService(DealCommandProcessor processor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => processor.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => processor.StopAsync(cancellationToken);
}
