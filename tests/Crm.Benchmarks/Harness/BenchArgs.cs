using System.Globalization;

namespace Crm.Benchmarks.Harness;

/// <summary><c>--name value</c> options.</summary>
internal sealed class BenchArgs(string[] args)
{
    public string? Text(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public int Int(string name, int fallback) => Text(name) is { } t ? int.Parse(t.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Text(name) is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The same options, for a child run.</summary>
    public string[] With(params string[] extra) => [.. args, .. extra];
}
