using Crm.Benchmarks.Moves;

// Each benchmark is a name and an entry point; `dotnet run -c Release --project tests/Crm.Benchmarks -- <name> [options]`.
var benchmarks = new Dictionary<string, Func<string[], Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["moves"] = DurableMovesBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.WriteLine($"Crm benchmarks: pass the name of one of: {string.Join(", ", benchmarks.Keys)}.");
    return 1;
}
await run(args[1..]);
return 0;
