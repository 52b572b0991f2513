namespace Crm.Benchmarks.Moves;

/// <summary>What one <c>moves</c> run does: <c>--deals 20000 --moves 60000 --callers 64,256,1024 --sync FULL,NORMAL</c>.</summary>
internal sealed record MovesOptions(int Deals, int Moves, int WarmupMoves, IReadOnlyList<int> Callers, IReadOnlyList<string> SyncModes)
{
    public static MovesOptions Parse(string[] args)
    {
        var options = new MovesOptions(20_000, 60_000, 5_000, [64, 256, 1024], ["FULL", "NORMAL"]);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--deals" => options with { Deals = int.Parse(value) },
                "--moves" => options with { Moves = int.Parse(value) },
                "--warmup" => options with { WarmupMoves = int.Parse(value) },
                "--callers" => options with { Callers = [.. value.Split(',').Select(int.Parse)] },
                "--sync" => options with { SyncModes = [.. value.Split(',').Select(s => s.ToUpperInvariant())] },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        if (options.Callers.Any(c => c < 1 || c > options.Deals))
            throw new ArgumentException("Each caller needs deals of its own: 1 <= callers <= deals.");
        if (options.SyncModes.Any(s => s is not ("FULL" or "NORMAL")))
            throw new ArgumentException("--sync takes FULL and/or NORMAL.");
        return options;
    }
}
