using System.Text;
using CsvHelper;

namespace Crm.Api.Import;

/// <summary>
/// Reads an uploaded client list: XLSX (first sheet), or CSV in UTF-8 (with or without BOM) or Windows-1251 (what
/// Russian Excel saves as "CSV"), separated by ';', ',' or tabs (CsvHelper detects which). Both within
/// <see cref="SpreadsheetLimits"/>.
/// </summary>
public static class ImportFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (ImportTable? Table, ImportFileError? Error) Read(byte[] bytes, string? fileName)
    {
        if (bytes.Length == 0)
            return (null, new ImportFileError("The file is empty."));
        var zip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (zip || fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true)
            return XlsxTableReader.Read(bytes);
        var (text, encoding, error) = Decode(bytes);
        return error is not null ? (null, error) : ReadCsv(text!, encoding!);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1251; anything with control
    /// characters (UTF-16, a binary file) is refused rather than imported as garbage.</summary>
    internal static (string? Text, string? Encoding, ImportFileError? Error) Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            return (null, null, new ImportFileError("The file is UTF-16 (Excel's \"Unicode text\"); save it as CSV in UTF-8 or Windows-1251."));
        string text;
        string encoding;
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            encoding = "utf-8";
        }
        catch (DecoderFallbackException) when (offset == 0)
        {
            text = Encoding.GetEncoding(1251).GetString(bytes);
            encoding = "windows-1251";
        }
        catch (DecoderFallbackException)
        {
            return (null, null, new ImportFileError("The file starts with a UTF-8 mark but is not valid UTF-8."));
        }
        var bad = text.IndexOfAny([.. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\r' or '\n')).Select(c => (char)c)]);
        if (bad >= 0)
        {
            var line = text.AsSpan(0, bad).Count('\n') + 1;
            return (null, null, new ImportFileError("The file is not text in UTF-8 or Windows-1251 (it has control characters); save it as CSV.", line));
        }
        return (text, encoding, null);
    }

    private static (ImportTable?, ImportFileError?) ReadCsv(string text, string encoding)
    {
        if (UnclosedQuoteLine(text) is { } open)
            return (null, new ImportFileError($"Line {open}: a quoted value is never closed.", open));
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
        };
        var rows = new List<ImportRow>();
        IReadOnlyList<string> header;
        try
        {
            // The reader parses UTF-8; a Windows-1251 file was decoded above and is handed over re-encoded.
            using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(text), options);
            header = [.. reader.Headers];
            if (header.Any(h => h.Length > SpreadsheetLimits.MaxCellChars))
                return (null, SpreadsheetLimits.CellTooLong("A column name on line 1", 1));
            long cellCount = header.Count;
            var read = 0;
            while (reader.Read())
            {
                if (++read > SpreadsheetLimits.MaxRows)
                    return (null, SpreadsheetLimits.TooManyRows());
                cellCount += reader.FieldCount;
                if (cellCount > SpreadsheetLimits.MaxCells)
                    return (null, SpreadsheetLimits.TooManyCells());
                var cells = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
                if (cells.Any(c => c.Length > SpreadsheetLimits.MaxCellChars))
                    return (null, SpreadsheetLimits.CellTooLong($"A value on line {reader.LineNumber}", (int)reader.LineNumber));
                if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
                    rows.Add(new ImportRow((int)reader.LineNumber, cells));
            }
        }
        catch (CsvFormatException ex)
        {
            var line = ex.LineNumber > 0 ? (int?)ex.LineNumber : null;
            return (null, new ImportFileError($"Line {line}: the CSV is malformed ({ex.Message}). Put values with quotes, separators or line breaks in quotes and double the quotes inside (\"\").", line));
        }
        return header.Count == 0
            ? (null, new ImportFileError("The file has no header row."))
            : (new ImportTable(header, rows, "csv", encoding), null);
    }

    /// <summary>RFC 4180 quotes come in pairs; the line where an odd one opens and never closes is the broken one.</summary>
    private static int? UnclosedQuoteLine(string text)
    {
        var inQuotes = false;
        var line = 1;
        var openedAt = 0;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                if (inQuotes)
                    openedAt = line;
            }
            else if (c == '\n')
            {
                line++;
            }
        }
        return inQuotes ? openedAt : null;
    }
}
