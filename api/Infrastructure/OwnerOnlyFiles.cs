namespace Crm.Api.Infrastructure;

/// <summary>
/// The data directory holds the token signing key and the embedded database: readable by the service's own account
/// only (0700 for folders, 0600 for files). Unix only; Windows keeps the folder's inherited ACLs.
/// </summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates (or replaces) a file that is never readable by others, not even for a moment.</summary>
    public static void WriteAllText(string path, string text)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.Write(text);
    }

    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        if (System.IO.Directory.Exists(path))
            Set(path, FolderMode);
        else if (File.Exists(path))
            Set(path, FileMode);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Set(string path, UnixFileMode mode)
    {
        try
        {
            if (File.GetUnixFileMode(path) != mode)
                File.SetUnixFileMode(path, mode);
        }
        catch (UnauthorizedAccessException)
        {
            // A folder configured by an operator and owned by another account: theirs to set, not a reason to refuse to start.
        }
    }
}
