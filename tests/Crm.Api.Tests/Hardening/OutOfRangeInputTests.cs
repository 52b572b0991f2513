using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Hardening;

/// <summary>Instants and durations far outside 1900–2200 and ten years of working time are 400s naming the field, never 500s.</summary>
public sealed class OutOfRangeInputTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Theory]
    [InlineData("P2147483647W")]
    [InlineData("PT9223372036854775807S")]
    [InlineData("PT87601H")]
    public async Task Deadline_WithAnAbsurdDuration_Is400NamingDuration(string duration)
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var response = await anna.PostJsonAsync("/api/calendars/moscow/deadline", new { start = "2027-03-12T14:00:00Z", duration });

        await ShouldBeRejectedAsync(response, "duration");
    }

    [Fact]
    public async Task Deadline_StartingInYearOne_Is400NamingStart()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var response = await anna.PostJsonAsync("/api/calendars/moscow/deadline", new { start = "0001-01-01T00:00:00Z", duration = "PT4H" });

        await ShouldBeRejectedAsync(response, "start");
    }

    [Fact]
    public async Task Deadline_ThatWouldFallAfter2200_Is400NamingDuration()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var response = await anna.PostJsonAsync("/api/calendars/moscow/deadline", new { start = "2199-06-01T09:00:00Z", duration = "P1000D" });

        await ShouldBeRejectedAsync(response, "duration");
    }

    [Fact]
    public async Task WorkingTime_FromYearOneTo9999_Is400Quickly()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var watch = Stopwatch.StartNew();

        var response = await anna.PostJsonAsync("/api/calendars/moscow/working-time", new { from = "0001-01-01T00:00:00Z", to = "9999-12-31T00:00:00Z" });

        await ShouldBeRejectedAsync(response, "from");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WorkingTime_ToYear9999_Is400NamingTo()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var response = await anna.PostJsonAsync("/api/calendars/moscow/working-time", new { from = "2027-03-01T00:00:00Z", to = "9999-12-31T00:00:00Z" });

        await ShouldBeRejectedAsync(response, "to");
    }

    [Fact]
    public async Task WorkingTime_OverElevenYears_Is400NamingTo()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var response = await anna.PostJsonAsync("/api/calendars/moscow/working-time", new { from = "2027-03-01T00:00:00Z", to = "2038-03-01T00:00:00Z" });

        await ShouldBeRejectedAsync(response, "to");
    }

    [Fact]
    public async Task WorkingTime_StartWithTheWrongType_Is400NamingIt()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var response = await anna.PostJsonAsync("/api/calendars/moscow/working-time", new { from = 42, to = "2027-03-02T00:00:00Z" });

        await ShouldBeRejectedAsync(response, "from");
    }

    [Fact]
    public async Task Deadline_MalformedJson_Is400ProblemDetails()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var response = await anna.PostAsync("/api/calendars/moscow/deadline", new StringContent("{\"start\": ", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=1800-01-01T00:00:00Z", "from")]
    [InlineData("from=2000-01-01&to=2027-01-01", "from")]
    public async Task ComplianceManagers_WithAPeriodOutOfRange_Is400NamingTheBound(string query, string field)
    {
        var head = await _host.SignInAsync("head@crm.local");

        var response = await head.GetAsync($"/api/compliance/managers?{query}");

        await ShouldBeRejectedAsync(response, field);
    }

    [Fact]
    public async Task Publish_ARegulationOfP2147483647W_Is400AndPublishesNothing()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var funnel = JsonNode.Parse("""
            { "id": "forever", "name": "Forever", "calendarId": "moscow", "start": "first",
              "activities": [
                { "id": "first", "type": "Stage", "name": "First", "outcomes": ["Won"], "regulation": { "duration": "P2147483647W", "warnBefore": "PT9223372036854775807S" } },
                { "id": "won", "type": "End", "result": "won" } ],
              "connections": [ { "source": "first", "outcome": "Won", "target": "won" } ] }
            """)!;
        (await admin.PostJsonAsync("/api/workflows", funnel)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var publish = await admin.PostAsync("/api/workflows/forever/publish", null);

        publish.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await publish.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        errors.ShouldContain(e => e.Str("activityId") == "first" && e.Str("code") == "bad-duration");
        (await (await admin.GetAsync("/api/workflows/forever")).JsonAsync()).GetProperty("publishedVersion").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task NextStep_InYear9999_Is400NamingAtAndLeavesTheDeal()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var (id, version) = await FirstDealAsync(admin);

        var response = await admin.PutJsonAsync($"/api/deals/{id}/next-step", new { at = "9999-12-31T23:59:59Z", what = "Call back" });

        await ShouldBeRejectedAsync(response, "at");
        (await FirstDealAsync(admin)).Version.ShouldBe(version);
    }

    [Fact]
    public async Task Interaction_InYearOne_Is400NamingAtAndRecordsNothing()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var (id, version) = await FirstDealAsync(admin);
        var journal = (await (await admin.GetAsync($"/api/deals/{id}/interactions")).JsonAsync()).GetArrayLength();

        var response = await admin.PostJsonAsync($"/api/deals/{id}/interactions", new { kind = "call", at = "0001-01-01T00:00:00Z", text = "Called" });

        await ShouldBeRejectedAsync(response, "at");
        (await FirstDealAsync(admin)).Version.ShouldBe(version);
        (await (await admin.GetAsync($"/api/deals/{id}/interactions")).JsonAsync()).GetArrayLength().ShouldBe(journal);
    }

    private static async Task<(string Id, int Version)> FirstDealAsync(HttpClient client)
    {
        var deals = await (await client.GetAsync("/api/deals")).JsonAsync();
        var first = deals[0];
        return (first.Str("id"), first.GetProperty("version").GetInt32());
    }

    internal static async Task ShouldBeRejectedAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"'{field}' is not named in {text}");
    }
}
