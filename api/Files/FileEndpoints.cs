using Crm.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Crm.Api.Files;

/// <summary>
/// Files on deals and clients: upload (multipart, field <c>file</c>, optional <c>category</c>), list, a signed download
/// link, the download itself (by that link only, no token needed: a browser opens it) and delete.
/// </summary>
public static class FileEndpoints
{
    /// <summary>Room for the multipart framing and the category around the file itself.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static void MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<CrmOptions>>().Value.Files.MaxBytes;

        app.MapPost("/api/deals/{id}/files", (string id, HttpContext http, FileStore files, CancellationToken ct) =>
            UploadAsync(FileStore.DealTarget, id, http, files, ct)).WithBodyLimit(maxBytes + FormOverheadBytes);
        app.MapPost("/api/clients/{id}/files", (string id, HttpContext http, FileStore files, CancellationToken ct) =>
            UploadAsync(FileStore.ClientTarget, id, http, files, ct)).WithBodyLimit(maxBytes + FormOverheadBytes);

        app.MapGet("/api/deals/{id}/files", async (string id, HttpContext http, FileStore files, CancellationToken ct) =>
            (await files.ListAsync(http.Caller(), FileStore.DealTarget, id, ct)).ToHttp(list => Results.Ok(list)));
        app.MapGet("/api/clients/{id}/files", async (string id, HttpContext http, FileStore files, CancellationToken ct) =>
            (await files.ListAsync(http.Caller(), FileStore.ClientTarget, id, ct)).ToHttp(list => Results.Ok(list)));

        app.MapGet("/api/files/{id}/link", async (string id, HttpContext http, FileStore files, FileLinks links, NodaTime.IClock clock, CancellationToken ct) =>
        {
            var caller = http.Caller();
            if (await files.FindVisibleAsync(caller, id, ct) is null)
                return Problems.NotFound($"File '{id}' does not exist.");
            return Results.Ok(new FileLinkView(links.Create(id, caller.Id), clock.GetCurrentInstant() + FileLinks.Lifetime));
        });

        // Opened by the browser without the bearer token, so the link itself is the credential; it names the user it was
        // made for, and that user must still see the file. A signed-in request by someone else is refused too.
        app.MapGet("/api/files/{id}/content", async (string id, string? u, long? e, string? s, HttpContext http, FileStore files, FileLinks links, CancellationToken ct) =>
        {
            var userId = links.Verify(id, u, e, s);
            var signedIn = http.User.Identity?.IsAuthenticated == true ? http.Caller().Id : null;
            if (userId is null || (signedIn is not null && signedIn != userId))
                return Problems.NotFound($"File '{id}' does not exist, or the link has expired; ask for a new link.");
            var opened = await files.OpenAsync(userId, id, ct);
            if (!opened.Succeeded(out var download))
                return opened.Failure!.ToHttp();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(download.Content, download.ContentType, download.Name);
        }).AllowAnonymous();

        app.MapDelete("/api/files/{id}", async (string id, HttpContext http, FileStore files, CancellationToken ct) =>
            (await files.DeleteAsync(http.Caller(), id, ct)).ToHttp(_ => Results.NoContent()));
    }

    private static async Task<IResult> UploadAsync(string target, string id, HttpContext http, FileStore files, CancellationToken ct)
    {
        var tooLarge = $"A file may be at most {RequestBodyLimits.Describe(files.MaxBytes)}.";
        if (!http.Request.HasFormContentType)
            return Problems.Validation(new() { ["file"] = ["Send the file as multipart/form-data in a field named 'file'."] });
        IFormFile? file;
        string? category;
        try
        {
            var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = files.MaxBytes + FormOverheadBytes }, ct);
            file = form.Files.GetFile("file");
            category = form["category"].FirstOrDefault();
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return Problems.PayloadTooLarge(tooLarge);
        }
        if (file is null)
            return Problems.Validation(new() { ["file"] = ["Send the file as multipart/form-data in a field named 'file'."] });
        if (file.Length > files.MaxBytes)
            return Problems.PayloadTooLarge(tooLarge);
        await using var content = file.OpenReadStream();
        var result = await files.UploadAsync(http.Caller(), target, id, content, file.FileName, category, ct);
        return result.ToHttp(view => Results.Created($"/api/files/{view.Id}", view));
    }
}
