using System.Net;
using System.Text;
using System.Text.Json;
using Crm.Api.Infrastructure;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Hardening;

/// <summary>Every text a user can store has a limit, and bodies have a size limit: over either is refused and nothing is stored.</summary>
public sealed class TextLimitTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Move_WithATenMegabyteComment_Is413AndStoresNothing()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var (id, version, outcome) = await FirstDealAsync(admin);
        var body = JsonSerializer.Serialize(new { outcome, comment = new string('x', 10 * 1024 * 1024) });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/deals/{id}/moves") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        // A client that announces its body waits for the verdict before sending 10 MB; the server refuses by Content-Length.
        request.Headers.ExpectContinue = true;

        var response = await admin.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
        (await FirstDealAsync(admin)).Version.ShouldBe(version);
    }

    [Fact]
    public async Task Move_WithACommentOverItsLimit_Is400NamingCommentAndStoresNothing()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var (id, version, outcome) = await FirstDealAsync(admin);

        var response = await admin.PostJsonAsync($"/api/deals/{id}/moves", new { outcome, comment = new string('x', TextLimits.Comment + 1) });

        await OutOfRangeInputTests.ShouldBeRejectedAsync(response, "comment");
        (await FirstDealAsync(admin)).Version.ShouldBe(version);
    }

    [Fact]
    public async Task Workflow_AChunkedFiveMegabyteDefinition_Is413AndStoresNothing()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var activities = string.Join(",", Enumerable.Range(0, 70_000).Select(i => $"{{\"id\":\"s{i}\",\"type\":\"Stage\",\"name\":\"Stage number {i}\",\"outcomes\":[\"Next\"]}}"));
        var json = Encoding.UTF8.GetBytes($"{{\"id\":\"huge\",\"name\":\"Huge\",\"start\":\"s0\",\"activities\":[{activities}],\"connections\":[]}}");
        json.Length.ShouldBeGreaterThan(5 * 1024 * 1024);
        // No Content-Length: the limit must hold while the body is read.
        var content = new StreamContent(new ChunkedStream(json));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await admin.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await admin.GetAsync("/api/workflows/huge")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Workflow_WithTooManyActivities_Is400NamingActivities()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var activities = Enumerable.Range(0, TextLimits.DefinitionActivities + 1).Select(i => new { id = $"s{i}", type = "Stage", name = $"S{i}", outcomes = new[] { "Next" } });

        var response = await admin.PostJsonAsync("/api/workflows", new { id = "wide", name = "Wide", start = "s0", activities, connections = Array.Empty<object>() });

        await OutOfRangeInputTests.ShouldBeRejectedAsync(response, "activities");
        (await admin.GetAsync("/api/workflows/wide")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateDeal_WithTooManyOrTooLongFields_Is400NamingFields()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var many = Enumerable.Range(0, TextLimits.FieldCount + 1).ToDictionary(i => $"f{i}", i => (object)i);
        var longName = new Dictionary<string, object> { [new string('n', TextLimits.FieldName + 1)] = 1 };
        var longValue = new Dictionary<string, object> { ["note"] = new string('v', TextLimits.FieldValue + 1) };

        foreach (var fields in new[] { many, longName, longValue })
        {
            var response = await admin.PostJsonAsync("/api/deals", new { title = "Fields", workflowId = "b2b-sales", fields });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.JsonAsync()).GetProperty("errors").EnumerateObject().ShouldContain(p => p.Name.StartsWith("fields", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("/api/deals", "title")]
    [InlineData("/api/clients", "name")]
    [InlineData("/api/teams", "name")]
    [InlineData("/api/users", "name")]
    public async Task Create_WithANameOverTheLimit_Is400NamingIt(string url, string field)
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var name = new string('я', TextLimits.Name + 1);
        object body = url switch
        {
            "/api/deals" => new { title = name, workflowId = "b2b-sales" },
            "/api/clients" => new { name, kind = "company" },
            "/api/teams" => new { id = "long-team", name },
            _ => new { email = "long@crm.local", name, role = "manager", password = "A-long-Passw0rd-for-tests" },
        };

        var response = await admin.PostJsonAsync(url, body);

        await OutOfRangeInputTests.ShouldBeRejectedAsync(response, field);
    }

    [Fact]
    public async Task NextStep_WithAWhatOverTheLimit_Is400NamingWhat()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var (id, version, _) = await FirstDealAsync(admin);

        var response = await admin.PutJsonAsync($"/api/deals/{id}/next-step", new { at = "2027-03-02T09:00:00Z", what = new string('w', TextLimits.Short + 1) });

        await OutOfRangeInputTests.ShouldBeRejectedAsync(response, "what");
        (await FirstDealAsync(admin)).Version.ShouldBe(version);
    }

    private static async Task<(string Id, int Version, string Outcome)> FirstDealAsync(HttpClient client)
    {
        var deals = await (await client.GetAsync("/api/deals?state=open")).JsonAsync();
        var first = deals[0];
        return (first.Str("id"), first.GetProperty("version").GetInt32(), first.GetProperty("outcomes")[0].GetString()!);
    }

    /// <summary>A stream whose length is unknown, so the client sends it chunked.</summary>
    private sealed class ChunkedStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
