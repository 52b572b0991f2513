namespace Crm.Api.Files;

/// <summary>An opened file ready to stream.</summary>
public sealed record FileDownload(Stream Content, string Name, string ContentType);
