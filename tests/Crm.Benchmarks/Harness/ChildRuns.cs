using System.Diagnostics;
using System.Text.Json;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// Runs one side of a comparison in a fresh process of this program, so CPU time and peak memory belong to that
/// side alone. The child prints its figures as one line <c>RESULT {json}</c>; everything else it prints is passed through.
/// </summary>
internal static class ChildRuns
{
    private const string Marker = "RESULT ";

    public static async Task<Dictionary<string, double>> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(ChildRuns).Assembly.Location);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        Dictionary<string, double>? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
                result = JsonSerializer.Deserialize<Dictionary<string, double>>(line[Marker.Length..]);
            else
                Console.WriteLine($"  | {line}");
        }
        await child.WaitForExitAsync();
        if (child.ExitCode != 0 || result is null)
            throw new InvalidOperationException($"The child run '{string.Join(' ', args)}' failed (exit code {child.ExitCode}).");
        return result;
    }

    public static void Report(Dictionary<string, double> figures) =>
        Console.WriteLine(Marker + JsonSerializer.Serialize(figures));
}
