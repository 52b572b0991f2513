using System.Text.Json;
using Crm.Benchmarks.Harness;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Crm.Benchmarks.Alerts;

/// <summary>One user's browser, as the real SignalR .NET client over WebSockets: notes when each breach alert arrives, once per id.</summary>
internal sealed class AlertClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<double> _delays = [];

    private AlertClient(HubConnection connection) => _connection = connection;

    public int Received
    {
        get
        {
            lock (_gate)
                return _delays.Count;
        }
    }

    public int Duplicates { get; private set; }

    public static async Task<AlertClient> ConnectAsync(Uri baseAddress, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/alerts"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var client = new AlertClient(connection);
        connection.On<JsonElement>("alert", client.OnAlert);
        await connection.StartAsync();
        return client;
    }

    private void OnAlert(JsonElement alert)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        if (alert.GetProperty("kind").GetString() != "breach")
            return;
        var due = InstantPattern.ExtendedIso.Parse(alert.GetProperty("dueAt").GetString()!).Value;
        lock (_gate)
        {
            if (_seen.Add(alert.GetProperty("id").GetString()!))
                _delays.Add((now - due).TotalMilliseconds);
            else
                Duplicates++;
        }
    }

    public void CopyTo(Latencies into)
    {
        lock (_gate)
        {
            foreach (var delay in _delays)
                into.Add(delay);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
