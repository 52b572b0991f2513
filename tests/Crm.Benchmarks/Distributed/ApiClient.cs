using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.Benchmarks.Distributed;

/// <summary>What the load needs of the HTTP API: sign in, publish the load funnel, open deals, move them.</summary>
internal static class ApiClient
{
    /// <summary>Stage "work" with a regulation; "Again" goes round to "work" (the clock is met and a new one starts),
    /// "Done" ends the deal. A deal left alone breaches once, <paramref name="regulation"/> after its last move.</summary>
    public static async Task PublishLoadFunnelAsync(Uri node, string regulation, string id = "load")
    {
        using var admin = await SignInAsync(node, "admin@crm.local");
        var funnel = JsonNode.Parse($$"""
            { "id": "{{id}}", "name": "{{id}}", "calendarId": "24x7", "start": "work",
              "activities": [
                { "id": "work", "type": "Stage", "name": "Work", "outcomes": ["Again", "Done"],
                  "regulation": { "duration": "{{regulation}}" } },
                { "id": "won", "type": "End", "result": "won" } ],
              "connections": [
                { "source": "work", "outcome": "Again", "target": "work" },
                { "source": "work", "outcome": "Done", "target": "won" } ] }
            """)!;
        (await admin.PostAsJsonAsync("/api/workflows", funnel)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/workflows/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    public static async Task<HttpClient> SignInAsync(Uri node, string email)
    {
        var client = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(node, email));
        return client;
    }

    public static async Task<string> TokenAsync(Uri node, string email)
    {
        using var anonymous = new HttpClient { BaseAddress = node };
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = "demo" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<string?> OpenDealAsync(HttpClient client, string title, string workflowId = "load")
    {
        var response = await client.PostAsJsonAsync("/api/deals", new { title, workflowId });
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
    }

    /// <summary>Sends one move; returns the HTTP status, or 0 when no answer came (node down, connection cut).</summary>
    public static async Task<int> MoveAsync(HttpClient client, string dealId)
    {
        try
        {
            using var response = await client.PostAsJsonAsync($"/api/deals/{dealId}/moves", new { outcome = "Again" });
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }
}
