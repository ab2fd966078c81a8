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

    [Fact]
    public async Task APdfPlan_WithItsAppendixTableInColumns_IsReadThroughPdftotext_TasksWithLeadsAndTimes()
    {
        // The page as a printer lays it out: the appendix table's cells at their columns, long cells wrapped
        // onto the next line with the row's number cell empty.
        var page = new List<(double X, double Y, string Text)>
        {
            (40, 560, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"), (40, 546, "Số: 15/KH-UBND"),
            (300, 526, "KẾ HOẠCH"), (240, 512, "Phát triển đô thị tỉnh Lâm Đồng năm 2025"),
            (40, 490, "I. NHIỆM VỤ"),
            (40, 476, "1. Sở Xây dựng rà soát quy hoạch chung đô thị, hoàn thành trong Quý II/2025."),
            (300, 450, "PHỤ LỤC"), (240, 436, "DANH MỤC NHIỆM VỤ TRỌNG TÂM"),
            (40, 414, "TT"), (70, 414, "Nội dung nhiệm vụ"), (320, 414, "Cơ quan chủ trì"), (470, 414, "Cơ quan phối hợp"), (650, 414, "Thời gian"),
            (40, 396, "1"), (70, 396, "Rà soát, điều chỉnh quy hoạch chung"), (320, 396, "Sở Xây dựng"), (470, 396, "Sở Tài chính,"), (650, 396, "Quý IV/2025"),
            (70, 384, "đô thị Đà Lạt đến năm 2045"), (470, 384, "UBND các xã"),
            (40, 366, "2"), (70, 366, "Lập đề án công nhận đô thị loại IV"), (320, 366, "UBND xã Đức"), (470, 366, "Sở Xây dựng"), (650, 366, "2026 - 2030"),
            (320, 354, "Trọng"),
        };
        var (exit, output, error) = await Run(Write("ke-hoach.pdf", TextPdf(page)), json: true);

        Assert.True(exit == 0, error);
        var program = JsonSerializer.Deserialize<ExtractedProgram>(output, Json.Options)!;
        Assert.Equal("15/KH-UBND", program.Document.Number);
        Assert.Equal(3, program.Tasks.Count);
        var first = program.Tasks[1];
        Assert.Equal("Rà soát, điều chỉnh quy hoạch chung đô thị Đà Lạt đến năm 2045", first.Text);
        Assert.Equal(["Sở Xây dựng"], first.Lead);
        Assert.Equal(["Sở Tài chính", "UBND các xã"], first.Cooperating);
        Assert.Equal(new DateOnly(2025, 12, 31), first.Deadline?.Due);
        Assert.Equal(["UBND xã Đức Trọng"], program.Tasks[2].Lead);
        Assert.Equal(new DateOnly(2030, 12, 31), program.Tasks[2].Deadline?.Due);
    }

    /// <summary>
    /// A one-page PDF with text at the given points (Courier 9 pt). Letters outside ASCII are given codes from
    /// 128 up and a ToUnicode map, as a PDF writer embedding a subset font would, so pdftotext reads them back.
    /// </summary>
    private static byte[] TextPdf(IEnumerable<(double X, double Y, string Text)> runs)
    {
        var codes = new Dictionary<char, byte>();
        var content = new List<byte>();
        foreach (var (x, y, text) in runs)
        {
            content.AddRange(Encoding.ASCII.GetBytes(FormattableString.Invariant($"BT /F1 9 Tf 1 0 0 1 {x} {y} Tm (")));
            foreach (var c in text)
            {
                var code = c < 128 ? (byte)c : codes.TryGetValue(c, out var known) ? known : codes[c] = (byte)(128 + codes.Count);
                if (code is (byte)'(' or (byte)')' or (byte)'\\')
                {
                    content.Add((byte)'\\');
                }

                content.Add(code);
            }

            content.AddRange(Encoding.ASCII.GetBytes(") Tj ET\n"));
        }

        var map = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /LoTrinh def 1 begincodespacerange <00> <FF> endcodespacerange\n");
        var all = Enumerable.Range(32, 95).Select(i => ((char)i, (byte)i)).Concat(codes.Select(p => (p.Key, p.Value))).ToList();
        foreach (var chunk in all.Chunk(100))
        {
            map.Append(FormattableString.Invariant($"{chunk.Length} beginbfchar\n"));
            foreach (var (c, code) in chunk)
            {
                map.Append(FormattableString.Invariant($"<{code:X2}> <{(int)c:X4}>\n"));
            }

            map.Append("endbfchar\n");
        }

        map.Append("endcmap CMapName currentdict /CMap defineresource pop end end\n");
        var objects = new List<byte[]>
        {
            Encoding.ASCII.GetBytes("<</Type/Catalog/Pages 2 0 R>>"),
            Encoding.ASCII.GetBytes("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            Encoding.ASCII.GetBytes("<</Type/Page/Parent 2 0 R/MediaBox[0 0 842 595]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>"),
            Encoding.ASCII.GetBytes("<</Type/Font/Subtype/Type1/BaseFont/Courier/FirstChar 32/LastChar 255/Widths[" + string.Join(' ', Enumerable.Repeat("600", 224)) + "]/ToUnicode 6 0 R>>"),
            Stream([.. content]),
            Stream(Encoding.ASCII.GetBytes(map.ToString())),
        };
        var pdf = new List<byte>(Encoding.ASCII.GetBytes("%PDF-1.4\n"));
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Count);
            pdf.AddRange(Encoding.ASCII.GetBytes(FormattableString.Invariant($"{i + 1} 0 obj\n")));
            pdf.AddRange(objects[i]);
            pdf.AddRange(Encoding.ASCII.GetBytes("\nendobj\n"));
        }

        var xref = pdf.Count;
        var table = new StringBuilder(FormattableString.Invariant($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            table.Append(FormattableString.Invariant($"{offset:D10} 00000 n \n"));
        }

        table.Append(FormattableString.Invariant($"trailer<</Size {objects.Count + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n"));
        pdf.AddRange(Encoding.ASCII.GetBytes(table.ToString()));
        return [.. pdf];

        static byte[] Stream(byte[] body) =>
            [.. Encoding.ASCII.GetBytes(FormattableString.Invariant($"<</Length {body.Length}>>stream\n")), .. body, .. Encoding.ASCII.GetBytes("\nendstream")];
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
