using System.Net;
using System.Text.Json;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Records;

/// <summary>Small steps the records tests share.</summary>
internal static class RecordsApi
{
    public static async Task<JsonElement> CreateClientAsync(HttpClient client, string name, string? phone = null, string? email = null, string contact = "Irina Sokolova")
    {
        var response = await client.PostJsonAsync("/api/clients", new
        {
            name,
            kind = "company",
            source = "website",
            segments = new[] { "top-100-city" },
            contacts = new[] { new { name = contact, position = "CFO", phones = phone is null ? Array.Empty<string>() : [phone], emails = email is null ? Array.Empty<string>() : [email], birthday = "1980-05-17" } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> CreateDealAsync(HttpClient client, object body, string query = "")
    {
        var response = await client.PostJsonAsync("/api/deals" + query, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static string FirstContactId(JsonElement client) => client.GetProperty("contacts")[0].Str("id");
}
