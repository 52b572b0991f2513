using NodaTime;

namespace Crm.Api.Files;

/// <summary>A file attached to a deal or a client, as the API shows it; <c>contentType</c> is what the bytes were recognised as.</summary>
public sealed record FileView(
    string Id,
    string Name,
    long Size,
    string ContentType,
    string? Category,
    string? CategoryName,
    string? DealId,
    string? ClientId,
    string UploadedBy,
    string? UploadedByName,
    Instant UploadedAt);
