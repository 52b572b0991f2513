using System.Text.Json;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Audit;

/// <summary>Reads the audit trail the way the admin's screen does.</summary>
internal static class AuditApi
{
    public static async Task<List<JsonElement>> EntriesAsync(HttpClient admin, string url) =>
        [.. (await GetAsync(admin, url)).GetProperty("entries").EnumerateArray()];

    public static List<(string Field, string? Before, string? After)> Changes(JsonElement entry) =>
        [.. entry.GetProperty("changes").EnumerateArray().Select(c => (c.Str("field"), c.GetProperty("before").GetString(), c.GetProperty("after").GetString()))];
}
