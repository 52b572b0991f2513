using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Picture;

namespace Crm.Api.Tests.Import;

/// <summary>XLSX files for the import tests: written by the spreadsheet library, or zipped part by part where a test
/// needs a workbook no spreadsheet program would save (a zip bomb, a lying header, a sheet past column XFD).</summary>
internal static class Workbooks
{
    public const string SheetPath = "xl/worksheets/sheet1.xml";

    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A sheet whose XML is 1 GiB of empty rows, deflated to about 1.5 MB; built once per test run (seconds).</summary>
    public static readonly Lazy<byte[]> Bomb = new(() => Zip(sheet =>
    {
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<row/>", 1 << 17)));
        for (long written = 0; written < 1L << 30; written += chunk.Length)
            sheet.Write(chunk);
    }, CompressionLevel.SmallestSize));

    /// <summary>The first sheet holds <paramref name="rows"/> (a header first) with typed values.</summary>
    public static byte[] Write(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A workbook with a PNG placed over the sheet: xl/media/*.png, an xl/drawings part embedding it, and the
    /// sheet's &lt;drawing&gt; pointing at that part.</summary>
    public static byte[] WithPicture(byte[] workbook, string cell)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        stream.Position = 0;
        MiniExcel.AddPicture(stream, new MiniExcelPicture { ImageBytes = Png, PictureType = "image/png", CellAddress = cell, SheetName = "Sheet1" });
        return stream.ToArray();
    }

    /// <summary>A workbook of one sheet whose &lt;sheetData&gt; content the caller writes.</summary>
    public static byte[] Zip(Action<Stream> writeRows, CompressionLevel level = CompressionLevel.Optimal, string beforeSheetData = "")
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Clients" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """);
            using var sheet = zip.CreateEntry(SheetPath, level).Open();
            sheet.Write(Encoding.UTF8.GetBytes(
                $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{beforeSheetData}<sheetData>"""));
            writeRows(sheet);
            sheet.Write("</sheetData></worksheet>"u8);
        }
        return stream.ToArray();
    }

    public static void Write(this Stream stream, string xml) => stream.Write(Encoding.UTF8.GetBytes(xml));

    /// <summary>A copy of <paramref name="zip"/> whose headers (local and central) declare <paramref name="size"/>
    /// inflated bytes for the part at <paramref name="path"/>, whatever its data inflates to.</summary>
    public static byte[] DeclaringSize(byte[] zip, string path, uint size)
    {
        var copy = zip.ToArray();
        var span = copy.AsSpan();
        var end = span.LastIndexOf("PK\u0005\u0006"u8);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 10)..]);
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 16)..]);
        for (var i = 0; i < count; i++)
        {
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 28)..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 30)..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 32)..]);
            if (Encoding.UTF8.GetString(span.Slice(at + 46, nameLength)) == path)
            {
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(at + 42)..]);
                BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 24)..], size);
                BinaryPrimitives.WriteUInt32LittleEndian(span[(local + 22)..], size);
                return copy;
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        throw new InvalidOperationException($"{path} is not in the zip.");
    }

    private static void Part(ZipArchive zip, string path, string text)
    {
        using var part = zip.CreateEntry(path).Open();
        part.Write(text);
    }
}
