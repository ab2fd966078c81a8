using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LoTrinh.Web.Features.Extraction;

/// <summary>The text of an uploaded directive, or why there is none.</summary>
public sealed record DocumentText(string? Text, string? Problem, string Format);

/// <summary>
/// Reads a directive file: plain text (UTF-8, UTF-16 or the legacy Windows-1258 code page, detected),
/// Word (.docx: paragraphs with their list numbers, tables as "| … |" rows) or PDF (through
/// <c>pdftotext -layout</c> from poppler-utils). Never throws for a bad file: it says what is wrong.
/// </summary>
public static class DocumentFile
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// A Word file unpacked: a 300-page directive with tables is a few MB of XML. A file that unpacks to
    /// more (a "zip bomb": 0.6 MB that unpacks to gigabytes) is refused before it is parsed.
    /// </summary>
    public const long MaxUnpackedBytes = 64 * 1024 * 1024;

    public const int MaxZipEntries = 2_000;

    public const int MaxPdfPages = 500;

    static DocumentFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<DocumentText> ReadAsync(string fileName, byte[] bytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (bytes.Length == 0)
        {
            return new(null, "Tệp rỗng (0 byte).", extension);
        }

        if (bytes.Length > MaxBytes)
        {
            return new(null, $"Tệp {bytes.Length / 1024 / 1024} MB vượt giới hạn {MaxBytes / 1024 / 1024} MB. Một văn bản chỉ đạo thường dưới 2 MB; hãy kiểm tra lại tệp.", extension);
        }

        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        var isPdf = bytes.Length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
        return extension switch
        {
            ".docx" when !isZip => new(null, "Tệp .docx không hợp lệ: không phải gói Word (zip). Hãy mở bằng Word và lưu lại dạng .docx.", "docx"),
            ".docx" => ReadDocx(bytes),
            ".pdf" when !isPdf => new(null, "Tệp .pdf không hợp lệ: thiếu phần đầu %PDF.", "pdf"),
            ".pdf" => await ReadPdfAsync(bytes, ct),
            ".doc" => new(null, "Định dạng .doc (Word 97–2003) chưa đọc được; hãy lưu lại thành .docx hoặc .pdf.", "doc"),
            ".txt" or ".md" or "" => ReadPlainText(bytes),
            _ => new(null, $"Không đọc được tệp {extension}: chỉ nhận .txt, .docx, .pdf.", extension),
        };
    }

    public static DocumentText ReadPlainText(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        else if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
        {
            text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        }
        else if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            text = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes);
        }
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Vietnamese files from before Unicode: Windows-1258 (tone marks as combining characters; NFC later composes them).
                text = Encoding.GetEncoding(1258).GetString(bytes);
            }
        }

        return new(text, null, "txt");
    }

    private static bool LooksLikeUtf16(byte[] bytes, out bool bigEndian)
    {
        var sample = Math.Min(bytes.Length, 4096) & ~1;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample; i += 2)
        {
            zeroEven += bytes[i] == 0 ? 1 : 0;
            zeroOdd += bytes[i + 1] == 0 ? 1 : 0;
        }

        bigEndian = zeroEven > zeroOdd;
        return sample > 0 && Math.Max(zeroEven, zeroOdd) > sample / 2 / 3;
    }

    private static DocumentText ReadDocx(byte[] bytes)
    {
        try
        {
            if (UnpackProblem(bytes) is { } tooLarge)
            {
                return new(null, tooLarge, "docx");
            }

            using var stream = new MemoryStream(bytes);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return new(null, "Tệp Word không có nội dung.", "docx");
            }

            var numbering = new ListNumbering(document.MainDocumentPart!.NumberingDefinitionsPart?.Numbering);
            var text = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph p:
                        text.Append(numbering.Label(p)).AppendLine(ParagraphText(p));
                        break;
                    case Table table:
                        text.AppendLine();
                        foreach (var row in table.Elements<TableRow>())
                        {
                            var cells = row.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(ParagraphText)).Replace('|', '/').Trim());
                            text.Append("| ").AppendJoin(" | ", cells).AppendLine(" |");
                        }

                        text.AppendLine();
                        break;
                }
            }

            return new(text.ToString(), null, "docx");
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or InvalidOperationException)
        {
            return new(null, $"Tệp Word bị hỏng, không mở được ({e.GetType().Name}).", "docx");
        }
    }

    /// <summary>
    /// Refuses a Word file that unpacks to more than the limit, from the sizes its directory declares, before
    /// anything is unpacked. A zip that under-declares gains nothing: .NET's zip reader stops an entry at its
    /// declared size and fails it if more would come out (dotnet/corefx#38314), so memory stays bounded either way.
    /// </summary>
    private static string? UnpackProblem(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxZipEntries)
        {
            return $"Tệp Word có {zip.Entries.Count:N0} phần bên trong (tối đa {MaxZipEntries:N0}); không phải một văn bản bình thường.";
        }

        return zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes
            ? $"Tệp Word giải nén ra hơn {MaxUnpackedBytes / 1024 / 1024} MB; một văn bản chỉ đạo chỉ vài MB. Tệp có thể bị hỏng hoặc cố ý làm phình; không đọc."
            : null;
    }

    private static string ParagraphText(Paragraph p)
    {
        var s = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case Text t:
                    s.Append(t.Text);
                    break;
                case TabChar:
                    s.Append(' ');
                    break;
                case Break:
                    s.Append('\n');
                    break;
            }
        }

        return s.ToString();
    }

    private static async Task<DocumentText> ReadPdfAsync(byte[] bytes, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lotrinh-{Guid.NewGuid():N}.pdf");
        try
        {
            await File.WriteAllBytesAsync(path, bytes, ct);
            var (infoExit, info, _) = await RunAsync("pdfinfo", [path], ct);
            var pages = infoExit == 0 && System.Text.RegularExpressions.Regex.Match(info, @"^Pages:\s+(\d+)", System.Text.RegularExpressions.RegexOptions.Multiline) is { Success: true } m
                ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : 0;
            if (pages > MaxPdfPages)
            {
                return new(null, $"PDF có {pages:N0} trang (tối đa {MaxPdfPages}); một văn bản chỉ đạo hiếm khi dài hơn. Hãy tách phần văn bản ra.", "pdf");
            }

            var (exit, text, error) = await RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", "-l", MaxPdfPages.ToString(System.Globalization.CultureInfo.InvariantCulture), path, "-"], ct);
            if (exit != 0)
            {
                return new(null, $"Không đọc được tệp PDF: {error.Trim()}", "pdf");
            }

            return text.Count(char.IsLetter) < 20
                ? new(null, "PDF không có lớp chữ (có lẽ là bản quét). Hãy nhận dạng chữ (OCR) rồi tải lên lại.", "pdf")
                : new(text, null, "pdf");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new(null, "Máy chủ chưa cài pdftotext (gói poppler-utils) nên chưa đọc được PDF.", "pdf");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs a poppler tool for at most 60 s (or until cancelled), and ends it, with its children, when it runs over.</summary>
    private static async Task<(int Exit, string Output, string Error)> RunAsync(string tool, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Word's automatic list numbers ("1.", "a)", "-"), which are not in the paragraph's text.</summary>
    private sealed class ListNumbering(Numbering? numbering)
    {
        private readonly Dictionary<(int Num, int Level), int> counters = [];

        public string Label(Paragraph p)
        {
            var props = p.ParagraphProperties?.NumberingProperties;
            if (numbering is null || props?.NumberingId?.Val?.Value is not { } numId)
            {
                return string.Empty;
            }

            var level = props.NumberingLevelReference?.Val?.Value ?? 0;
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)
                ?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
            if (definition is null)
            {
                return string.Empty;
            }

            foreach (var key in counters.Keys.Where(k => k.Num == numId && k.Level > level).ToList())
            {
                counters.Remove(key);
            }

            var count = counters[(numId, level)] = counters.GetValueOrDefault((numId, level), (definition.StartNumberingValue?.Val?.Value ?? 1) - 1) + 1;
            var format = definition.NumberingFormat?.Val?.Value;
            var written = format == NumberFormatValues.Bullet ? "-"
                : format == NumberFormatValues.LowerLetter ? ((char)('a' + count - 1)).ToString()
                : format == NumberFormatValues.UpperRoman ? Roman(count)
                : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var pattern = definition.LevelText?.Val?.Value ?? "%1.";
            var label = format == NumberFormatValues.Bullet ? "-" : pattern.Replace($"%{level + 1}", written, StringComparison.Ordinal);
            return label + " ";
        }

        private static string Roman(int n) => n switch
        {
            <= 0 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => string.Concat(Enumerable.Repeat("X", n / 10)) + (n % 10) switch
            {
                1 => "I",
                2 => "II",
                3 => "III",
                4 => "IV",
                5 => "V",
                6 => "VI",
                7 => "VII",
                8 => "VIII",
                9 => "IX",
                _ => string.Empty,
            },
        };
    }
}
