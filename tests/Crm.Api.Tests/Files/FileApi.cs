using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Crm.Api.Tests.Files;

/// <summary>Uploads and sample documents the file tests share.</summary>
internal static class FileApi
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] bytes, string name, string? category = null,
        string contentType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", name);
        if (category is not null)
            form.Add(new StringContent(category), "category");
        // Announced, so a body the server refuses by its length is not sent at all (as a browser's upload is cut short).
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }

    public static byte[] Pdf(int size = 0)
    {
        var text = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n";
        var body = Encoding.ASCII.GetBytes(text);
        var padded = new byte[Math.Max(size, body.Length + 6)];
        body.CopyTo(padded, 0);
        for (var i = body.Length; i < padded.Length - 6; i++)
            padded[i] = (byte)('a' + i % 26);
        Encoding.ASCII.GetBytes("%%EOF\n").CopyTo(padded, padded.Length - 6);
        return padded;
    }

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];

    public static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    /// <summary>A zip with the parts an Office document of that kind has (<c>word/document.xml</c> or <c>xl/workbook.xml</c>).</summary>
    public static byte[] OfficeZip(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts.Prepend("[Content_Types].xml"))
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The start of a compound file whose directory names the stream (<c>WordDocument</c> or <c>Workbook</c>).</summary>
    public static byte[] Compound(string stream)
    {
        var bytes = new byte[1536];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(stream).CopyTo(bytes, 1024);
        return bytes;
    }
}
