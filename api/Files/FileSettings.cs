namespace Crm.Api.Files;

/// <summary>Files attached to deals and clients (section <c>Crm:Files</c>).</summary>
public sealed class FileSettings
{
    /// <summary>The largest file accepted; a larger one is refused with 413. 20 MB by default.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
