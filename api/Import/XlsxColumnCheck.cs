using System.IO.Compression;
using System.Xml;

namespace Crm.Api.Import;

/// <summary>
/// Refuses a worksheet that reaches past Excel's last column, XFD (16,384). The spreadsheet reader gives every row as
/// many cells as the widest reference it meets (the sheet's dimension, or a cell's address) before a row can be
/// counted, so a crafted reference such as "ZZZZZZ1" would allocate hundreds of millions of cells for the first row.
/// No file a spreadsheet program saves is refused here.
/// </summary>
internal static class XlsxColumnCheck
{
    public const int MaxColumns = 16_384;

    private static readonly XmlReaderSettings Settings = new() { IgnoreComments = true, IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static ImportFileError? Refusal(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.TrimStart('/');
                if (name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                    && !FitsTheColumns(entry))
                {
                    return new ImportFileError($"A sheet of the workbook reaches past column XFD ({MaxColumns:N0} columns); the file is damaged or crafted.");
                }
            }
            return null;
        }
        // Whatever a damaged zip or malformed XML makes the readers throw, it is not a workbook.
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return XlsxArchiveCheck.NotAWorkbook;
        }
    }

    private static bool FitsTheColumns(ZipArchiveEntry entry)
    {
        using var part = entry.Open();
        using var reader = XmlReader.Create(part, Settings);
        var cellsInRow = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            if (reader.LocalName == "row")
            {
                cellsInRow = 0;
            }
            else if (reader.LocalName == "c")
            {
                // Cells without an address are placed one after another: their count is the row's width.
                cellsInRow++;
                if (cellsInRow > MaxColumns || !WithinColumns(reader.GetAttribute("r")))
                    return false;
            }
            else if (reader.LocalName == "dimension" && !(reader.GetAttribute("ref") ?? "").Split(':').All(WithinColumns))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A reference's letters ("XFD" of "XFD7") name a column no further than the last; none is fine too.</summary>
    private static bool WithinColumns(string? reference)
    {
        var column = 0;
        foreach (var c in reference ?? "")
        {
            if (!char.IsAsciiLetter(c))
                break;
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (column > MaxColumns)
                return false;
        }
        return true;
    }
}
