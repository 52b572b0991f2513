using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>A document attached to a deal or a client; its bytes live in the data directory under the record's id.</summary>
public sealed class FileRecord
{
    public required string Id { get; set; }
    public string? DealId { get; set; }
    public string? ClientId { get; set; }
    /// <summary>The name as uploaded, cleaned of paths and control characters: shown and offered on download, never a path on disk.</summary>
    public required string Name { get; set; }
    public long Size { get; set; }
    /// <summary>The type the bytes were recognised as, not the one the client claimed.</summary>
    public required string ContentType { get; set; }
    /// <summary>An id of the <c>fileCategories</c> dictionary.</summary>
    public string? Category { get; set; }
    /// <summary>SHA-256 of the bytes, hex: lets a download check the stored file is the one uploaded.</summary>
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public Instant UploadedAt { get; set; }
}
