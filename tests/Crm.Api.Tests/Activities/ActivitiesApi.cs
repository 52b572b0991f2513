using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Activities;

/// <summary>Small steps the activity tests share.</summary>
internal static class ActivitiesApi
{
    public static async Task<string> OpenDealAsync(HttpClient client, string title = "Office furniture", string workflowId = "b2b-sales", string? clientId = null)
    {
        var response = await client.PostJsonAsync("/api/deals", new { title, workflowId, clientId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).Str("id");
    }

    public static async Task<JsonElement> PlanAsync(HttpClient client, string dealId, object body)
    {
        var response = await client.PostJsonAsync($"/api/deals/{dealId}/activities", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body, options: CrmTestHost.Json) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static async Task<List<JsonElement>> AlertsAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/alerts?unacknowledged=true")).JsonAsync()).EnumerateArray()];

    public static string Text(NodaTime.Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);
}
