using System.IO.Compression;
using System.Text;

namespace Crm.Api.Files;

/// <summary>
/// What a file is, read from its bytes: the magic numbers of PDF, PNG and JPEG; the compound-file header of .doc and .xls
/// (told apart by the stream the document keeps: WordDocument or Workbook); the zip of .docx and .xlsx (told apart by
/// their main part, word/document.xml or xl/workbook.xml; the parts are listed, never unpacked); and plain text
/// (no control characters but tabs, line breaks and form feeds) for .txt and .csv. The client's content type is not
/// trusted; a name whose extension says another type than the bytes is refused.
/// </summary>
public static class FileSniffer
{
    public sealed record Kind(string ContentType, IReadOnlyList<string> Extensions);

    public static readonly Kind Pdf = new("application/pdf", [".pdf"]);
    public static readonly Kind Png = new("image/png", [".png"]);
    public static readonly Kind Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);
    public static readonly Kind Doc = new("application/msword", [".doc"]);
    public static readonly Kind Xls = new("application/vnd.ms-excel", [".xls"]);
    public static readonly Kind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly Kind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly Kind Text = new("text/plain; charset=utf-8", [".txt", ".text", ".log"]);
    public static readonly Kind Csv = new("text/csv; charset=utf-8", [".csv"]);

    private static readonly Kind[] All = [Pdf, Png, Jpeg, Doc, Xls, Docx, Xlsx, Text, Csv];

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] CompoundMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] WordStream = Encoding.Unicode.GetBytes("WordDocument");
    private static readonly byte[] WorkbookStream = Encoding.Unicode.GetBytes("Workbook");
    private static readonly byte[] OldWorkbookStream = Encoding.Unicode.GetBytes("Book");

    /// <summary>The kind of the bytes in <paramref name="content"/> (a seekable stream), or an explanation why it is refused.</summary>
    public static (Kind? Kind, string? Problem) Identify(Stream content, string fileName)
    {
        var kind = Detect(content);
        content.Position = 0;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (kind is null)
            return (null, "The file is not a PDF, Word or Excel document, PNG or JPEG image, or a text or CSV file.");
        // A text file named .csv is CSV; any other extension of a known kind must agree with the bytes.
        if (kind == Text && extension == ".csv")
            return (Csv, null);
        if (extension.Length > 0 && !kind.Extensions.Contains(extension))
        {
            var named = All.FirstOrDefault(k => k.Extensions.Contains(extension));
            return (null, named is null
                ? $"Files named '{extension}' are not accepted."
                : $"The file is named '{extension}' but its content is {kind.Extensions[0]}.");
        }
        return (kind, null);
    }

    private static Kind? Detect(Stream content)
    {
        var head = new byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, read);
        if (start.StartsWith(PdfMagic))
            return Pdf;
        if (start.StartsWith(PngMagic))
            return Png;
        if (start.StartsWith(JpegMagic))
            return Jpeg;
        if (start.StartsWith(CompoundMagic))
            return Compound(content);
        if (start.StartsWith(ZipMagic))
            return OfficeZip(content);
        return IsText(content) ? Text : null;
    }

    /// <summary>.doc or .xls: the directory of a compound file names its streams in UTF-16.</summary>
    private static Kind? Compound(Stream content)
    {
        var bytes = ReadAll(content);
        if (bytes.AsSpan().IndexOf(WordStream) >= 0)
            return Doc;
        if (bytes.AsSpan().IndexOf(WorkbookStream) >= 0 || bytes.AsSpan().IndexOf(OldWorkbookStream) >= 0)
            return Xls;
        return null;
    }

    private static Kind? OfficeZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml"))
                return null;
            if (names.Contains("word/document.xml"))
                return Docx;
            if (names.Contains("xl/workbook.xml"))
                return Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>No NUL or other control characters but tab, line feed, carriage return, form feed and escape: text in UTF-8 or a single-byte code page.</summary>
    private static bool IsText(Stream content)
    {
        content.Position = 0;
        var buffer = new byte[81920];
        int read;
        var any = false;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            any = true;
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B))
                    return false;
            }
        }
        return any;
    }

    private static byte[] ReadAll(Stream content)
    {
        content.Position = 0;
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}
