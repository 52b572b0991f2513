using System.Text;
using Crm.Api.Files;

namespace Crm.Api.Tests.Files;

/// <summary>The type of an uploaded file comes from its bytes; the name's extension may not contradict them.</summary>
public sealed class FileSnifferTests
{
    public static TheoryData<string, byte[], string?> Samples => new()
    {
        { "offer.pdf", FileApi.Pdf(), "application/pdf" },
        { "scan.png", FileApi.Png, "image/png" },
        { "photo.JPG", FileApi.Jpeg, "image/jpeg" },
        { "contract.docx", FileApi.OfficeZip("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "prices.xlsx", FileApi.OfficeZip("xl/workbook.xml", "xl/worksheets/sheet1.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "old.doc", FileApi.Compound("WordDocument"), "application/msword" },
        { "old.xls", FileApi.Compound("Workbook"), "application/vnd.ms-excel" },
        { "notes.txt", Encoding.UTF8.GetBytes("Позвонить в пятницу\r\n"), "text/plain; charset=utf-8" },
        { "clients.csv", Encoding.UTF8.GetBytes("name;phone\nРомашка;+7 495 123\n"), "text/csv; charset=utf-8" },
        { "no-extension", FileApi.Pdf(), "application/pdf" },
        { "scan.pdf", FileApi.Png, null },
        { "prices.docx", FileApi.OfficeZip("xl/workbook.xml"), null },
        { "archive.docx", FileApi.OfficeZip("readme.txt"), null },
        { "contract.pdf", FileApi.OfficeZip("word/document.xml"), null },
        { "tool.exe", FileApi.Executable, null },
        { "tool.txt", FileApi.Executable, null },
        { "page.html", Encoding.UTF8.GetBytes("<html></html>"), null },
        { "empty.txt", [], null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Identify_FromTheBytes_AcceptsWhatTheyAreAndRefusesAMismatch(string name, byte[] bytes, string? expected)
    {
        using var content = new MemoryStream(bytes);

        var (kind, problem) = FileSniffer.Identify(content, name);

        kind?.ContentType.ShouldBe(expected);
        if (expected is null)
        {
            kind.ShouldBeNull();
            problem.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData("КП для Ромашки.pdf", "КП для Ромашки.pdf")]
    [InlineData("C:\\Users\\anna\\Desktop\\offer.pdf", "offer.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("bad\r\nname\".pdf", "badname.pdf")]
    [InlineData("", "file")]
    [InlineData("..", "file")]
    public void CleanName_DropsPathsAndControlCharacters_KeepsCyrillic(string given, string expected) =>
        FileStore.CleanName(given).ShouldBe(expected);
}
