using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Benchmarks.Distributed;

/// <summary>A SignalR client on a node's alert hub: records each alert with the instant it arrived, and acknowledges it.</summary>
internal sealed class AlertStream : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private AlertStream(HubConnection connection) => _connection = connection;

    public ConcurrentDictionary<string, (JsonElement Alert, Instant ReceivedAt)> Received { get; } = new();
    public bool Acknowledge { get; init; } = true;

    public static async Task<AlertStream> ConnectAsync(Uri node, string token, bool acknowledge = true)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/alerts"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(json => json.PayloadSerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb))
            .Build();
        var stream = new AlertStream(connection) { Acknowledge = acknowledge };
        connection.On<JsonElement>("alert", alert =>
        {
            var id = alert.GetProperty("id").GetString()!;
            stream.Received.TryAdd(id, (alert, SystemClock.Instance.GetCurrentInstant()));
            if (stream.Acknowledge)
                _ = connection.InvokeAsync<bool>("Ack", id);
        });
        await connection.StartAsync();
        return stream;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
