using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Crm.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.Tests.Accounts;

/// <summary>What the account tests do through the API: sign in and keep the answer, act as an admin, read a user row.</summary>
internal static class Accounts
{
    public const string NewPassword = "Tundra-Lantern-42";

    public static async Task<HttpResponseMessage> SignInRawAsync(this CrmTestHost host, string email, string password) =>
        await host.Anonymous().PostAsJsonAsync("/api/auth/token", new { email, password });

    public static async Task<string> TokenAsync(this CrmTestHost host, string email, string password = "demo")
    {
        var response = await host.SignInRawAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).Str("accessToken");
    }

    public static HttpClient WithToken(this CrmTestHost host, string token)
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task EditUserAsync(this CrmTestHost host, string id, object change)
    {
        var admin = await host.SignInAsync("admin@crm.local");
        var response = await admin.PutJsonAsync($"/api/users/{id}", change);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<UserRecord> UserRowAsync(this CrmTestHost host, string id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    public static async Task SetPasswordHashAsync(this CrmTestHost host, string id, string hash)
    {
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash));
        await host.Services.GetRequiredService<UserDirectory>().ReloadAsync();
    }

    /// <summary>A problem body without its per-request <c>traceId</c>, as text, for comparing two answers.</summary>
    public static async Task<string> ProblemWithoutTraceAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    public static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.JsonAsync()).TryGetProperty("code", out var code) ? code.GetString() : null;
}
