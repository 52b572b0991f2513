using System.Net;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Import;

/// <summary>Small steps the import tests share.</summary>
internal static class ImportApi
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(bytes), "file", fileName);
        return await client.PostAsync("/api/import/clients", content);
    }

    /// <summary>The upload is a 400 over a limit; returns what <c>errors.file</c> says.</summary>
    public static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.JsonAsync();
        problem.Str("code").ShouldBe("over-limit");
        var file = problem.GetProperty("errors").GetProperty("file");
        file.GetArrayLength().ShouldBe(1);
        file[0].GetString().ShouldBe(problem.Str("detail"));
        return file[0].GetString()!;
    }
}
