using System.Text;
using System.Text.RegularExpressions;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>The text every span points into: one paragraph per line, repaired.</summary>
/// <param name="Repairs">What was changed, in words a reviewer understands ("Bỏ 2 số trang").</param>
/// <param name="Footnotes">Footnote bodies lifted out of the running text.</param>
public sealed record NormalisedText(string Text, IReadOnlyList<string> Repairs, IReadOnlyList<string> Footnotes);

/// <summary>
/// Repairs what Word exports, PDF conversion and web copies leave in a directive's text: NFC and
/// lookalike letters, markdown emphasis, page numbers and running headers, footnote marks, hard
/// line breaks inside sentences and words split at a line end. Missing letters are left alone:
/// guessing them would put words in an official's mouth.
/// </summary>
public static partial class DirectiveText
{
    public static NormalisedText Normalise(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var repairs = new List<string>();
        var footnotes = new List<string>();
        var text = VietnameseText.Normalize(raw)
            .Replace('\u00F0', '\u0111') // ð (eth) → đ
            .Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\f', '\n')
            .Replace('\u00A0', ' ').Replace("\u00AD", string.Empty, StringComparison.Ordinal)
            .Replace("\u200B", string.Empty, StringComparison.Ordinal).Replace("\uFEFF", string.Empty, StringComparison.Ordinal)
            .Replace('\t', ' ');

        var lines = new List<string>();
        var pageNumbers = 0;
        var headerLines = 0;
        var laidOut = CellLineTables.Rebuild(LayoutTables.Rebuild(SplitHeaderColumns(text.Split('\n'), ref headerLines), out var tables), out var cellTables);
        if (tables > 0)
        {
            repairs.Add($"Dựng lại {tables} bảng từ vị trí các cột (PDF).");
        }

        if (cellTables > 0)
        {
            repairs.Add($"Dựng lại {cellTables} bảng ghi mỗi ô một dòng.");
        }

        foreach (var rawLine in laidOut)
        {
            var line = Markdown().Replace(rawLine, string.Empty);
            line = HeadingHashes().Replace(line, string.Empty).Trim();
            if (FootnoteBody().Match(line) is { Success: true } footnote)
            {
                footnotes.Add(footnote.Groups["body"].Value.Trim());
                continue;
            }

            if (PageNumber().IsMatch(line))
            {
                pageNumbers++;
                continue;
            }

            lines.Add(line);
        }

        if (pageNumbers > 0)
        {
            repairs.Add($"Bỏ {pageNumbers} dòng số trang.");
        }

        if (headerLines > 0)
        {
            repairs.Add($"Tách {headerLines} dòng tiêu đề hai cột.");
        }

        if (footnotes.Count > 0)
        {
            repairs.Add($"Tách {footnotes.Count} chú thích cuối trang khỏi nội dung.");
        }

        var headers = RunningHeaders(lines);
        if (headers.Count > 0)
        {
            lines.RemoveAll(headers.Contains);
            repairs.Add($"Bỏ tiêu đề lặp lại ở đầu trang: {string.Join("; ", headers)}.");
        }

        var marks = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var cleaned = FootnoteMark().Replace(lines[i], string.Empty);
            marks += lines[i].Length - cleaned.Length;
            lines[i] = Spaces().Replace(cleaned, " ");
        }

        if (marks > 0)
        {
            repairs.Add($"Bỏ {marks} dấu chú thích (¹).");
        }

        var (paragraphs, joins) = JoinLines(lines);
        if (joins > 0)
        {
            repairs.Add($"Nối {joins} dòng bị ngắt giữa câu.");
        }

        return new NormalisedText(string.Join('\n', paragraphs), repairs, footnotes);
    }

    /// <summary>
    /// pdftotext -layout writes the two header columns (issuing body | national motto, number | place
    /// and date) on one line; they are separate lines of the header.
    /// </summary>
    private static List<string> SplitHeaderColumns(string[] lines, ref int count)
    {
        var result = new List<string>(lines.Length);
        var nonEmpty = 0;
        var body = false;
        foreach (var line in lines)
        {
            // The header ends where the body's outline begins; a table after that keeps its columns.
            body |= ListMarker().IsMatch(line.Trim());
            if (!body && line.Trim().Length > 0 && nonEmpty++ < 12 && Columns().IsMatch(line.Trim()))
            {
                result.AddRange(Columns().Split(line.Trim()));
                count++;
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }

    private static (List<string> Paragraphs, int Joins) JoinLines(List<string> lines)
    {
        var paragraphs = new List<string>();
        var joins = 0;
        StringBuilder? current = null;
        var lastLine = string.Empty;
        var blankIsNoise = BlankLinesAreSpacing(lines);
        var afterBlank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                afterBlank = current is not null;
                continue;
            }

            if (afterBlank && !blankIsNoise && !char.IsLower(line[0]) && !HyphenatedEnd().IsMatch(lastLine.TrimEnd()))
            {
                Flush();
            }

            afterBlank = false;

            if (Separator().IsMatch(line))
            {
                Flush();
                continue;
            }

            if (current is not null && Continues(current.ToString(), lastLine, line, out var glue))
            {
                if (glue == Glue.DropHyphen)
                {
                    current.Length--;
                    current.Append(' ');
                }
                else if (glue == Glue.Space)
                {
                    current.Append(' ');
                }

                current.Append(line);
                joins++;
            }
            else
            {
                Flush();
                current = new StringBuilder(line);
            }

            lastLine = line;
        }

        Flush();
        return (paragraphs, joins);

        void Flush()
        {
            if (current is { Length: > 0 })
            {
                paragraphs.Add(current.ToString().Replace("./.", ".", StringComparison.Ordinal).Trim());
            }

            current = null;
        }
    }

    private enum Glue { Space, None, DropHyphen }

    /// <summary>Whether <paramref name="next"/> continues the paragraph that ends with <paramref name="last"/>.</summary>
    private static bool Continues(string paragraph, string last, string next, out Glue glue)
    {
        glue = Glue.Space;
        // Table rows keep their lines, written "| … |" or flattened "a | b | c".
        if (ListMarker().IsMatch(next) || next.StartsWith("Nơi nhận", StringComparison.Ordinal) || next.Contains('|', StringComparison.Ordinal) || last.Contains('|', StringComparison.Ordinal))
        {
            return false;
        }

        var tail = last.TrimEnd();
        // "Kính gửi: Ủy ban nhân dân các tỉnh" then "Ngày 09 tháng 6 năm 2025, Chính phủ …": the letter's body begins.
        if (paragraph.StartsWith("Kính gửi", StringComparison.Ordinal) && LetterOpening().IsMatch(next))
        {
            return false;
        }

        if (IsShouting(tail) && !(IsShouting(next) && tail.Length >= 40))
        {
            return false;
        }

        // "06-" + "NQ/TW": a code split at its hyphen; "tinh-" + "thần": a word hyphenated at the line end.
        if (HyphenatedEnd().IsMatch(tail))
        {
            glue = char.IsLower(next[0]) && char.IsLower(tail[^2]) ? Glue.DropHyphen : Glue.None;
            return true;
        }

        if (char.IsLower(next[0]))
        {
            return true;
        }

        // "… báo cáo Ủy ban nhân dân tỉnh, Bộ" + "Tài chính …": no paragraph ends on a head noun or a preposition.
        if (DanglingEnd().IsMatch(tail) && !IsShouting(tail))
        {
            return true;
        }

        // "- Hướng dẫn các Sở, ban, ngành," + "UBND xã, phường …": no paragraph ends on a comma.
        if (tail.EndsWith(',') && !IsShouting(tail))
        {
            return true;
        }

        if (EndsSentence(tail) || IsShouting(tail) || IsShouting(next) || tail.Length < 40)
        {
            return false;
        }

        // A short numbered heading ("1. Mục đích") followed by its first sentence.
        return !(NumberedHeading().IsMatch(paragraph) && paragraph.Length < 100 && char.IsUpper(next[0]));
    }

    private static bool EndsSentence(string s) => s.Length > 0 && s[^1] is '.' or ':' or ';' or '!' or '?';

    /// <summary>All capitals (ignoring digits and punctuation): a heading, never the middle of a sentence.</summary>
    public static bool IsShouting(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var letters = 0;
        // Document numbers keep their own case inside a capitalised title ("41-CTr/TU").
        foreach (var c in string.Concat(line.Split(' ').Where(w => !w.Any(char.IsDigit) && !w.Contains('/', StringComparison.Ordinal))))
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 4;
    }

    /// <summary>
    /// Some conversions put a blank line after every line; then a blank line says nothing about
    /// paragraphs. Told apart by how often the line after a blank continues a sentence (lower case).
    /// </summary>
    private static bool BlankLinesAreSpacing(List<string> lines)
    {
        int gaps = 0, continued = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length > 0 && lines[i - 1].Length == 0)
            {
                gaps++;
                continued += char.IsLower(lines[i][0]) ? 1 : 0;
            }
        }

        return gaps >= 10 && continued * 4 >= gaps;
    }

    /// <summary>Short lines repeated on three or more pages: a running header or footer. The tail of a
    /// wrapped sentence ("và Công nghệ.", "ngành.") repeats too, but starts in lower case or ends a clause.</summary>
    private static HashSet<string> RunningHeaders(List<string> lines) =>
        lines.Where(l => l.Length is > 3 and <= 80 && !ListMarker().IsMatch(l) && !Separator().IsMatch(l)
                && !char.IsLower(l[0]) && l[^1] is not ('.' or ',' or ';'))
            .GroupBy(l => l, StringComparer.Ordinal)
            .Where(g => g.Count() >= 3)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Counts the letters of <paramref name="text"/>; with few Vietnamese letters it is not Vietnamese.</summary>
    public static double VietnameseLetterShare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int letters = 0, vietnamese = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            var bare = c.ToString().Normalize(NormalizationForm.FormD)[0];
            if (bare != c || c is 'đ' or 'Đ')
            {
                vietnamese++;
            }
        }

        return letters == 0 ? 0 : (double)vietnamese / letters;
    }

    /// <summary>The line starts a list item: I., 1., 1.2., a), - , + , •. A bare number starts one only before a
    /// capital ("1 Các quy định"); "6 hằng năm" is the month of a date wrapped at "tháng".</summary>
    [GeneratedRegex(@"^(?:(?:X{0,3}(?:IX|IV|V?I{0,3}))\.\s|\d{1,2}(?:\.\d{1,2})*\.\s|\d{1,2}(?:\.\d{1,2})*\s(?=\p{Lu})|\d{1,2}\)\s|[a-zđ]\)\s|[-–—+•]\s?\S)", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?<![\p{L}])(?:và|của|các|với|cho|tại|theo|về|trong|từ|đến|số|Bộ|Sở|Ban|Cục|Ủy ban|UBND|nhân dân|Chủ tịch|Thủ tướng)$", RegexOptions.CultureInvariant)]
    private static partial Regex DanglingEnd();

    /// <summary>How the body of an official letter (công văn) opens after its addressees.</summary>
    [GeneratedRegex(@"^(?:Ngày \d|Thực hiện|Căn cứ|Để |Theo |Trong |Vừa qua|Nhằm|Tiếp theo|Sau khi|Qua |Hiện nay|Thời gian qua)", RegexOptions.CultureInvariant)]
    private static partial Regex LetterOpening();

    [GeneratedRegex(@"^(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\))\s", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"\*+|\\(?=[\*\-_#\[\]\.])", RegexOptions.CultureInvariant)]
    private static partial Regex Markdown();

    [GeneratedRegex(@"^\s*#{1,6}\s+", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingHashes();

    [GeneratedRegex(@"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*(?<body>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteBody();

    [GeneratedRegex(@"(?<=\S)[¹²³⁴⁵⁶⁷⁸⁹⁰]+", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMark();

    [GeneratedRegex(@"^(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^[-_=─–—.\s]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"[\p{L}\d]-$", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenatedEnd();

    [GeneratedRegex(@"\s{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex Columns();

    [GeneratedRegex(@"[ ]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
