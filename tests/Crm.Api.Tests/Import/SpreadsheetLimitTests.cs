using System.IO.Compression;
using System.Net;
using System.Text;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Import.ImportApi;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Import;

/// <summary>Files beyond the limits on rows, cells, cell length and zip structure are refused whole, naming the limit.</summary>
public sealed class SpreadsheetLimitTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;
    private HttpClient _admin = null!;
    private int _clientsBefore;

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync();
        _admin = await _host.SignInAsync("admin@crm.local");
        _clientsBefore = (await GetAsync(_admin, "/api/clients")).GetArrayLength();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private async Task ShouldHaveImportedNothingAsync() => (await GetAsync(_admin, "/api/clients")).GetArrayLength().ShouldBe(_clientsBefore);

    [Fact]
    public async Task Import_AnXlsxOfMoreThanAMillionCells_Is400NamingTheLimit()
    {
        // 50,001 rows of 20 cells under a header: 1,000,021 cells, 22 MB of sheet XML.
        var workbook = Workbooks.Zip(sheet =>
        {
            sheet.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>client</t></is></c></row>""");
            var row = new StringBuilder();
            for (var r = 2; r <= 50_002; r++)
            {
                row.Clear().Append($"<row r=\"{r}\">");
                for (var c = 0; c < 20; c++)
                    row.Append($"<c r=\"{(char)('A' + c)}{r}\"><v>{c}</v></c>");
                sheet.Write(row.Append("</row>").ToString());
            }
        }, beforeSheetData: """<dimension ref="A1:T50002"/>""");

        var message = await RefusedAsync(await UploadAsync(_admin, workbook, "clients.xlsx"));

        message.ShouldContain("more than 1,000,000 cells");
        await ShouldHaveImportedNothingAsync();
    }

    [Fact]
    public async Task Import_AnXlsxCellOverTenThousandCharacters_Is400NamingTheCellAndTheLimit()
    {
        var workbook = Workbooks.Write(
        [
            new Dictionary<string, object?> { ["A"] = "client", ["B"] = "contact" },
            new Dictionary<string, object?> { ["A"] = "Short Name", ["B"] = "Anna" },
            new Dictionary<string, object?> { ["A"] = "Long Name", ["B"] = new string('я', 10_001) },
        ]);

        var message = await RefusedAsync(await UploadAsync(_admin, workbook, "clients.xlsx"));

        message.ShouldBe("Cell B3 is longer than 10,000 characters.");
        await ShouldHaveImportedNothingAsync();
    }

    [Fact]
    public async Task Import_ACsvValueOverTenThousandCharacters_Is400NamingTheLineAndTheLimit()
    {
        var csv = Encoding.UTF8.GetBytes($"client,contact\r\nShort,Anna\r\nLong,{new string('x', 10_001)}\r\n");

        var response = await UploadAsync(_admin, csv, "clients.csv");

        (await RefusedAsync(response)).ShouldBe("A value on line 3 is longer than 10,000 characters.");
        await ShouldHaveImportedNothingAsync();
    }

    [Fact]
    public async Task Import_ACsvOfMoreThanAHundredThousandRows_Is400NamingTheLimit()
    {
        var csv = Encoding.UTF8.GetBytes("client\n" + string.Concat(Enumerable.Range(0, 100_001).Select(i => $"c{i}\n")));

        var message = await RefusedAsync(await UploadAsync(_admin, csv, "clients.csv"));

        message.ShouldContain("more than 100,000 rows");
        await ShouldHaveImportedNothingAsync();
    }

    [Fact]
    public async Task Import_ACsvOfMoreThanAMillionCells_Is400NamingTheLimit()
    {
        // 50,001 rows of 21 empty-ish values: a small file, many cells.
        var csv = Encoding.UTF8.GetBytes("client" + new string(',', 20) + "\n" + string.Concat(Enumerable.Repeat("c" + new string(',', 20) + "\n", 50_001)));

        var message = await RefusedAsync(await UploadAsync(_admin, csv, "clients.csv"));

        message.ShouldContain("more than 1,000,000 cells");
        await ShouldHaveImportedNothingAsync();
    }

    [Fact]
    public async Task Import_AnXlsxPartCompressedMoreThanAHundredToOne_Is400NamingTheRatio()
    {
        // 20 MB of sheet XML, well under 50 MB, but deflated about 1,000:1.
        var workbook = Workbooks.Zip(sheet =>
        {
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<row/>", 1 << 14)));
            for (var written = 0; written < 20 << 20; written += chunk.Length)
                sheet.Write(chunk);
        }, CompressionLevel.SmallestSize);

        var message = await RefusedAsync(await UploadAsync(_admin, workbook, "clients.xlsx"));

        message.ShouldContain("compressed more than 100:1");
        await ShouldHaveImportedNothingAsync();
    }

    [Fact]
    public async Task Import_AnXlsxOfMoreThanAThousandParts_Is400NamingTheLimit()
    {
        var workbook = Workbooks.Write([new Dictionary<string, object?> { ["A"] = "client" }, new Dictionary<string, object?> { ["A"] = "Parts Inc" }]);
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < 1_000; i++)
                zip.CreateEntry($"xl/extra/part{i}.xml");
        }

        var message = await RefusedAsync(await UploadAsync(_admin, stream.ToArray(), "clients.xlsx"));

        message.ShouldContain("more than 1,000 parts");
        await ShouldHaveImportedNothingAsync();
    }

    [Theory]
    [InlineData("""<dimension ref="A1:ZZZZZZ1"/>""", """<row r="1"><c r="A1" t="inlineStr"><is><t>client</t></is></c></row>""")]
    [InlineData("", """<row r="1"><c r="A1" t="inlineStr"><is><t>client</t></is></c><c r="XFE1"><v>1</v></c></row>""")]
    public async Task Import_AnXlsxReachingPastColumnXfd_Is400BeforeAnyRowIsBuilt(string dimension, string rows)
    {
        var workbook = Workbooks.Zip(sheet => sheet.Write(rows), beforeSheetData: dimension);

        var response = await UploadAsync(_admin, workbook, "clients.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.Str("detail").ShouldContain("past column XFD");
        problem.GetProperty("errors").GetProperty("file")[0].GetString().ShouldBe(problem.Str("detail"));
        await ShouldHaveImportedNothingAsync();
    }
}
