using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Crm.Api.Compliance;

/// <summary>
/// The managers table as files. The same rows as the screen, the same column names as its JSON, the same values:
/// compliance is the rounded fraction (0.6667, shown as a percentage in the spreadsheet), overruns are ISO durations.
/// </summary>
public static class ComplianceExport
{
    public static readonly string[] Columns =
        ["managerId", "name", "measured", "met", "breached", "compliance", "medianOverrun", "p90Overrun", "openOverdue", "lateHeld"];

    public static string FileName(ReportPeriod period, string extension) =>
        FormattableString.Invariant($"compliance-managers-{period.FirstDate:yyyy-MM-dd}-to-{period.LastDate:yyyy-MM-dd}.{extension}");

    public static byte[] Csv(IReadOnlyList<ManagerComplianceView> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default, leaveOpen: true))
        {
            foreach (var column in Columns)
                csv.WriteField(column);
            csv.EndRecord();
            foreach (var row in rows)
            {
                csv.WriteField(Text(row.ManagerId));
                csv.WriteField(Text(row.Name));
                csv.WriteField(Number(row.Measured));
                csv.WriteField(Number(row.Met));
                csv.WriteField(Number(row.Breached));
                csv.WriteField(row.Compliance?.ToString("0.####", CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(row.MedianOverrun ?? "");
                csv.WriteField(row.P90Overrun ?? "");
                csv.WriteField(Number(row.OpenOverdue));
                csv.WriteField(row.LateHeld);
                csv.EndRecord();
            }
        }
        // A byte-order mark, so that spreadsheet programs read names in any script as UTF-8.
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A name a spreadsheet would run as a formula ("=HYPERLINK(…)") is written with a leading apostrophe, which
    /// spreadsheets show as plain text (OWASP's advice for CSV injection). The XLSX writes text cells, never formulas.</summary>
    private static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static byte[] Xlsx(IReadOnlyList<ManagerComplianceView> rows, ReportPeriod period)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Compliance"] = rows.Select(r => new ComplianceSheetRow(r.ManagerId, r.Name, r.Measured, r.Met, r.Breached, r.Compliance,
                r.MedianOverrun ?? "", r.P90Overrun ?? "", r.OpenOverdue, r.LateHeld)),
            ["Period"] = new[] { new PeriodSheetRow(period.From.ToString(), period.To.ToString(), period.Zone.Id) },
        };
        using var stream = new MemoryStream();
        // Strings are written as values (t="str" with <v>), never as formulas (<f>), whatever they start with.
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { EnableConvertByteArray = false, EnableWriteFilePath = false });
        return stream.ToArray();
    }

    // Text, not numbers, for the overruns: ISO durations are what the screen and the CSV show.
    private sealed record ComplianceSheetRow(
        [property: ExcelColumnName("managerId")] string ManagerId,
        [property: ExcelColumnName("name")] string Name,
        [property: ExcelColumnName("measured")] long Measured,
        [property: ExcelColumnName("met")] long Met,
        [property: ExcelColumnName("breached")] long Breached,
        [property: ExcelColumnName("compliance"), ExcelFormat("0.00%")] double? Compliance,
        [property: ExcelColumnName("medianOverrun")] string MedianOverrun,
        [property: ExcelColumnName("p90Overrun")] string P90Overrun,
        [property: ExcelColumnName("openOverdue")] long OpenOverdue,
        [property: ExcelColumnName("lateHeld")] string LateHeld);

    private sealed record PeriodSheetRow(
        [property: ExcelColumnName("from")] string From,
        [property: ExcelColumnName("to")] string To,
        [property: ExcelColumnName("timeZone")] string TimeZone);
}
