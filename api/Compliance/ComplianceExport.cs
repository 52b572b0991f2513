using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

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
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Compliance");
        for (var i = 0; i < Columns.Length; i++)
            sheet.Cell(1, i + 1).Value = Columns[i];
        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).SetValue(row.ManagerId);
            sheet.Cell(r, 2).SetValue(row.Name);
            sheet.Cell(r, 3).SetValue(row.Measured);
            sheet.Cell(r, 4).SetValue(row.Met);
            sheet.Cell(r, 5).SetValue(row.Breached);
            if (row.Compliance is { } compliance)
            {
                sheet.Cell(r, 6).SetValue(compliance);
                sheet.Cell(r, 6).Style.NumberFormat.Format = "0.00%";
            }
            // Text, not numbers: ISO durations are what the screen and the CSV show.
            sheet.Cell(r, 7).SetValue(row.MedianOverrun ?? "");
            sheet.Cell(r, 8).SetValue(row.P90Overrun ?? "");
            sheet.Cell(r, 9).SetValue(row.OpenOverdue);
            sheet.Cell(r, 10).SetValue(row.LateHeld);
            r++;
        }
        var info = workbook.Worksheets.Add("Period");
        info.Cell(1, 1).SetValue("from");
        info.Cell(1, 2).SetValue(period.From.ToString());
        info.Cell(2, 1).SetValue("to");
        info.Cell(2, 2).SetValue(period.To.ToString());
        info.Cell(3, 1).SetValue("timeZone");
        info.Cell(3, 2).SetValue(period.Zone.Id);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
