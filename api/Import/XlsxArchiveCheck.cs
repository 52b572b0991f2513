using System.IO.Compression;
using System.IO.Hashing;

namespace Crm.Api.Import;

/// <summary>
/// Measures an XLSX's zip before the spreadsheet reader sees it, so that a zip bomb is refused before it expands: the
/// number of parts, the inflated sizes the central directory declares, the compression ratio of large parts; then every
/// part is inflated into nothing, counted against what was declared and checked against its CRC-32. .NET stops inflating
/// a part at its declared size, so a header that understates a part truncates it; the checksum shows that, and the
/// count shows a runtime that would not stop. What passes here inflates, when read again, to the sizes measured here.
/// </summary>
internal static class XlsxArchiveCheck
{
    public static readonly ImportFileError NotAWorkbook = new("The file is not a readable XLSX workbook.");

    /// <summary>Why the archive must not be read, or null when it may.</summary>
    public static ImportFileError? Refusal(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > SpreadsheetLimits.MaxArchiveEntries)
                return SpreadsheetLimits.TooManyEntries();
            long declared = 0;
            foreach (var entry in entries)
            {
                declared += entry.Length;
                if (entry.Length > SpreadsheetLimits.MaxExpandedBytes || declared > SpreadsheetLimits.MaxExpandedBytes)
                    return SpreadsheetLimits.ExpandsTooMuch();
                if (entry.Length > SpreadsheetLimits.RatioCheckedAboveBytes
                    && entry.Length > SpreadsheetLimits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    return SpreadsheetLimits.CompressedTooMuch();
                }
            }
            var buffer = new byte[81920];
            foreach (var entry in entries)
            {
                if (!InflatesAsDeclared(entry, buffer))
                    return SpreadsheetLimits.PartLargerThanDeclared();
            }
            return null;
        }
        // Whatever a damaged or foreign zip makes the reader throw, it is not a workbook.
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return NotAWorkbook;
        }
    }

    private static bool InflatesAsDeclared(ZipArchiveEntry entry, byte[] buffer)
    {
        var crc = new Crc32();
        long inflated = 0;
        using var part = entry.Open();
        int read;
        while ((read = part.Read(buffer)) > 0)
        {
            inflated += read;
            if (inflated > entry.Length)
                return false;
            crc.Append(buffer.AsSpan(0, read));
        }
        return inflated == entry.Length && crc.GetCurrentHashAsUInt32() == entry.Crc32;
    }
}
