namespace Crm.Api.Import;

/// <summary>
/// How much an uploaded client list may hold once read. An XLSX is a zip, and 10 MB of zip can inflate to gigabytes, so
/// the archive is measured before a byte of it is parsed and the cells are counted while they are read; a CSV gets the
/// same caps on rows, cells and cell length. Every refusal names its limit and imports nothing.
/// </summary>
public static class SpreadsheetLimits
{
    /// <summary>All parts of an XLSX together, inflated: what its headers declare and what they really hold.</summary>
    public const long MaxExpandedBytes = 50L * 1024 * 1024;

    /// <summary>Parts in an XLSX; a client list has a dozen, a workbook with pictures some more.</summary>
    public const int MaxArchiveEntries = 1_000;

    /// <summary>Parts larger than this must not be compressed more than <see cref="MaxCompressionRatio"/>:1. Real sheet
    /// XML compresses 5–30:1; the 1,000:1 that deflate can reach is what a zip bomb is made of.</summary>
    public const long RatioCheckedAboveBytes = 1024 * 1024;

    public const int MaxCompressionRatio = 100;

    /// <summary>Data rows (the header not counted); for an XLSX, empty rows between data rows count too.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Cells read, empty ones inside the sheet's used width included.</summary>
    public const int MaxCells = 1_000_000;

    public const int MaxCellChars = 10_000;

    private const string OverLimit = "over-limit";

    internal static ImportFileError ExpandsTooMuch() =>
        new($"The spreadsheet expands to more than {MaxExpandedBytes / (1024 * 1024)} MB when unzipped; split it or remove pictures.", Code: OverLimit);

    internal static ImportFileError TooManyEntries() =>
        new($"The spreadsheet is a zip of more than {MaxArchiveEntries:N0} parts; save it again from a spreadsheet program.", Code: OverLimit);

    internal static ImportFileError CompressedTooMuch() =>
        new($"A part of the spreadsheet is compressed more than {MaxCompressionRatio}:1, as zip bombs are; save it again from a spreadsheet program.", Code: OverLimit);

    internal static ImportFileError PartLargerThanDeclared() =>
        new("A part of the spreadsheet holds other data than its zip header declares (more bytes, or a wrong checksum); the file is damaged or crafted.", Code: OverLimit);

    internal static ImportFileError TooManyRows() =>
        new($"The file has more than {MaxRows:N0} rows; split it.", Code: OverLimit);

    internal static ImportFileError TooManyCells() =>
        new($"The file has more than {MaxCells:N0} cells; split it or remove unused columns.", Code: OverLimit);

    /// <summary>"Cell B7 is longer…", "A value on line 3 is longer…".</summary>
    internal static ImportFileError CellTooLong(string which, int? line = null) =>
        new($"{which} is longer than {MaxCellChars:N0} characters.", line, OverLimit);
}
