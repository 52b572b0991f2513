using System.Net;
using Crm.Api.Infrastructure;

namespace Crm.Api.Tests.Infrastructure;

/// <summary>The edge between browsers and the API: CORS for lead forms only, whose address counts, the headers every answer carries, missing files.</summary>
public sealed class WebEdgeTests
{
    private const string Shop = "https://shop.example";

    private static object Lead(int i) => new { name = $"Lead {i}", email = $"lead{i}@example.ru", message = "Hello" };

    private static async Task<HostScope> StartAsync(Dictionary<string, string?>? settings = null, bool withApp = false)
    {
        var data = Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));
        if (withApp)
        {
            // A stand-in for the browser app's build: the host serves whatever index.html and assets it finds in wwwroot.
            System.IO.Directory.CreateDirectory(Path.Combine(data, "wwwroot", "assets"));
            await File.WriteAllTextAsync(Path.Combine(data, "wwwroot", "index.html"), "<!doctype html><title>Crm</title><div id=root></div>");
            await File.WriteAllTextAsync(Path.Combine(data, "wwwroot", "assets", "app.js"), "console.log('crm');");
        }
        return new HostScope(await CrmTestHost.StartAsync(data, settings: settings));
    }

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private static HttpRequestMessage LeadFrom(int i, string? origin = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/leads") { Content = System.Net.Http.Json.JsonContent.Create(Lead(i)) };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    [Fact]
    public async Task Preflight_ForLeadsFromAConfiguredWebsite_IsAllowed_FromAnyOtherOrigin_IsNot()
    {
        await using var scope = await StartAsync(new() { ["Crm:Leads:AllowedOrigins:0"] = Shop });
        var anonymous = scope.Host.Anonymous();

        var allowed = await anonymous.SendAsync(Preflight("/api/leads", Shop));
        var other = await anonymous.SendAsync(Preflight("/api/leads", "https://evil.example"));

        allowed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Shop]);
        allowed.Headers.GetValues("Access-Control-Allow-Methods").ShouldBe(["POST"]);
        other.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Cors_IsOnlyForPostingLeads_NotForAnyOtherEndpoint()
    {
        await using var scope = await StartAsync(new() { ["Crm:Leads:AllowedOrigins:0"] = Shop });
        var anonymous = scope.Host.Anonymous();

        var lead = await anonymous.SendAsync(LeadFrom(1, Shop));
        var token = await anonymous.SendAsync(Preflight("/api/auth/token", Shop));
        var health = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        health.Headers.Add("Origin", Shop);
        var healthAnswer = await anonymous.SendAsync(health);

        lead.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        lead.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Shop]);
        token.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        healthAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
        healthAnswer.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Leads_BehindAConfiguredProxy_CountPerForwardedClientAddress()
    {
        await using var scope = await StartAsync(new()
        {
            ["Crm:Leads:PermitsPerMinute"] = "2",
            ["Crm:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        var proxy = scope.Host.Anonymous();

        var first = new[] { await proxy.SendAsync(LeadFrom(1, forwardedFor: "203.0.113.1")), await proxy.SendAsync(LeadFrom(2, forwardedFor: "203.0.113.1")) };
        var third = await proxy.SendAsync(LeadFrom(3, forwardedFor: "203.0.113.1"));
        var otherClient = await proxy.SendAsync(LeadFrom(4, forwardedFor: "203.0.113.2"));

        first.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Accepted);
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        otherClient.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Leads_WithoutAConfiguredProxy_IgnoreASpoofedForwardedFor()
    {
        await using var scope = await StartAsync(new() { ["Crm:Leads:PermitsPerMinute"] = "2" });
        var attacker = scope.Host.Anonymous();

        (await attacker.SendAsync(LeadFrom(1, forwardedFor: "203.0.113.1"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await attacker.SendAsync(LeadFrom(2, forwardedFor: "203.0.113.2"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var spoofed = await attacker.SendAsync(LeadFrom(3, forwardedFor: "203.0.113.3"));

        spoofed.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/deals/42", HttpStatusCode.OK)]
    [InlineData("/assets/app.js", HttpStatusCode.OK)]
    [InlineData("/api/health", HttpStatusCode.OK)]
    [InlineData("/api/deals", HttpStatusCode.Unauthorized)]
    [InlineData("/api/nope", HttpStatusCode.NotFound)]
    [InlineData("/favicon.ico", HttpStatusCode.NotFound)]
    public async Task Every_Answer_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        await using var scope = await StartAsync(withApp: true);

        var response = await scope.Host.Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(status);
        response.Headers.GetValues("Content-Security-Policy").ShouldBe([WebEdge.ContentSecurityPolicy]);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
    }

    [Fact]
    public void ContentSecurityPolicy_LetsTheAppLoadOnlyItsOwnCode_AndTalkToItsHub_AndNeverBeFramed()
    {
        var directives = WebEdge.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);

        directives["default-src"].ShouldBe("'self'");
        directives["script-src"].ShouldBe("'self'");
        directives["connect-src"].ShouldBe("'self' ws: wss:");
        directives["img-src"].ShouldBe("'self' data:");
        directives["frame-ancestors"].ShouldBe("'none'");
        directives["base-uri"].ShouldBe("'self'");
        directives["form-action"].ShouldBe("'self'");
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/robots.txt")]
    [InlineData("/assets/nope.js")]
    public async Task MissingFile_Is404ToAnyone_NotAskedForAToken(string path)
    {
        await using var withApp = await StartAsync(withApp: true);
        await using var apiOnly = await StartAsync();

        (await withApp.Host.Anonymous().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await apiOnly.Host.Anonymous().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/designer")]
    [InlineData("/deals/42")]
    public async Task ClientSideRoute_ServesTheApp(string path)
    {
        await using var scope = await StartAsync(withApp: true);

        var response = await scope.Host.Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<div id=root>");
    }

    private sealed class HostScope(CrmTestHost host) : IAsyncDisposable
    {
        public CrmTestHost Host { get; } = host;

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            Host.DeleteData();
        }
    }
}
