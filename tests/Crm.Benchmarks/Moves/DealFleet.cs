using System.Diagnostics;
using Crm.Engine.Runtime;

namespace Crm.Benchmarks.Moves;

/// <summary>
/// The deals the benchmark moves, and which of them sit in the pause stage. Each caller owns a disjoint slice
/// of deals and moves them one at a time, so it always knows the valid next outcome: Pause from "contacts",
/// Resume from "paused" (which pauses and resumes the stage's regulation clock on every move).
/// </summary>
internal sealed class DealFleet(int count)
{
    private readonly bool[] _paused = new bool[count];

    public int Count => count;

    public static string IdOf(int index) => $"deal-{index:D7}";

    /// <summary>Starts every deal on the funnel through the engine; returns deals per second.</summary>
    public async Task<double> CreateAsync(DealCommandProcessor processor, int callers)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var i = caller; i < count; i += callers)
            {
                var deal = new NewDeal { Id = IdOf(i), Title = $"Deal {i}", Amount = 1000 + i, Source = "benchmark" };
                var result = await processor.SubmitAsync(DealCommand.Start(deal, EngineRig.WorkflowId, 1, "bench"));
                if (!result.Succeeded)
                    throw new InvalidOperationException($"Could not create {deal.Id}: {result.Error!.Message}");
            }
        })));
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Runs <paramref name="moves"/> moves from <paramref name="callers"/> concurrent callers, each waiting for its
    /// previous move to be committed before sending the next. Returns every move's latency in stopwatch ticks.</summary>
    public async Task<(long[] Latencies, int Refused, TimeSpan Elapsed)> MoveAsync(DealCommandProcessor processor, int callers, int moves)
    {
        var latencies = new long[moves];
        var refused = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, count).Where(i => i % callers == caller).ToArray();
            var turn = 0;
            for (var slot = caller; slot < moves; slot += callers)
            {
                var deal = mine[turn++ % mine.Length];
                var outcome = _paused[deal] ? "Resume" : "Pause";
                var sent = Stopwatch.GetTimestamp();
                var result = await processor.SubmitAsync(DealCommand.Move(IdOf(deal), new MoveRequest(outcome, "bench")));
                latencies[slot] = Stopwatch.GetTimestamp() - sent;
                if (result.Succeeded)
                    _paused[deal] = !_paused[deal];
                else
                    Interlocked.Increment(ref refused);
            }
        })));
        return (latencies, refused, Stopwatch.GetElapsedTime(started));
    }
}
