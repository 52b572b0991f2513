using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crm.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Crm.Api.Tests.Fuzz;

/// <summary>
/// Throws malformed and extreme requests at every endpoint the host maps (read from its <see cref="EndpointDataSource"/>,
/// so a new endpoint is covered without touching this file), as an admin and as a manager, with real and bogus ids.
/// No answer may be a 5xx, and a rejected request (4xx) must leave every table of the database as it was.
/// </summary>
public sealed class EndpointFuzzTests(ITestOutputHelper output)
{
    // Fixed so a failure can be replayed; change it (or set CRM_FUZZ_SEED) to explore other cases.
    private const int DefaultSeed = 20261202;
    private const int BodiesPerRoute = 16;

    [Fact]
    public async Task EveryEndpoint_MalformedAndExtremeRequests_NeverFailWithServerErrorsAndRejectionsChangeNothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRM_FUZZ_SEED"), out var chosen) ? chosen : DefaultSeed;
        output.WriteLine($"Fuzz seed: {seed} (set CRM_FUZZ_SEED to replay another)");
        await using var host = await CrmTestHost.StartAsync();
        try
        {
            var corpus = new FuzzCorpus(seed);
            var admin = await host.SignInAsync("admin@crm.local");
            var manager = await host.SignInAsync("anna@crm.local");
            var ids = await RealIdsAsync(admin);
            var routes = Routes(host.Services);
            output.WriteLine($"{routes.Count} routes: {string.Join(", ", routes.Select(r => $"{r.Method} {r.Pattern}"))}");
            routes.ShouldContain(r => r.Pattern == "/api/calendars/{id}/deadline", "the endpoint list is read from the host");
            await FingerprintShouldSeeAChangeAsync(host, admin);

            var failures = new List<string>();
            var sent = 0;
            var watch = Stopwatch.StartNew();
            foreach (var route in routes)
            {
                for (var i = 0; i < BodiesPerRoute; i++)
                {
                    var caller = i % 3 == 2 ? manager : admin;
                    var path = Fill(route.Pattern, ids, corpus, real: i % 2 == 0);
                    var body = route.Method is "GET" or "DELETE" && i % 2 == 0 ? null : corpus.Body(route.Fields);
                    var query = corpus.Query();
                    var failure = await SendAsync(host, caller, route.Method, path + query, body, corpus.Coin());
                    sent++;
                    if (failure is not null)
                        failures.Add(failure);
                }
            }
            output.WriteLine($"{sent} requests in {watch.Elapsed.TotalSeconds:0.0} s");
            failures.ShouldBeEmpty($"seed {seed}:\n" + string.Join("\n", failures));
        }
        finally
        {
            host.DeleteData();
        }
    }

    /// <summary>A route, with the property names of its JSON body when it binds one (from the endpoint's accepts metadata).</summary>
    /// <summary>The fingerprint notices an accepted change, so "unchanged" below means something.</summary>
    private static async Task FingerprintShouldSeeAChangeAsync(CrmTestHost host, HttpClient admin)
    {
        var before = await DatabaseFingerprint.TakeAsync(host.Services);
        var created = await admin.PostJsonAsync("/api/clients", new { name = "Fingerprint check", kind = "company" });
        created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        DatabaseFingerprint.Difference(before, await DatabaseFingerprint.TakeAsync(host.Services)).ShouldNotBeEmpty();
    }

    private sealed record Route(string Method, string Pattern, IReadOnlyList<string> Fields);

    /// <summary>Every API route with its methods. Skipped: the SignalR hub (a WebSocket protocol, not request bodies),
    /// the health probes (they take no input), the catch-all 404 and the browser app's files.</summary>
    private static List<Route> Routes(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [],
                Fields: FieldsOf(e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && !e.Pattern.Contains("{**", StringComparison.Ordinal)
                && !e.Pattern.StartsWith("/api/health", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => new Route(m, e.Pattern, e.Fields)))
            .DistinctBy(r => (r.Method, r.Pattern))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal),
    ];

    private static string[] FieldsOf(Type? type)
    {
        var element = type?.IsArray == true ? type.GetElementType() : type;
        return element is null || element == typeof(string) || element.IsPrimitive
            ? []
            : [.. element.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];
    }

    /// <summary>A real id for each kind of route value, found through the API itself.</summary>
    private static async Task<Dictionary<string, string>> RealIdsAsync(HttpClient admin)
    {
        async Task<string> FirstAsync(string url, string property = "id")
        {
            var list = JsonDocument.Parse(await admin.GetStringAsync(url)).RootElement;
            return list[0].GetProperty(property).GetString()!;
        }
        var client = await FirstAsync("/api/clients");
        return new Dictionary<string, string>
        {
            ["deals"] = await FirstAsync("/api/deals"),
            ["clients"] = client,
            ["contacts"] = await FirstAsync($"/api/clients/{client}/contacts"),
            ["users"] = "anna",
            ["teams"] = "sales",
            ["managers"] = "anna",
            ["calendars"] = "moscow",
            ["workflows"] = await FirstAsync("/api/workflows"),
            ["dictionaries"] = "sources",
            ["alerts"] = "none-yet",
        };
    }

    /// <summary>The route with each {value} replaced by a real id of the resource named before it, or a bogus one.</summary>
    private static string Fill(string pattern, Dictionary<string, string> ids, FuzzCorpus corpus, bool real)
    {
        var segments = pattern.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
                continue;
            var resource = i > 0 ? segments[i - 1] : "";
            segments[i] = Uri.EscapeDataString(real && ids.TryGetValue(resource, out var id) ? id : corpus.BogusId());
        }
        return string.Join('/', segments);
    }

    /// <summary>Sends one request; a description of what went wrong, or null.</summary>
    private static async Task<string?> SendAsync(CrmTestHost host, HttpClient caller, string method, string url, string? body, bool withIfMatch)
    {
        var before = await DatabaseFingerprint.TakeAsync(host.Services);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        if (withIfMatch)
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var response = await caller.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var shown = $"{method} {Cut(url)} body {Cut(body ?? "(none)")} -> {status} {Cut(text)}";
        if (status >= 500)
            return shown;
        if (status >= 400)
        {
            var after = await DatabaseFingerprint.TakeAsync(host.Services);
            var changed = DatabaseFingerprint.Difference(before, after);
            if (changed.Length > 0)
                return $"{shown}; the rejected request changed {changed}";
        }
        return null;
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";
}
