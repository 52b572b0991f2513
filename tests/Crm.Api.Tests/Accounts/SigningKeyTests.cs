using System.Net;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Accounts;

/// <summary>The token key: long enough or no start at all; the key file and the database readable by their owner only.</summary>
public sealed class SigningKeyTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task ShortSigningKey_HostRefusesToStart_SayingWhy()
    {
        var data = Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));

        var refused = await Should.ThrowAsync<Exception>(() =>
            CrmTestHost.StartAsync(data, settings: new Dictionary<string, string?> { ["Crm:SigningKey"] = "one secret for every node" }));

        refused.Message.ShouldContain("Crm:SigningKey is shorter than 32 bytes");
        if (TestDatabase.IsPostgres)
            TestDatabase.DropPostgres(TestDatabase.DatabaseNameFor(data));
        System.IO.Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task LongEnoughSigningKey_Starts_AndSignsTokens()
    {
        await using var host = await CrmTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Crm:SigningKey"] = "a configured key of thirty-two bytes!" });
        try
        {
            (await (await host.SignInAsync("anna@crm.local")).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
            File.Exists(Path.Combine(host.DataDirectory, "signing.key")).ShouldBeFalse();
        }
        finally
        {
            host.DeleteData();
        }
    }

    [Fact]
    public async Task GeneratedKey_Database_AndDataFolder_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
            return; // Windows has no Unix modes; the folder keeps its inherited ACLs.
        var root = Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        await using var host = await CrmTestHost.StartAsync(root, settings: new Dictionary<string, string?> { ["Crm:DataDirectory"] = data });
        try
        {
            await host.SignInAsync("anna@crm.local");

            File.GetUnixFileMode(Path.Combine(data, "signing.key")).ShouldBe(OwnerReadWrite);
            File.GetUnixFileMode(data).ShouldBe(OwnerReadWrite | UnixFileMode.UserExecute);
            if (!TestDatabase.IsPostgres)
            {
                File.GetUnixFileMode(Path.Combine(data, "crm.db")).ShouldBe(OwnerReadWrite);
                File.GetUnixFileMode(Path.Combine(data, "crm.db-wal")).ShouldBe(OwnerReadWrite);
            }
        }
        finally
        {
            host.DeleteData();
        }
    }

    [Fact]
    public async Task ExistingKeyFile_ReadableByOthers_IsTightened()
    {
        if (OperatingSystem.IsWindows())
            return; // Windows has no Unix modes.
        var data = Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(data);
        var key = Path.Combine(data, "signing.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(key, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var host = await CrmTestHost.StartAsync(data);
        try
        {
            await host.SignInAsync("anna@crm.local");

            File.GetUnixFileMode(key).ShouldBe(OwnerReadWrite);
        }
        finally
        {
            host.DeleteData();
        }
    }
}
