using System.Globalization;
using Crm.Benchmarks.Harness;

namespace Crm.Benchmarks.Timers;

/// <summary>
/// Deadline to breach recorded, side by side in one run: the plain alternative (one Hangfire delayed job per
/// deadline, default settings) and Crm (the real host, its scheduler and engine). N deadlines fall due spread
/// evenly over a window that starts <c>lead</c> seconds after the run begins, so everything is created before
/// the first falls due. Each side runs in its own child process, one after the other, so CPU time and peak
/// memory are that side's alone. Options: <c>--count N</c> (100,000), <c>--window S</c> (150), <c>--lead S</c>,
/// <c>--chunk N</c> (deals opened per commit on the Crm side, 64), <c>--side hangfire|crm</c> (one side only).
/// </summary>
internal static class TimersBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var count = options.Int("count", 100_000);
        var window = options.Double("window", 150);
        var lead = options.Double("lead", DefaultLead(count));
        var side = options.Text("side");
        var settings = new TimersSettings(count, window, lead, options.Int("chunk", 64));
        if (side == "hangfire")
        {
            ChildRuns.Report(await HangfireDelayedJobs.RunAsync(settings));
            return;
        }
        if (side == "crm")
        {
            ChildRuns.Report(await CrmDeadlines.RunAsync(settings));
            return;
        }

        Console.WriteLine($"timers: {count:N0} deadlines due over {window:0} s, the first {lead:0} s after the start; {Environment.ProcessorCount} cores");
        Console.WriteLine("Hangfire 1.8.25, InMemory storage, default server options (SchedulePollingInterval 15 s, WorkerCount 10):");
        var hangfire = await ChildRuns.RunAsync(["timers", .. args, "--side", "hangfire", "--lead", lead.ToString(CultureInfo.InvariantCulture)]);
        Console.WriteLine("Crm: the real host, deadline scheduler, engine and SQLite store:");
        var crm = await ChildRuns.RunAsync(["timers", .. args, "--side", "crm", "--lead", lead.ToString(CultureInfo.InvariantCulture)]);
        PrintComparison(hangfire, crm);
    }

    /// <summary>Enough lead for the slower side to create every deadline before the first falls due.</summary>
    private static double DefaultLead(int count) => 20 + (count / 2_000.0);

    private static void PrintComparison(Dictionary<string, double> hangfire, Dictionary<string, double> crm)
    {
        Console.WriteLine();
        Console.WriteLine($"| {"figure",-44} | {"Hangfire (default)",18} | {"Crm",12} | {"Hangfire / Crm",14} |");
        Console.WriteLine($"|{new string('-', 46)}|{new string('-', 20)}|{new string('-', 14)}|{new string('-', 16)}|");
        Row("breaches recorded", "count", "N0");
        Row("deadline -> breach recorded p50 (ms)", "p50", "N1");
        Row("deadline -> breach recorded p99 (ms)", "p99", "N1");
        Row("deadline -> breach recorded max (ms)", "max", "N1");
        Row("creating the deadlines (s)", "createSeconds", "N1");
        Row("CPU creating (s)", "createCpu", "N1");
        Row("CPU while they fell due (s)", "fireCpu", "N1");
        Row("working set with all open (MB)", "openMb", "N0");
        Row("peak working set (MB)", "peakMb", "N0");

        void Row(string name, string key, string format)
        {
            var h = hangfire.GetValueOrDefault(key, double.NaN);
            var c = crm.GetValueOrDefault(key, double.NaN);
            var ratio = c != 0 ? (h / c).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "-";
            Console.WriteLine($"| {name,-44} | {h.ToString(format, CultureInfo.InvariantCulture),18} | {c.ToString(format, CultureInfo.InvariantCulture),12} | {ratio,14} |");
        }
    }
}

internal sealed record TimersSettings(int Count, double WindowSeconds, double LeadSeconds, int Chunk);
