using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LoTrinh.Core.Extraction;
using LoTrinh.Web.Features.Extraction;

namespace LoTrinh.Web.Tests.Features.Extraction;

/// <summary><c>lotrinh extract</c> and the file reader: every bad file gets a message, never a crash.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lotrinh-extract-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string Plan = "Số: 12/KH-UBND\n\nKẾ HOẠCH\n\nPhát triển đô thị\n\nII. CHỈ TIÊU\n- Tỷ lệ đô thị hóa đến năm 2025 đạt trên 40%.\n\nIII. NHIỆM VỤ\n1. Sở Xây dựng rà soát quy hoạch chung, hoàn thành trong Quý II/2024.\n";

    private FileInfo Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return new FileInfo(path);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(FileInfo file, bool json = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ExtractCommands.ExtractAsync(file, json, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf16")]
    [InlineData("cp1258")]
    public async Task Json_UsesTheAnnotationSchema_WhateverTheEncoding(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = encoding switch
        {
            "utf16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Plan)).ToArray(),
            "cp1258" => Encoding.GetEncoding(1258).GetBytes(Legacy(Plan)),
            _ => Encoding.UTF8.GetBytes(Plan),
        };
        var (exit, output, _) = await Run(Write("plan.txt", bytes), json: true);

        Assert.Equal(0, exit);
        var program = JsonSerializer.Deserialize<ExtractedProgram>(output, Json.Options)!;
        Assert.Equal("12/KH-UBND", program.Document.Number);
        var target = Assert.Single(program.Targets);
        Assert.Equal(("gt", 40m, 2025), (target.Comparator, target.Value!.Value, target.Year!.Value));
        var task = Assert.Single(program.Tasks);
        Assert.Equal(["Sở Xây dựng"], task.Lead);
        Assert.Equal(new DateOnly(2024, 6, 30), task.Deadline?.Due);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(["source", "document", "references", "objectives", "targets", "tasks"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Docx_ParagraphsAndAppendixTable_AreRead()
    {
        var bytes = MinimalDocx(
            "<w:p><w:r><w:t>III. NHIỆM VỤ</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>1. Sở Xây dựng rà soát quy hoạch chung đô thị.</w:t></w:r></w:p>"
            + "<w:tbl>" + Row("TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
            + Row("1", "Lập quy hoạch phân khu trung tâm", "UBND thị xã An Nhơn", "Sở Xây dựng", "Quý IV/2024") + "</w:tbl>");
        var (exit, output, error) = await Run(Write("plan.docx", bytes), json: true);

        Assert.True(exit == 0, error);
        var tasks = JsonSerializer.Deserialize<ExtractedProgram>(output, Json.Options)!.Tasks;
        Assert.Equal(2, tasks.Count);
        Assert.Equal(["UBND thị xã An Nhơn"], tasks[1].Lead);
        Assert.Equal(["Sở Xây dựng"], tasks[1].Cooperating);
        Assert.Equal(new DateOnly(2024, 12, 31), tasks[1].Deadline?.Due);

        static string Row(params string[] cells) => "<w:tr>" + string.Concat(cells.Select(c => $"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>")) + "</w:tr>";
    }

    [Theory]
    [InlineData("empty.txt", "", "rỗng")]
    [InlineData("fake.docx", "not a zip at all", "không phải gói Word")]
    [InlineData("fake.pdf", "hello", "thiếu phần đầu %PDF")]
    [InlineData("notes.odt", "x", "chỉ nhận .txt, .docx, .pdf")]
    public async Task BadFiles_GetAMessage_AndExitTwo(string name, string content, string expected)
    {
        var (exit, _, error) = await Run(Write(name, Encoding.UTF8.GetBytes(content)));
        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryFileNamedTxt_IsRefused()
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray();
        var (exit, _, error) = await Run(Write("image.txt", bytes));
        Assert.Equal(2, exit);
        Assert.Contains("không phải văn bản", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiftyMegabytes_IsRefusedBeforeReading()
    {
        var path = Path.Combine(_dir.FullName, "huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var (exit, _, error) = await Run(new FileInfo(path));
        Assert.Equal(2, exit);
        Assert.Contains("lớn hơn 20 MB", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfWithoutTextLayer_IsExplained()
    {
        // A valid one-page PDF with no text at all: what a scan without OCR looks like to pdftotext.
        const string pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        var (exit, _, error) = await Run(Write("scan.pdf", Encoding.ASCII.GetBytes(pdf)));
        Assert.Equal(2, exit);
        Assert.Contains("PDF", error, StringComparison.Ordinal);
    }

    /// <summary>How Windows-1258 writes Vietnamese: base letters with their vowel marks (ô, ư, ă) precomposed,
    /// tone marks as combining characters after them.</summary>
    private static string Legacy(string text) => string.Concat(text.Select(c =>
    {
        var d = c.ToString().Normalize(NormalizationForm.FormD);
        var tones = string.Concat(d.Where(m => m is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323'));
        return string.Concat(d.Where(m => !tones.Contains(m, StringComparison.Ordinal))).Normalize(NormalizationForm.FormC) + tones;
    }));

    private static byte[] MinimalDocx(string bodyXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Add("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + bodyXml + "</w:body></w:document>");
        }

        return stream.ToArray();
    }
}
