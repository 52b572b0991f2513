using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Crm.Api.Import;

/// <summary>
/// Reads the first sheet of an XLSX: its first row with anything in it is the header, the rows below are data, numbered
/// as the sheet numbers them. Dates read as yyyy-MM-dd and whole numbers (phones typed as numbers) without exponent or
/// decimals. The archive and the sheets' width are checked first (<see cref="XlsxArchiveCheck"/>,
/// <see cref="XlsxColumnCheck"/>) and rows, cells and cell length are capped while reading (<see cref="SpreadsheetLimits"/>).
/// </summary>
internal static class XlsxTableReader
{
    public static (ImportTable? Table, ImportFileError? Error) Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        if (XlsxArchiveCheck.Refusal(stream) is { } refusal)
            return (null, refusal);
        stream.Position = 0;
        if (XlsxColumnCheck.Refusal(stream) is { } tooWide)
            return (null, tooWide);
        stream.Position = 0;
        var used = new List<ImportRow>();
        var width = 0;
        try
        {
            long cells = 0;
            var number = 0;
            // The reader yields every row from the first, empty ones too, so the count is the sheet's row number.
            foreach (var row in stream.Query(excelType: ExcelType.XLSX, configuration: Configuration()).Cast<IDictionary<string, object?>>())
            {
                number++;
                if (number > SpreadsheetLimits.MaxRows + 1)
                    return (null, SpreadsheetLimits.TooManyRows());
                cells += row.Count;
                if (cells > SpreadsheetLimits.MaxCells)
                    return (null, SpreadsheetLimits.TooManyCells());
                var texts = new List<string>();
                foreach (var (column, value) in row)
                {
                    var text = CellText(value);
                    if (text.Length > SpreadsheetLimits.MaxCellChars)
                        return (null, SpreadsheetLimits.CellTooLong($"Cell {column}{number}"));
                    if (text.Length == 0)
                        continue;
                    var index = ColumnIndex(column);
                    while (texts.Count <= index)
                        texts.Add("");
                    texts[index] = text;
                }
                if (texts.Any(t => !string.IsNullOrWhiteSpace(t)))
                {
                    used.Add(new ImportRow(number, texts));
                    width = Math.Max(width, texts.Count);
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, XlsxArchiveCheck.NotAWorkbook);
        }
        if (used.Count == 0)
            return (null, new ImportFileError("The workbook's first sheet is empty."));
        IReadOnlyList<string> Padded(ImportRow row) => [.. row.Cells, .. Enumerable.Repeat("", width - row.Cells.Count)];
        return (new ImportTable(Padded(used[0]), [.. used.Skip(1).Select(r => r with { Cells = Padded(r) })], "xlsx", null), null);
    }

    private static OpenXmlConfiguration Configuration() => new()
    {
        // A cell reading "@@@fileid@@@,<path>" would otherwise load that part of the archive into the cell as bytes.
        EnableConvertByteArray = false,
        // The archive check bounds the shared strings; no temporary files for them.
        EnableSharedStringCache = false,
        FillMergedCells = false,
        IgnoreEmptyRows = false,
    };

    private static string CellText(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // Phones typed without formatting are numbers to Excel; read them back without exponent or decimals.
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>"A" is 0, "Z" 25, "AA" 26.</summary>
    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters)
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
