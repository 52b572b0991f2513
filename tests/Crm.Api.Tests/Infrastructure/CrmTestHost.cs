using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Api.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Testing;

namespace Crm.Api.Tests.Infrastructure;

/// <summary>
/// The real product on a real Kestrel loopback port with a real SQLite file (or, under <c>CRM_TEST_DATABASE=postgres</c>,
/// a fresh PostgreSQL database: see <see cref="TestDatabase"/>), with time on a fake clock. Dispose stops the host; the
/// data folder and the database survive until <see cref="DeleteData"/>, so a test can restart on them.
/// </summary>
public sealed class CrmTestHost : IAsyncDisposable
{
    public static readonly Instant DefaultStart = Instant.FromUtc(2027, 3, 1, 6, 0); // Monday 09:00 in Moscow

    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    private CrmTestHost(WebApplication app, FakeClock clock, string dataDirectory, Uri baseAddress)
    {
        App = app;
        Clock = clock;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }
    public FakeClock Clock { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => App.Services;

    public static async Task<CrmTestHost> StartAsync(string? dataDirectory = null, FakeClock? clock = null, bool runScheduler = false,
        IReadOnlyDictionary<string, string?>? settings = null, string? environment = null, ILoggerProvider? logs = null)
    {
        clock ??= new FakeClock(DefaultStart);
        return await StartAsync(dataDirectory, clock, runScheduler, clock, configure: all =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                all[key] = value;
        }, environment, logs);
    }

    /// <summary>Starts a host; <paramref name="productClock"/> is the clock the product runs on (the fake one, or a real
    /// one for tests that wait for real deadlines), <paramref name="configure"/> adds settings, <paramref name="environment"/>
    /// is the host environment (Testing unless given), <paramref name="logs"/> hears the product's log.</summary>
    public static async Task<CrmTestHost> StartAsync(string? dataDirectory, FakeClock? clock, bool runScheduler, IClock productClock,
        Action<IDictionary<string, string?>>? configure, string? environment = null, ILoggerProvider? logs = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dataDirectory);
        clock ??= productClock as FakeClock ?? new FakeClock(DefaultStart);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment ?? "Testing", ContentRootPath = dataDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("CRM_TEST_LOG") is not null)
            builder.Logging.AddConsole();
        if (logs is not null)
            builder.Logging.AddProvider(logs);
        builder.Configuration["Crm:DataDirectory"] = dataDirectory;
        builder.Configuration["Crm:RunScheduler"] = runScheduler ? "true" : "false";
        // Tests sign in far more often than a person; the sign-in limit's own tests set it lower.
        var settings = new Dictionary<string, string?> { ["Crm:SignIn:PermitsPerMinute"] = "100000" };
        if (TestDatabase.IsPostgres)
        {
            settings["Crm:Database"] = "postgres";
            settings["Crm:ConnectionString"] = TestDatabase.EnsurePostgres(TestDatabase.DatabaseNameFor(dataDirectory));
        }
        configure?.Invoke(settings);
        foreach (var (key, value) in settings)
            builder.Configuration[key] = value;
        builder.Services.AddSingleton(productClock);
        builder.AddCrm();
        var app = builder.Build();
        app.UseCrm();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new CrmTestHost(app, clock, dataDirectory, new Uri(address));
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    public async Task<HttpClient> SignInAsync(string email, string password = "demo")
    {
        var client = Anonymous();
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

    public void DeleteData()
    {
        if (TestDatabase.IsPostgres)
            TestDatabase.DropPostgres(TestDatabase.DatabaseNameFor(DataDirectory));
        try
        {
            System.IO.Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left to the temp folder's own cleanup.
        }
    }
}
