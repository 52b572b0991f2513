using Crm.Benchmarks.Alerts;
using Crm.Benchmarks.Board;
using Crm.Benchmarks.Calendars;
using Crm.Benchmarks.Compliance;
using Crm.Benchmarks.Distributed;
using Crm.Benchmarks.Moves;
using Crm.Benchmarks.Timers;

// Each benchmark lives in its feature folder; add it here under the name passed on the command line:
// `dotnet run -c Release --project tests/Crm.Benchmarks -- <name> [options]`.
var benchmarks = new Dictionary<string, Func<string[], Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["board"] = BoardBenchmark.RunAsync,
    ["calendars"] = CalendarBenchmark.RunAsync,
    ["moves"] = DurableMovesBenchmark.RunAsync,
    ["compliance"] = ComplianceBenchmark.RunAsync,
    ["timers"] = TimersBenchmark.RunAsync,
    ["timers-open"] = OpenClocksBenchmark.RunAsync,
    ["alerts"] = AlertsBenchmark.RunAsync,
    ["survival"] = SurvivalTest.RunAsync,
    ["distributed"] = DistributedBenchmark.RunAsync,
    ["deadlines-once"] = DeadlinesOnceCheck.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.WriteLine("Crm benchmarks: pass the name of a benchmark.");
    Console.WriteLine($"  dotnet run -c Release --project tests/Crm.Benchmarks -- <{string.Join('|', benchmarks.Keys)}>");
    return args.Length == 0 ? 0 : 1;
}

await run(args[1..]);
return 0;
