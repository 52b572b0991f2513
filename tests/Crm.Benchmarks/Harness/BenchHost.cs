using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Api.Infrastructure;
using Crm.Engine.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// The real product in-process, as <c>Program.cs</c> builds it (AddCrm/UseCrm), on a loopback Kestrel port with a
/// SQLite file in <see cref="DataDirectory"/> and the system clock. Extra commit listeners are registered before
/// the product's own, so they see each commit first.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => App.Services;

    public static string NewDataDirectory(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "crm-bench", $"{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public static async Task<BenchHost> StartAsync(string dataDirectory, bool runScheduler, params IDealCommitListener[] listeners)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = dataDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Crm:DataDirectory"] = dataDirectory;
        builder.Configuration["Crm:SeedDemoData"] = "true";
        builder.Configuration["Crm:RunScheduler"] = runScheduler ? "true" : "false";
        foreach (var listener in listeners)
            builder.Services.AddSingleton(listener);
        builder.AddCrm();
        var app = builder.Build();
        app.UseCrm();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BenchHost(app, dataDirectory, new Uri(address));
    }

    public async Task<HttpClient> SignInAsync(string email, string password = "demo")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public static void DeleteData(string dataDirectory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleanup.
        }
    }
}
