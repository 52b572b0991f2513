using Microsoft.Extensions.Options;

namespace Crm.Api.Infrastructure;

/// <summary>The folder for the embedded database and the signing key; created on first use.</summary>
public sealed class DataDirectory
{
    public DataDirectory(IOptions<CrmOptions> options, IHostEnvironment environment)
    {
        Path = options.Value.DataDirectory is { Length: > 0 } configured
            ? System.IO.Path.GetFullPath(configured, environment.ContentRootPath)
            : System.IO.Path.Combine(environment.ContentRootPath, ".data");
        // Owner-only when it is ours: created here, or the default folder. A configured folder that already exists may be
        // shared (a mount, a parent of other things); its files are tightened one by one instead.
        var ours = !System.IO.Directory.Exists(Path) || options.Value.DataDirectory is not { Length: > 0 };
        System.IO.Directory.CreateDirectory(Path);
        if (ours)
            OwnerOnlyFiles.Restrict(Path);
    }

    public string Path { get; }
}
