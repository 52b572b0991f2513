using System.Diagnostics;
using Crm.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static Crm.Api.Tests.Import.ImportApi;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Import;

/// <summary>
/// A zip bomb (1 GiB of sheet XML in about 1.5 MB) is refused before it expands, and the server's managed memory after a
/// full collection is back where it was. The same bomb with headers that understate its sheet is caught while reading.
/// </summary>
[Collection(nameof(MemoryMeasured))]
public sealed class ZipBombTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long Margin = 50L * 1024 * 1024;

    private CrmTestHost _host = null!;
    private HttpClient _admin = null!;
    private int _clientsBefore;

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync();
        _admin = await _host.SignInAsync("admin@crm.local");
        _clientsBefore = (await GetAsync(_admin, "/api/clients")).GetArrayLength();
        // A first workbook read warms up what any first request loads (JIT, the spreadsheet reader's statics).
        var warmUp = Workbooks.Write([new Dictionary<string, object?> { ["A"] = "client" }, new Dictionary<string, object?> { ["A"] = "Warm Up" }]);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(warmUp), "file", "warm.xlsx" } };
        (await _admin.PostAsync("/api/import/clients?preview=true", content)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Import_AZipBomb_Is400BeforeItExpands_AndTheServerMemoryReturns()
    {
        var bomb = Workbooks.Bomb.Value;

        var (message, elapsed, allocated, grown) = await UploadMeasuredAsync(bomb);

        output.WriteLine($"bomb: {bomb.Length:N0} bytes zipped, 400 in {elapsed.TotalMilliseconds:N0} ms");
        message.ShouldBe("The spreadsheet expands to more than 50 MB when unzipped; split it or remove pictures.");
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        // Reading even a tenth of the gigabyte would allocate more than this.
        allocated.ShouldBeLessThan(Margin);
        grown.ShouldBeLessThan(Margin);
        (await GetAsync(_admin, "/api/clients")).GetArrayLength().ShouldBe(_clientsBefore);
    }

    [Fact]
    public async Task Import_AZipBombWhoseHeadersUnderstateItsSheet_Is400WhileReading_AndTheServerMemoryReturns()
    {
        // The headers say 10 MB: under the total, and a ratio of about 7:1; only reading the part shows the lie.
        var lying = Workbooks.DeclaringSize(Workbooks.Bomb.Value, Workbooks.SheetPath, 10 * 1024 * 1024);

        var (message, elapsed, allocated, grown) = await UploadMeasuredAsync(lying);

        output.WriteLine($"lying header: 400 in {elapsed.TotalMilliseconds:N0} ms");
        message.ShouldContain("holds other data than its zip header declares");
        allocated.ShouldBeLessThan(Margin);
        grown.ShouldBeLessThan(Margin);
        (await GetAsync(_admin, "/api/clients")).GetArrayLength().ShouldBe(_clientsBefore);
    }

    /// <summary>Uploads, and measures the time to the answer, what the process allocated meanwhile and how much more
    /// managed memory it holds after a full collection than before.</summary>
    private async Task<(string Message, TimeSpan Elapsed, long Allocated, long Grown)> UploadMeasuredAsync(byte[] workbook)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        using var response = await UploadAsync(_admin, workbook, "clients.xlsx");
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var message = await RefusedAsync(response);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"managed memory after a full GC: before {before:N0} bytes, after {after:N0} bytes; allocated during the request {allocated:N0} bytes");
        return (message, watch.Elapsed, allocated, after - before);
    }
}
