using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Crm.Api.Cluster;

/// <summary>Whose turn it is in a team's round-robin: the n-th lead of the team goes to its (n mod size)-th manager.</summary>
public interface IRotation
{
    /// <summary>The next turn of <paramref name="teamId"/>, counting from 0.</summary>
    long Next(string teamId);
}

/// <summary>Turns counted in this process: right for one node.</summary>
public sealed class LocalRotation : IRotation
{
    private readonly ConcurrentDictionary<string, long> _turns = new(StringComparer.Ordinal);

    public long Next(string teamId) => _turns.AddOrUpdate(teamId, 0, (_, n) => n + 1);
}

/// <summary>
/// Turns counted in Redis (one INCR), shared by every node, so leads arriving on different nodes still take turns.
/// While Redis cannot answer, turns are counted locally: a lead is never refused for want of a counter.
/// </summary>
public sealed class RedisRotation(RedisClusterBus bus, ILogger<RedisRotation> logger) : IRotation
{
    private readonly LocalRotation _fallback = new();

    public long Next(string teamId)
    {
        if (bus.Redis is { IsConnected: true } redis)
        {
            try
            {
                return redis.GetDatabase().StringIncrement(bus.Key($"rotation:{teamId}")) - 1;
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Round-robin turn of team {TeamId} counted locally: Redis did not answer.", teamId);
            }
        }
        return _fallback.Next(teamId);
    }
}
