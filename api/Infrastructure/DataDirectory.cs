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
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }
}
