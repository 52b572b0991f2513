namespace Crm.Api.Import;

/// <summary>A file read into cells: the header and each data row with its line (CSV) or row (XLSX) number.</summary>
public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<ImportRow> Rows, string Format, string? Encoding);

public sealed record ImportRow(int Number, IReadOnlyList<string> Cells);

/// <summary>Why a file could not be read at all: what is wrong and, for a malformed CSV, on which line. The code is
/// <c>unreadable-file</c>, or <c>over-limit</c> for a file beyond <see cref="SpreadsheetLimits"/>.</summary>
public sealed record ImportFileError(string Message, int? Line = null, string Code = "unreadable-file");
