using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Import;

public sealed class ImportTests : IAsyncLifetime
{
    private const string Header = "client,kind,segments,source,contact,position,phone,email,birthday";

    private CrmTestHost _host = null!;
    private HttpClient _admin = null!;
    private int _clientsBefore;

    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync();
        _admin = await _host.SignInAsync("admin@crm.local");
        _clientsBefore = await CountAsync("/api/clients");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string fileName = "clients.csv", bool preview = false, HttpClient? client = null)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(bytes), "file", fileName);
        return await (client ?? _admin).PostAsync($"/api/import/clients{(preview ? "?preview=true" : "")}", content);
    }

    private static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    private static readonly string[] Good =
    [
        Header,
        "Romashka Home LLC,company,top-100-city,website,Irina Sokolova,CFO,+7 (495) 987-65-43,irina@romashka.test,1980-05-17",
        "Romashka Home LLC,company,,,Oleg Petrov,CEO,8 495 111 43 21,,",
        "\"Vector Bank, JSC\",company,\"banks-region;top-100-city\",Cold call,Pavel Orlov,,+7 812 444-10-20,p.orlov@vector.test,17.05.1975",
    ];

    private async Task<int> CountAsync(string url) => (await GetAsync(_admin, url)).GetArrayLength();

    [Fact]
    public async Task Preview_ListsEveryBadRowWithItsLineAndReason_AndWritesNothing()
    {
        var file = Utf8(Header,
            "Good One,company,,,Anna,,+7 900 000-00-01,,",
            ",company,,,Nobody,,,,",
            "Bad Mail,company,,,Boris,,,boris-at-example,",
            "Bad Segment,company,moon-base,,,,,,",
            "Bad Kind,spaceship,,,,,,,",
            "Bad Birthday,person,,,Clara,,,,31.02.1990");

        var response = await UploadAsync(file, preview: true);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.JsonAsync();
        report.GetProperty("preview").GetBoolean().ShouldBeTrue();
        report.GetProperty("rows").GetInt32().ShouldBe(6);
        report.GetProperty("valid").GetInt32().ShouldBe(1);
        var bad = report.GetProperty("badRows").EnumerateArray().Select(b => (b.GetProperty("row").GetInt32(), b.Str("column"))).ToList();
        bad.ShouldBe([(3, "client"), (4, "emails"), (5, "segments"), (6, "kind"), (7, "birthday")]);
        report.GetProperty("badRows").EnumerateArray().ShouldAllBe(b => b.Str("reason").Length > 0);
        (await CountAsync("/api/clients")).ShouldBe(_clientsBefore);
    }

    [Fact]
    public async Task Import_WithAnyBadRow_Is400AndWritesNothing()
    {
        var response = await UploadAsync(Utf8([.. Good, ",company,,,Nobody,,,,"]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.Str("code").ShouldBe("bad-rows");
        problem.GetProperty("badRows")[0].GetProperty("row").GetInt32().ShouldBe(5);
        problem.GetProperty("errors").TryGetProperty("row 5", out _).ShouldBeTrue();
        (await CountAsync("/api/clients")).ShouldBe(_clientsBefore);
    }

    [Fact]
    public async Task Import_AGoodFile_CreatesClientsAndContacts_AndImportingItAgainCreatesNoDuplicates()
    {
        var first = await UploadAsync(Utf8(Good));
        var again = await UploadAsync(Utf8(Good));

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var report = await first.JsonAsync();
        report.GetProperty("clients").GetProperty("created").GetInt32().ShouldBe(2);
        report.GetProperty("contacts").GetProperty("created").GetInt32().ShouldBe(3);
        var second = await again.JsonAsync();
        second.GetProperty("clients").GetProperty("created").GetInt32().ShouldBe(0);
        second.GetProperty("contacts").GetProperty("created").GetInt32().ShouldBe(0);
        second.GetProperty("contacts").GetProperty("matched").GetInt32().ShouldBe(3);
        var clients = await GetAsync(_admin, "/api/clients");
        var ours = clients.EnumerateArray().Where(c => c.Str("name") is "Romashka Home LLC" or "Vector Bank, JSC").ToList();
        ours.Select(c => c.Str("name")).ShouldBe(["Romashka Home LLC", "Vector Bank, JSC"]);
        var vector = ours[1];
        vector.Str("source").ShouldBe("cold-call");
        vector.GetProperty("segments").EnumerateArray().Select(s => s.GetString()).ShouldBe(["banks-region", "top-100-city"]);
        var pavel = (await GetAsync(_admin, $"/api/clients/{vector.Str("id")}/contacts"))[0];
        pavel.Str("birthday").ShouldBe("1975-05-17");
        (await CountAsync($"/api/clients/{ours[0].Str("id")}/contacts")).ShouldBe(2);
    }

    [Fact]
    public async Task Import_ThousandsOfRows_AreImportedOnce()
    {
        var lines = new List<string> { Header };
        for (var i = 0; i < 5000; i++)
            lines.Add($"Client {i / 2},company,,,Person {i},,+7 900 {i:D3}-{i % 100:D2}-{i / 100 % 100:D2},person{i}@bulk.test,");
        var file = Utf8([.. lines]);

        var first = await UploadAsync(file);
        var again = await UploadAsync(file);

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var report = await first.JsonAsync();
        report.GetProperty("clients").GetProperty("created").GetInt32().ShouldBe(2500);
        report.GetProperty("contacts").GetProperty("created").GetInt32().ShouldBe(5000);
        var second = await again.JsonAsync();
        second.GetProperty("clients").GetProperty("created").GetInt32().ShouldBe(0);
        second.GetProperty("clients").GetProperty("matched").GetInt32().ShouldBe(2500);
        second.GetProperty("contacts").GetProperty("created").GetInt32().ShouldBe(0);
        second.GetProperty("contacts").GetProperty("matched").GetInt32().ShouldBe(5000);
        (await CountAsync("/api/clients?q=client%201249")).ShouldBe(1);
    }

    [Fact]
    public async Task Import_AWindows1251ExportWithSemicolons_ReadsTheCyrillic()
    {
        var text = "Клиент;Тип;Контакт;Должность;Телефон;Почта\r\nООО «Ромашка»;компания;Ирина Соколова;Финансовый директор;+7 495 987-65-43;irina@romashka.test\r\n";
        var response = await UploadAsync(Encoding.GetEncoding(1251).GetBytes(text));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).Str("encoding").ShouldBe("windows-1251");
        var client = (await GetAsync(_admin, "/api/clients?q=" + Uri.EscapeDataString("ромашка")))[0];
        client.Str("name").ShouldBe("ООО «Ромашка»");
        var contact = (await GetAsync(_admin, $"/api/clients/{client.Str("id")}/contacts"))[0];
        contact.Str("name").ShouldBe("Ирина Соколова");
        contact.Str("position").ShouldBe("Финансовый директор");
        (await GetAsync(_admin, "/api/search?q=" + Uri.EscapeDataString("ирина"))).GetProperty("contacts").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Import_Utf8WithABom_Works()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("клиент,контакт\r\nЛуч,Мария\r\n")).ToArray();

        var response = await UploadAsync(bytes);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).Str("encoding").ShouldBe("utf-8");
        (await GetAsync(_admin, "/api/clients?q=" + Uri.EscapeDataString("луч")))[0].Str("name").ShouldBe("Луч");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16-no-bom")]
    [InlineData("binary")]
    public async Task Import_TextInAnotherEncodingOrNotText_Is400AndWritesNothing(string kind)
    {
        var text = "client,contact\r\nLuch,Maria\r\n";
        var bytes = kind switch
        {
            "utf-16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            "utf-16-no-bom" => Encoding.Unicode.GetBytes(text),
            _ => [0x00, 0x01, 0x02, 0x03, 0xFF, 0x10, 0x11, 0x12],
        };

        var response = await UploadAsync(bytes);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).Str("detail").ShouldNotBeNullOrWhiteSpace();
        (await CountAsync("/api/clients")).ShouldBe(_clientsBefore);
    }

    [Theory]
    [InlineData("Luch,\"Maria,+7 900 000-00-01", 3)]
    [InlineData("Luch,\"Maria\"x,+7 900 000-00-01", 3)]
    public async Task Import_MalformedCsv_Is400NamingTheLine(string broken, int line)
    {
        var response = await UploadAsync(Utf8("client,contact,phone", "Good,Anna,+7 900 000-00-02", broken, "After,Boris,+7 900 000-00-03"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("line").GetInt32().ShouldBe(line);
        problem.Str("detail").ShouldContain($"Line {line}");
        (await CountAsync("/api/clients")).ShouldBe(_clientsBefore);
    }

    [Fact]
    public async Task Import_AFileOver10Megabytes_Is413AndWritesNothing()
    {
        var row = Encoding.UTF8.GetBytes("Big Client,company,,,Someone,,,,\r\n");
        var bytes = new byte[10 * 1024 * 1024 + 1024];
        var header = Encoding.UTF8.GetBytes(Header + "\r\n");
        header.CopyTo(bytes, 0);
        for (var at = header.Length; at + row.Length <= bytes.Length; at += row.Length)
            row.CopyTo(bytes, at);

        var response = await UploadAsync(bytes);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("10 MB");
        (await CountAsync("/api/clients")).ShouldBe(_clientsBefore);
    }

    [Fact]
    public async Task Import_AnXlsxWorkbook_ReadsNumbersAndDatesAsTyped()
    {
        var workbook = Workbooks.Write(
        [
            Row("Компания", "Контакт", "Телефон", "Дата рождения"),
            Row("Север Сталь", "Павел Орлов", 88124441020L, new DateTime(1975, 5, 17, 0, 0, 0, DateTimeKind.Unspecified)),
        ]);

        var response = await UploadAsync(workbook, "clients.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).Str("format").ShouldBe("xlsx");
        var client = (await GetAsync(_admin, "/api/clients?q=" + Uri.EscapeDataString("север")))[0];
        client.Str("name").ShouldBe("Север Сталь");
        var contact = (await GetAsync(_admin, $"/api/clients/{client.Str("id")}/contacts"))[0];
        contact.GetProperty("phones")[0].GetString().ShouldBe("88124441020");
        contact.Str("birthday").ShouldBe("1975-05-17");
    }

    [Fact]
    public async Task Import_AnXlsxWithAPicture_ImportsItsRows()
    {
        var workbook = Workbooks.WithPicture(Workbooks.Write(
        [
            Row("client", "contact", "phone"),
            Row("Picture Works", "Vera Lis", "+7 900 555-01-02"),
            Row("Frame & Co", "Ilya Ros", "+7 900 555-01-03"),
        ]), "E2");
        using (var zip = new ZipArchive(new MemoryStream(workbook)))
        {
            zip.Entries.ShouldContain(e => e.FullName.StartsWith("xl/media/", StringComparison.Ordinal) && e.FullName.EndsWith(".png", StringComparison.Ordinal));
            var drawing = zip.Entries.Single(e => e.FullName.StartsWith("xl/drawings/drawing", StringComparison.Ordinal));
            new StreamReader(drawing.Open()).ReadToEnd().ShouldContain("r:embed=");
            XDocument.Load(zip.GetEntry(Workbooks.SheetPath)!.Open()).Descendants().ShouldContain(e => e.Name.LocalName == "drawing");
        }

        var response = await UploadAsync(workbook, "clients.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.JsonAsync();
        report.GetProperty("clients").GetProperty("created").GetInt32().ShouldBe(2);
        report.GetProperty("ignoredColumns").GetArrayLength().ShouldBe(0);
        (await GetAsync(_admin, "/api/clients?q=" + Uri.EscapeDataString("frame & co")))[0].Str("name").ShouldBe("Frame & Co");
    }

    private static Dictionary<string, object?> Row(params object?[] cells) =>
        cells.Select((value, i) => (Key: ((char)('A' + i)).ToString(), value)).ToDictionary(c => c.Key, c => c.value);

    [Fact]
    public async Task Import_NotAWorkbook_Is400_AndManagersMayNotImport()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        (await UploadAsync([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "clients.xlsx")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await UploadAsync(Utf8(Good), client: anna)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noFile = await _admin.PostAsync("/api/import/clients", new StringContent("{}", Encoding.UTF8, "application/json"));
        noFile.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await noFile.Content.ReadAsStringAsync()).RootElement.Str("detail").ShouldContain("multipart");
    }
}
