using Crm.Api.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Npgsql;
using StackExchange.Redis;

namespace Crm.Api.Hubs;

/// <summary>
/// The SignalR backplane: every node publishes what it sends to a group through Redis and delivers what the others
/// publish to its own connections, so an alert raised on node A reaches a browser connected to node B.
/// </summary>
public static class RedisBackplane
{
    public static ISignalRServerBuilder AddCrmRedisBackplane(this ISignalRServerBuilder signalR, CrmOptions crm)
    {
        var connection = new RedisConnection();
        signalR.Services.AddSingleton(connection);
        return signalR.AddStackExchangeRedis(options =>
        {
            options.Configuration = ConfigurationOptions.Parse(crm.Redis!);
            // Start (and report not ready) while Redis is down, and keep reconnecting, rather than refuse to start.
            options.Configuration.AbortOnConnectFail = false;
            options.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix(crm));
            options.ConnectionFactory = async log =>
            {
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(options.Configuration, log);
                connection.Multiplexer = multiplexer;
                return multiplexer;
            };
        });
    }

    /// <summary>Nodes of one deployment share a database; naming the channels after it keeps two deployments (or two
    /// test runs) on one Redis from delivering each other's alerts.</summary>
    internal static string ChannelPrefix(CrmOptions crm) =>
        crm.UsesPostgres && new NpgsqlConnectionStringBuilder(crm.ConnectionString).Database is { Length: > 0 } database
            ? $"crm:{database}"
            : "crm";
}

/// <summary>The backplane's Redis connection, once made: readiness asks it whether it is connected.</summary>
public sealed class RedisConnection
{
    public IConnectionMultiplexer? Multiplexer { get; set; }
}
