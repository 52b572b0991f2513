using System.Text.Json;
using System.Threading.Channels;
using Crm.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Api.Tests.Alerts;

/// <summary>A real SignalR client on the alert hub that queues every alert it hears.</summary>
internal sealed class AlertListener : IAsyncDisposable
{
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();

    private AlertListener(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<AlertListener> ConnectAsync(CrmTestHost host, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/alerts"), options => options.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(json => json.PayloadSerializerOptions.ConfigureForNodaTime(NodaTime.DateTimeZoneProviders.Tzdb))
            .Build();
        var listener = new AlertListener(connection);
        connection.On<JsonElement>("alert", alert => listener._received.Writer.TryWrite(alert));
        await connection.StartAsync();
        return listener;
    }

    /// <summary>The next alert heard, or a failure after <paramref name="seconds"/>.</summary>
    public async Task<JsonElement> NextAsync(int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public bool TryTake(out JsonElement alert) => _received.Reader.TryRead(out alert);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
