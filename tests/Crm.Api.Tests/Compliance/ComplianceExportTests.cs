using System.Text;
using ClosedXML.Excel;
using Crm.Api.Compliance;
using NodaTime;

namespace Crm.Api.Tests.Compliance;

public sealed class ComplianceExportTests
{
    private static readonly ManagerComplianceView Row = new("m1", "=HYPERLINK(\"http://x\",\"Boris\")", 2, 1, 1, 0.5, "PT5M", "PT5M", 0, "PT5M");

    [Fact]
    public void Csv_ANameThatLooksLikeAFormula_IsWrittenAsText()
    {
        var text = Encoding.UTF8.GetString(ComplianceExport.Csv([Row])).TrimStart('\uFEFF');
        text.Split("\r\n")[1].ShouldStartWith("m1,\"'=HYPERLINK(");
    }

    [Fact]
    public void Xlsx_ANameThatLooksLikeAFormula_IsATextCell_NotAFormula()
    {
        var period = new ReportPeriod(Instant.FromUtc(2027, 3, 1, 0, 0), Instant.FromUtc(2027, 4, 1, 0, 0), DateTimeZone.Utc);
        using var workbook = new XLWorkbook(new MemoryStream(ComplianceExport.Xlsx([Row], period)));
        var cell = workbook.Worksheet("Compliance").Cell(2, 2);
        cell.HasFormula.ShouldBeFalse();
        cell.GetString().ShouldBe(Row.Name);
    }
}
