using System.Diagnostics;

namespace Crm.Benchmarks.Distributed;

/// <summary>A real API process (the Release build of api/) on a loopback port, started, killed (SIGKILL) and restarted.</summary>
internal sealed class ApiNode(string name, int port, IReadOnlyDictionary<string, string> settings, string logDirectory) : IAsyncDisposable
{
    private Process? _process;
    private int _starts;

    public string Name => name;
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");

    public static string ApiDll
    {
        get
        {
            var root = RepoRoot();
            var dll = Path.Combine(root, "api", "bin", "Release", "net10.0", "Crm.Api.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the API first: dotnet build api -c Release ({dll} is missing).");
        }
    }

    public async Task StartAsync()
    {
        _starts++;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepoRoot(), "api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ApiDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        // A production start seeds no demo people unless asked; the benchmarks sign in as them.
        info.ArgumentList.Add("--Crm:SeedDemoData=true");
        foreach (var (key, value) in settings)
            info.ArgumentList.Add($"--{key}={value}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Crm"] = "Information";
        var log = new StreamWriter(Path.Combine(logDirectory, $"{name}-{_starts}.log")) { AutoFlush = true };
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: false);
        _process?.WaitForExit();
        _process = null;
    }

    /// <summary>SIGTERM and wait: the graceful shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"{name} exited with {_process.ExitCode} while starting; see its log in {logDirectory}.");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{name} was not ready within {timeout}.");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
