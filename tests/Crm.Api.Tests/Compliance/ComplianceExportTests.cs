using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Crm.Api.Compliance;
using MiniExcelLibs;
using NodaTime;

namespace Crm.Api.Tests.Compliance;

public sealed class ComplianceExportTests
{
    private static readonly ManagerComplianceView Row = new("m1", "=HYPERLINK(\"http://x\",\"Boris\")", 2, 1, 1, 0.5, "PT5M", "PT5M", 0, "PT5M");
    private static readonly ManagerComplianceView Unmeasured = new("m2", "Anna", 0, 0, 0, null, null, null, 1, "PT0S");
    private static readonly ReportPeriod Period = new(Instant.FromUtc(2027, 3, 1, 0, 0), Instant.FromUtc(2027, 4, 1, 0, 0), DateTimeZone.Utc);

    [Fact]
    public void Csv_ANameThatLooksLikeAFormula_IsWrittenAsText()
    {
        var text = Encoding.UTF8.GetString(ComplianceExport.Csv([Row])).TrimStart('\uFEFF');
        text.Split("\r\n")[1].ShouldStartWith("m1,\"'=HYPERLINK(");
    }

    [Fact]
    public void Xlsx_ANameThatLooksLikeAFormula_IsATextCell_NotAFormula()
    {
        var bytes = ComplianceExport.Xlsx([Row], Period);

        var name = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "Compliance").Cast<IDictionary<string, object?>>().Single()["name"];
        name.ShouldBe(Row.Name);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            var cells = XDocument.Load(sheet.Open()).Descendants().Where(e => e.Name.LocalName == "c").ToList();
            cells.ShouldNotBeEmpty();
            cells.SelectMany(c => c.Elements()).ShouldAllBe(e => e.Name.LocalName != "f", $"{sheet.FullName} has a formula");
        }
    }

    [Fact]
    public void Xlsx_HasTheColumnsOfTheJson_ARowPerManager_AndThePeriod()
    {
        var bytes = ComplianceExport.Xlsx([Row, Unmeasured], Period);

        using var stream = new MemoryStream(bytes);
        MiniExcel.GetSheetNames(stream).ShouldBe(["Compliance", "Period"]);
        var rows = new MemoryStream(bytes).Query(sheetName: "Compliance").Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        rows.Count.ShouldBe(3);
        rows[0].ShouldBe(ComplianceExport.Columns);
        rows[1].ShouldBe(["m1", Row.Name, 2d, 1d, 1d, 0.5, "PT5M", "PT5M", 0d, "PT5M"]);
        rows[2].ShouldBe(["m2", "Anna", 0d, 0d, 0d, null, null, null, 1d, "PT0S"]);
        var period = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "Period").Cast<IDictionary<string, object?>>().Single();
        period.ShouldBe(new Dictionary<string, object?> { ["from"] = "2027-03-01T00:00:00Z", ["to"] = "2027-04-01T00:00:00Z", ["timeZone"] = "UTC" });
        using var zip = new ZipArchive(new MemoryStream(bytes));
        new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd().ShouldContain("formatCode=\"0.00%\"");
    }
}
