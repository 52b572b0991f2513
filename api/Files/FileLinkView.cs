using NodaTime;

namespace Crm.Api.Files;

/// <summary>A signed, short-lived download link.</summary>
public sealed record FileLinkView(string Url, Instant ExpiresAt);
