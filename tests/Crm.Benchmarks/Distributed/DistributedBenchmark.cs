using System.Diagnostics;
using NodaTime;
using NodaTime.Text;

namespace Crm.Benchmarks.Distributed;

/// <summary>
/// The distributed setup beside the embedded one, in one run, through real API processes over HTTP: durable moves per
/// second (each answered only after its commit) with many concurrent clients spread over the nodes, and deadline-to-alert
/// latency: from a breach's deadline to the alert arriving at a SignalR client (on the last node, so with two nodes most
/// alerts cross the Redis backplane).
/// </summary>
internal static class DistributedBenchmark
{
    private const int Deals = 500;
    private const int Clients = 64;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(15);
    private const int Deadlines = 1000;

    public static async Task RunAsync(string[] args)
    {
        _ = ApiNode.ApiDll;
        Console.WriteLine($"distributed: {Clients} HTTP clients moving {Deals} deals for {Measure.TotalSeconds:0} s; {Deadlines} deadlines " +
            $"(PT3S, opened at ~200/s); {Environment.ProcessorCount} cores, client, nodes, PostgreSQL and Redis on one machine");
        var rows = new List<string>();
        var setups = new Func<Task<Deployment>>[]
        {
            () => Deployment.StartEmbeddedAsync(5431),
            () => Deployment.StartPostgresAsync(1, 5441),
            () => Deployment.StartPostgresAsync(2, 5451),
        };
        foreach (var setup in setups)
        {
            await using var deployment = await setup();
            var moves = await MovesPerSecondAsync(deployment);
            var latency = await DeadlineToAlertAsync(deployment);
            var row = $"| {deployment.Label} | {moves:N0} | {latency}";
            Console.WriteLine(row);
            rows.Add(row);
        }
        Console.WriteLine();
        Console.WriteLine("| setup | durable moves/s | deadline → alert at the client: p50 / p99 / max (received of sent) |");
        Console.WriteLine("|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task<double> MovesPerSecondAsync(Deployment deployment)
    {
        var nodes = deployment.Nodes;
        await ApiClient.PublishLoadFunnelAsync(nodes[0].BaseAddress, "PT1H", "load");
        var clients = new List<HttpClient>();
        foreach (var node in nodes)
            clients.Add(await ApiClient.SignInAsync(node.BaseAddress, "anna@crm.local"));
        var deals = new string?[Deals];
        await Parallel.ForAsync(0, Deals, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, _) => deals[i] = await ApiClient.OpenDealAsync(clients[i % clients.Count], $"Deal {i}"));
        var acknowledged = 0L;
        var measuring = false;
        using var stop = new CancellationTokenSource(Warmup + Measure);
        var workers = Enumerable.Range(0, Clients).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                var status = await ApiClient.MoveAsync(clients[w % clients.Count], deals[random.Next(Deals)]!);
                if (status is >= 200 and < 300 && Volatile.Read(ref measuring))
                    Interlocked.Increment(ref acknowledged);
            }
        })).ToList();
        await Task.Delay(Warmup);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers);
        return Interlocked.Read(ref acknowledged) / clock.Elapsed.TotalSeconds;
    }

    private static async Task<string> DeadlineToAlertAsync(Deployment deployment)
    {
        var nodes = deployment.Nodes;
        await ApiClient.PublishLoadFunnelAsync(nodes[0].BaseAddress, "PT3S", "timed");
        var watched = nodes[^1].BaseAddress;
        await using var stream = await AlertStream.ConnectAsync(watched, await ApiClient.TokenAsync(watched, "boris@crm.local"));
        var clients = new List<HttpClient>();
        foreach (var node in nodes)
            clients.Add(await ApiClient.SignInAsync(node.BaseAddress, "boris@crm.local"));
        for (var i = 0; i < Deadlines; i += 20)
        {
            await Task.WhenAll(Enumerable.Range(i, 20).Select(j => ApiClient.OpenDealAsync(clients[j % clients.Count], $"Timed {j}", "timed")));
            await Task.Delay(100);
        }
        var waited = Stopwatch.StartNew();
        while (stream.Received.Count < Deadlines && waited.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(100);
        var latencies = stream.Received.Values
            .Where(r => r.Alert.GetProperty("kind").GetString() == "breach")
            .Select(r => (r.ReceivedAt - InstantPattern.ExtendedIso.Parse(r.Alert.GetProperty("dueAt").GetString()!).Value).TotalMilliseconds)
            .Order().ToArray();
        if (latencies.Length == 0)
            return "no alerts arrived";
        double At(double q) => latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
        return $"{At(0.5):0} / {At(0.99):0} / {latencies[^1]:0} ms ({latencies.Length:N0} of {Deadlines:N0})";
    }
}
