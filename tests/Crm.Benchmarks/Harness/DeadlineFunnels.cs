using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// Makes deadlines fall due when a benchmark wants them, through the product's own path only. Funnels
/// <c>bench-1s</c> … <c>bench-Ns</c> (24x7 calendar) each have one stage whose regulation lasts that many seconds;
/// a deal meant to fall due at <c>t</c> is opened, at <c>now</c>, on the funnel of <c>round(t - now)</c> seconds.
/// Clocks, due instants and breaches are then the engine's own; only the choice of funnel is the benchmark's.
/// </summary>
internal static class DeadlineFunnels
{
    public static string IdFor(int seconds) => $"bench-{seconds}s";

    /// <summary>Publishes the funnels of 1 … <paramref name="maxSeconds"/> seconds (and any in <paramref name="extraSeconds"/>) through the API, as the admin.</summary>
    public static async Task PublishAsync(HttpClient admin, int maxSeconds, params int[] extraSeconds)
    {
        foreach (var seconds in Enumerable.Range(1, maxSeconds).Concat(extraSeconds).Distinct())
        {
            var created = await admin.PostAsJsonAsync("/api/workflows", Funnel(seconds));
            if (created.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Funnel {IdFor(seconds)}: {created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            var published = await admin.PostAsync($"/api/workflows/{IdFor(seconds)}/publish", null);
            if (published.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"Publishing {IdFor(seconds)}: {published.StatusCode} {await published.Content.ReadAsStringAsync()}");
        }
    }

    private static JsonObject Funnel(int seconds) => JsonNode.Parse($$"""
        { "id": "{{IdFor(seconds)}}", "name": "Bench {{seconds}} s", "calendarId": "24x7", "start": "call",
          "activities": [
            { "id": "call", "type": "Stage", "name": "Call the client", "outcomes": ["Called", "Lost"],
              "regulation": { "duration": "PT{{seconds}}S" } },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "call", "outcome": "Called", "target": "won" },
            { "source": "call", "outcome": "Lost", "target": "lost" } ] }
        """)!.AsObject();

    /// <summary>
    /// Opens one deal per target through the command processor, <paramref name="chunk"/> at a time (a chunk is
    /// committed together, so its deals share a due instant: smaller chunks spread deadlines more finely).
    /// Returns how many deals could not be given their target because it was less than a second away.
    /// </summary>
    public static async Task<int> OpenAsync(DealCommandProcessor processor, IReadOnlyList<Instant> targets, int maxSeconds,
        Func<int, string> ownerOf, string teamId, int chunk, int parallel = 1)
    {
        var late = 0;
        var next = -1;
        async Task WorkerAsync()
        {
            var commands = new List<Task<DealCommandResult>>(chunk);
            while (true)
            {
                var first = Interlocked.Add(ref next, chunk) - chunk + 1;
                if (first >= targets.Count)
                    return;
                var now = SystemClock.Instance.GetCurrentInstant();
                commands.Clear();
                for (var i = first; i < Math.Min(first + chunk, targets.Count); i++)
                {
                    var seconds = (int)Math.Round((targets[i] - now).TotalSeconds);
                    if (seconds < 1)
                        Interlocked.Increment(ref late);
                    seconds = Math.Clamp(seconds, 1, maxSeconds);
                    var owner = ownerOf(i);
                    commands.Add(processor.SubmitAsync(DealCommand.Start(new NewDeal
                    {
                        Id = Guid.CreateVersion7().ToString("N"),
                        Title = $"Bench deal {i}",
                        OwnerId = owner,
                        TeamId = teamId,
                    }, IdFor(seconds), 1, owner)));
                }
                foreach (var result in await Task.WhenAll(commands))
                {
                    if (!result.Succeeded)
                        throw new InvalidOperationException($"Opening a deal failed: {result.Error?.Message}");
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(WorkerAsync)));
        return late;
    }
}
