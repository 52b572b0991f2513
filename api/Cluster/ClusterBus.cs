using Crm.Api.Hubs;
using Crm.Api.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Crm.Api.Cluster;

/// <summary>Tells the other nodes of a deployment that something they keep in memory changed.</summary>
public interface IClusterBus
{
    Task PublishAsync(string what);
}

/// <summary>One node: nobody else to tell.</summary>
public sealed class SingleNodeBus : IClusterBus
{
    public Task PublishAsync(string what) => Task.CompletedTask;
}

/// <summary>
/// Redis pub/sub on the deployment's channel prefix (the backplane's): a message is the sending node's id and what
/// changed; each other node reloads it from the database. A node that misses a message while Redis is down reloads
/// everything when it reconnects, so no edit stays unseen.
/// </summary>
public sealed class RedisClusterBus(IOptions<CrmOptions> options, IServiceProvider services, ILogger<RedisClusterBus> logger) : IClusterBus, IHostedService, IAsyncDisposable
{
    private readonly CrmOptions _crm = options.Value;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = RedisChannel.Literal($"{RedisBackplane.ChannelPrefix(options.Value)}:changed");
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _redis;
    private Task _subscribing = Task.CompletedTask;

    /// <summary>The connection, once started; other shared state (<see cref="RedisRotation"/>) uses it too.</summary>
    public IConnectionMultiplexer? Redis => _redis;

    /// <summary>A key in this deployment's space on Redis.</summary>
    public RedisKey Key(string name) => $"{RedisBackplane.ChannelPrefix(_crm)}:{name}";

    public async Task PublishAsync(string what)
    {
        if (_redis is null)
            return;
        try
        {
            await _redis.GetSubscriber().PublishAsync(_channel, $"{_node}|{what}");
        }
        catch (RedisException ex)
        {
            // The edit is in the database; the other nodes reload everything when their connection comes back.
            logger.LogWarning(ex, "Could not tell the other nodes that {What} changed.", what);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(_crm.Redis!);
        configuration.AbortOnConnectFail = false;
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        _redis.ConnectionRestored += (_, _) => _ = ReloadAsync(SharedState.Directory, SharedState.Calendars);
        // A node starts while Redis is down (and reports not ready); it subscribes as soon as Redis answers.
        _subscribing = SubscribeAsync(_stopping.Token);
    }

    private async Task SubscribeAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _redis!.GetSubscriber().SubscribeAsync(_channel, (channel, message) =>
                {
                    var text = (string?)message ?? "";
                    var bar = text.IndexOf('|', StringComparison.Ordinal);
                    if (bar > 0 && text[..bar] != _node)
                        _ = ReloadAsync(text[(bar + 1)..]);
                });
                return;
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Not subscribed to changes made on other nodes yet: Redis does not answer.");
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _subscribing;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_redis is not null)
            await _redis.DisposeAsync();
    }

    private async Task ReloadAsync(params string[] what)
    {
        try
        {
            var state = services.GetRequiredService<SharedState>();
            foreach (var item in what)
                await state.ReloadAsync(item, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Reloading {What} after another node changed it failed.", string.Join(", ", what));
        }
    }
}
