using Crm.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Import;

public static class ImportEndpoints
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    // Room for the multipart envelope around a file of the maximum size.
    private const long MaxRequestBytes = MaxFileBytes + 64 * 1024;

    public static void MapImportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/import/clients", async (bool? preview, HttpContext http, ClientImport import, CancellationToken ct) =>
        {
            var caller = http.Caller();
            if (!(caller.IsAdmin || caller.IsHead))
                return Problems.Forbidden("Admins and heads import clients.");
            var tooLarge = $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB; split it.";
            if (http.Request.ContentLength > MaxRequestBytes)
                return Problems.PayloadTooLarge(tooLarge);
            if (!http.Request.HasFormContentType)
                return Problems.BadRequest("Send the file as multipart/form-data in a field named 'file'.");
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxRequestBytes;
            IFormFile? file;
            try
            {
                var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }, ct);
                file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return Problems.PayloadTooLarge(tooLarge);
            }
            if (file is null)
                return Problems.BadRequest("Send the file as multipart/form-data in a field named 'file'.");
            if (file.Length > MaxFileBytes)
                return Problems.PayloadTooLarge(tooLarge);
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var (table, error) = ImportFileReader.Read(buffer.ToArray(), file.FileName);
            if (error is not null)
            {
                return Results.Problem(detail: error.Message, statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be read.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["code"] = error.Code,
                        ["line"] = error.Line,
                        ["errors"] = new Dictionary<string, string[]> { ["file"] = [error.Message] },
                    });
            }
            ImportReport report;
            bool written;
            try
            {
                (report, written) = await import.RunAsync(table!, preview == true, ct, caller.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.Conflict("Some of these clients or contacts were changed while the file was imported; nothing was imported. Send it again.", "stale-version");
            }
            if (preview == true || written)
                return Results.Ok(report);
            return Results.Problem(
                detail: $"{report.BadRows.Count} problem(s) in {report.Rows} row(s); nothing was imported. Fix them and send the file again.",
                statusCode: StatusCodes.Status400BadRequest, title: "The file has bad rows.",
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = "bad-rows",
                    ["badRows"] = report.BadRows,
                    ["errors"] = report.BadRows.GroupBy(b => $"row {b.Row}").ToDictionary(g => g.Key, g => g.Select(b => b.Column is null ? b.Reason : $"{b.Column}: {b.Reason}").ToArray()),
                });
        }).WithBodyLimit(MaxRequestBytes);
}
