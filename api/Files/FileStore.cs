using System.Security.Cryptography;
using Crm.Api.Auth;
using Crm.Api.Clients;
using Crm.Api.Deals;
using Crm.Api.Dictionaries;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Api.Files;

/// <summary>
/// Files attached to deals and clients. The bytes are kept in the data directory's <c>files</c> folder under the record's
/// id (never the uploaded name), readable by the service's account only. A deal's files are seen by who sees the deal; a
/// client's by who works with the client (<see cref="ClientSight"/>). The uploader, the deal's owner or client's
/// responsible manager, heads who see it and admins delete.
/// </summary>
public sealed class FileStore(CrmDbContext db, DataDirectory data, UserDirectory directory, IOptions<CrmOptions> options, IClock clock)
{
    public const string DealTarget = "deal";
    public const string ClientTarget = "client";

    private const int MaxNameLength = 200;

    public long MaxBytes => options.Value.Files.MaxBytes;

    private string Folder
    {
        get
        {
            var folder = Path.Combine(data.Path, "files");
            if (!System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.CreateDirectory(folder);
                OwnerOnlyFiles.Restrict(folder);
            }
            return folder;
        }
    }

    /// <summary>Stores <paramref name="content"/> (already known to be within <see cref="MaxBytes"/>) on the deal or client.</summary>
    public async Task<ServiceResult<FileView>> UploadAsync(Caller caller, string target, string targetId, Stream content, string? fileName, string? category, CancellationToken ct)
    {
        var owner = await OwnerAsync(caller, target, targetId, ct);
        if (owner is null)
            return new ServiceFailure.NotFound($"{(target == DealTarget ? "Deal" : "Client")} '{targetId}' does not exist.");
        var errors = new Dictionary<string, string[]>();
        category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (category is not null && !await db.InDictionaryAsync(DictionaryKinds.FileCategories, category, ct))
            errors["category"] = [$"'{category}' is not in the file-categories dictionary."];
        var name = CleanName(fileName);
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);

        var id = Guid.CreateVersion7().ToString("N");
        var folder = Folder;
        var temporary = Path.Combine(folder, $".upload-{id}");
        var final = Path.Combine(folder, id);
        try
        {
            string sha256;
            long size;
            FileSniffer.Kind kind;
            await using (var stored = new FileStream(temporary, OwnerOnlyCreate()))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await stored.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                size = stored.Length;
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                var (found, problem) = FileSniffer.Identify(stored, name);
                if (found is null)
                    return ServiceFailure.Field("file", problem!);
                kind = found;
            }
            File.Move(temporary, final);
            var record = new FileRecord
            {
                Id = id,
                DealId = target == DealTarget ? targetId : null,
                ClientId = target == ClientTarget ? targetId : owner.ClientId,
                Name = name,
                Size = size,
                ContentType = kind.ContentType,
                Category = category,
                Sha256 = sha256,
                UploadedBy = caller.Id,
                UploadedAt = clock.GetCurrentInstant(),
            };
            db.Files.Add(record);
            await db.SaveChangesAsync(CancellationToken.None);
            return (await ViewsAsync([record], ct))[0];
        }
        catch
        {
            File.Delete(final);
            throw;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<ServiceResult<List<FileView>>> ListAsync(Caller caller, string target, string targetId, CancellationToken ct)
    {
        if (await OwnerAsync(caller, target, targetId, ct) is null)
            return new ServiceFailure.NotFound($"{(target == DealTarget ? "Deal" : "Client")} '{targetId}' does not exist.");
        var query = target == DealTarget ? db.Files.Where(f => f.DealId == targetId) : db.Files.Where(f => f.ClientId == targetId && f.DealId == null);
        var records = await query.AsNoTracking().OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id).ToListAsync(ct);
        return await ViewsAsync(records, ct);
    }

    /// <summary>The categories of the files on a deal: the facts a stage's file requirement is checked against.</summary>
    public async Task<IReadOnlyCollection<string>> CategoriesOnDealAsync(string dealId, CancellationToken ct) =>
        await db.Files.AsNoTracking().Where(f => f.DealId == dealId && f.Category != null).Select(f => f.Category!).Distinct().ToListAsync(ct);

    /// <summary>The file's record when <paramref name="caller"/> may see it.</summary>
    public async Task<FileRecord?> FindVisibleAsync(Caller caller, string fileId, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null)
            return null;
        var owner = file.DealId is { } dealId ? await OwnerAsync(caller, DealTarget, dealId, ct) : await OwnerAsync(caller, ClientTarget, file.ClientId!, ct);
        return owner is null ? null : file;
    }

    /// <summary>Opens the file for a user a download link was made for: 404 when they no longer may see it or are no longer active.</summary>
    public async Task<ServiceResult<FileDownload>> OpenAsync(string userId, string fileId, CancellationToken ct)
    {
        if (directory.Find(userId) is not { Active: true } user)
            return new ServiceFailure.NotFound($"File '{fileId}' does not exist.");
        var file = await FindVisibleAsync(new Caller(user.Id, user.Role, user.TeamId), fileId, ct);
        var path = Path.Combine(Folder, fileId);
        if (file is null || !File.Exists(path))
            return new ServiceFailure.NotFound($"File '{fileId}' does not exist.");
        return new FileDownload(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), file.Name, file.ContentType);
    }

    public async Task<ServiceResult<bool>> DeleteAsync(Caller caller, string fileId, CancellationToken ct)
    {
        var file = await db.Files.FirstOrDefaultAsync(f => f.Id == fileId, ct);
        var owner = file is null ? null
            : file.DealId is { } dealId ? await OwnerAsync(caller, DealTarget, dealId, ct) : await OwnerAsync(caller, ClientTarget, file.ClientId!, ct);
        if (file is null || owner is null)
            return new ServiceFailure.NotFound($"File '{fileId}' does not exist.");
        var mayDelete = caller.IsAdmin || caller.IsHead || file.UploadedBy == caller.Id || (owner.PersonId is not null && owner.PersonId == caller.Id);
        if (!mayDelete)
            return new ServiceFailure.Forbidden("The uploader, the deal's owner (the client's responsible manager), heads and admins delete a file.");
        db.Files.Remove(file);
        await db.SaveChangesAsync(CancellationToken.None);
        File.Delete(Path.Combine(Folder, file.Id));
        return true;
    }

    /// <summary>The deal or client the caller may see, with the person who answers for it; null when not.</summary>
    private async Task<Owner?> OwnerAsync(Caller caller, string target, string targetId, CancellationToken ct)
    {
        if (target == DealTarget)
        {
            var deal = await db.Deals.AsNoTracking().VisibleTo(caller, directory).Where(d => d.Id == targetId)
                .Select(d => new { d.OwnerId, d.ClientId }).FirstOrDefaultAsync(ct);
            return deal is null ? null : new Owner(deal.OwnerId, deal.ClientId);
        }
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == targetId).Select(c => new { c.ResponsibleId }).FirstOrDefaultAsync(ct);
        if (client is null || !await db.WorksWithAsync(caller, directory, targetId, client.ResponsibleId, ct))
            return null;
        return new Owner(client.ResponsibleId, targetId);
    }

    private async Task<List<FileView>> ViewsAsync(IReadOnlyList<FileRecord> records, CancellationToken ct)
    {
        var names = await db.Dictionaries.AsNoTracking().Where(d => d.Kind == DictionaryKinds.FileCategories).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. records.Select(f => new FileView(f.Id, f.Name, f.Size, f.ContentType, f.Category, f.Category is null ? null : names.GetValueOrDefault(f.Category),
            f.DealId, f.ClientId, f.UploadedBy, directory.Find(f.UploadedBy)?.Name, f.UploadedAt))];
    }

    /// <summary>
    /// The name to show and offer on download: the last segment of whatever path the browser sent, without control
    /// characters, at most <see cref="MaxNameLength"/> characters (the extension kept).
    /// </summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '\u2028' or '\u2029'))]).Trim().TrimStart('.');
        if (name.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length <= 10 ? extension : "";
            name = name[..(MaxNameLength - extension.Length)] + extension;
        }
        return name.Length == 0 ? "file" : name;
    }

    private static FileStreamOptions OwnerOnlyCreate()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    private sealed record Owner(string? PersonId, string? ClientId);
}
