using System.Globalization;
using System.Text.RegularExpressions;
using LoTrinh.Core.Documents;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>What the header and the signature block say about the directive itself.</summary>
/// <param name="SigningAuthority">TM. (on behalf of a collective), KT. (deputy for the head), TL. (by delegation), Q. (acting).</param>
public sealed record DirectiveMetadata(
    string? Number, string? Kind, string? Issuer, string? Place, DateOnly? IssuedOn,
    string? Signer, string? SigningAuthority, string? SignerTitle, string? Field, string? Title)
{
    /// <summary>Nothing read: what a fault in the header leaves.</summary>
    public static DirectiveMetadata Empty { get; } = new(null, null, null, null, null, null, null, null, null, null);

    public ExtractedDocument ToDocument() => new(Number, Kind, Issuer, IssuedOn, Signer, Title);
}

/// <summary>Reads the header (quốc hiệu, tên cơ quan, số, địa danh và ngày, tên loại và trích yếu) and the signature.</summary>
public static partial class MetadataReader
{
    // Headings name a few kinds that have no code of their own.
    private static readonly string[] Kinds = [.. DirectiveKinds.Names, "Thông báo kết luận", "Chương trình"];

    public static DirectiveMetadata Read(string text, IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        var paragraphs = blocks.Select(b => text[b.Start..b.End]).ToList();
        var headerEnd = blocks.FirstOrDefault(b => b.Marker == MarkerKind.Roman || b.Marker == MarkerKind.Number)?.Start ?? text.Length;
        var header = text[..headerEnd];

        var number = NumberIn(header);
        var kindIndex = paragraphs.FindIndex(p => p.Length <= 60 && KindOf(p) is not null && (DirectiveText.IsShouting(p) || p.Length < 30));
        var kind = kindIndex >= 0 ? KindOf(paragraphs[kindIndex]) : null;
        kind ??= DirectiveKinds.FromCode(number is null ? null : DirectiveNumber.TryParse(number, out var n, out _) ? n.KindCode : null);
        kind ??= LabelledValue(paragraphs, "Loại văn bản");

        string? title = null;
        if (kindIndex >= 0 && kindIndex + 1 < paragraphs.Count && blocks[kindIndex + 1].Marker == MarkerKind.None)
        {
            title = TitleCase(paragraphs[kindIndex + 1], text);
        }

        var (place, date) = PlaceAndDate(header);
        date ??= LabelledDate(paragraphs, "Ngày ban hành");
        var issuer = IssuerFromHeader(paragraphs, text) ?? IssuerFromPreamble(header);
        var (signer, authority, signerTitle) = Signature(paragraphs);
        signer ??= LabelledValue(paragraphs, "Người ký");
        return new DirectiveMetadata(number, kind, issuer, place, date, signer, authority, signerTitle,
            LabelledValue(paragraphs, "Lĩnh vực"), title);
    }

    private static string? NumberIn(string header)
    {
        foreach (Match m in NumberLine().Matches(header))
        {
            if (DirectiveNumber.TryParse(m.Groups["n"].Value, out var parsed, out _))
            {
                return parsed.Text;
            }
        }

        return null;
    }

    private static string? KindOf(string paragraph)
    {
        var folded = VietnameseText.Fold(paragraph).Trim(' ', ':', '.');
        return Kinds.FirstOrDefault(k => folded == VietnameseText.Fold(k));
    }

    /// <summary>The all-capitals name of the issuing body above the national motto, sentence-cased.</summary>
    private static string? IssuerFromHeader(List<string> paragraphs, string text)
    {
        // Everything in capitals before the number line, less the national motto and, in Party
        // headers, the parent committee ("ĐẢNG BỘ TỈNH …") above the issuing one.
        var numberLine = paragraphs.FindIndex(p => p.StartsWith("Số", StringComparison.Ordinal));
        if (numberLine <= 0 || !paragraphs.Take(numberLine).Any(IsMotto))
        {
            return null;
        }

        var lines = paragraphs.Take(numberLine).Where(p => DirectiveText.IsShouting(p) && !IsMotto(p)).ToList();
        if (lines.Count > 1 && lines[0].StartsWith("ĐẢNG BỘ", StringComparison.Ordinal))
        {
            lines.RemoveAt(0);
        }

        return lines.Count == 0 ? null : CaseFromBody(RepairFromBody(SentenceCase(string.Join(' ', lines)), text), text);
    }

    private static bool IsMotto(string p) => p.StartsWith("CỘNG HÒA XÃ HỘI", StringComparison.Ordinal)
        || p.StartsWith("CỘNG HOÀ XÃ HỘI", StringComparison.Ordinal) || p.StartsWith("ĐẢNG CỘNG SẢN", StringComparison.Ordinal)
        || p.StartsWith("Độc lập", StringComparison.Ordinal);

    /// <summary>"…, Thành ủy Đà Lạt xây dựng kế hoạch …", "Ngày …, Ban chỉ đạo … tổ chức họp …".</summary>
    private static string? IssuerFromPreamble(string header)
    {
        var m = EnactingClause().Match(header);
        return m.Success ? m.Groups["issuer"].Value.Trim() : null;
    }

    private static (string? Place, DateOnly? Date) PlaceAndDate(string header)
    {
        var m = PlaceDate().Match(header);
        if (!m.Success)
        {
            return (null, null);
        }

        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var date = month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : (DateOnly?)null;
        return (m.Groups["place"].Value.Trim(), date);
    }

    private static (string? Signer, string? Authority, string? Title) Signature(List<string> paragraphs)
    {
        var closing = paragraphs.FindIndex(p => p.StartsWith("Nơi nhận", StringComparison.Ordinal));
        var from = closing >= 0 ? closing : Math.Max(0, paragraphs.Count - 4);
        string? authority = null, title = null, signer = null;
        for (var i = from; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i].Trim();
            var a = Authority().Match(p);
            if (a.Success)
            {
                authority = a.Groups["a"].Value.Replace("/", string.Empty, StringComparison.Ordinal).ToUpperInvariant().TrimEnd('.') + ".";
                continue;
            }

            if (DirectiveText.IsShouting(p) && p.Length < 60 && !p.StartsWith('-') && !RomanHeading().IsMatch(p))
            {
                title ??= SentenceCase(p);
                continue;
            }

            if (PersonName().IsMatch(p))
            {
                signer = p;
            }
        }

        return (signer, authority, title);
    }

    private static string? LabelledValue(List<string> paragraphs, string label)
    {
        var line = paragraphs.FirstOrDefault(p => p.StartsWith(label + " ", StringComparison.Ordinal));
        return line is null ? null : line[(label.Length + 1)..].Trim(' ', ':');
    }

    private static DateOnly? LabelledDate(List<string> paragraphs, string label) =>
        LabelledValue(paragraphs, label) is { } value
        && DateOnly.TryParseExact(value, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>
    /// The casing the body uses for the same words ("THỰC HIỆN NGHỊ QUYẾT SỐ 06-NQ/TU …" reads
    /// "Thực hiện Nghị quyết số 06-NQ/TU …"); without a match, sentence case.
    /// </summary>
    private static string TitleCase(string title, string text)
    {
        if (!DirectiveText.IsShouting(title))
        {
            return SentenceCase(title.Trim()[..1]) + title.Trim()[1..];
        }

        var lower = title.ToLowerInvariant();
        var words = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 3)
        {
            var probe = string.Join(' ', words.Skip(1));
            var lowerText = text.ToLowerInvariant();
            for (var at = lowerText.IndexOf(probe, StringComparison.Ordinal); at >= 0; at = lowerText.IndexOf(probe, at + 1, StringComparison.Ordinal))
            {
                var cased = text.Substring(at, probe.Length);
                if (!DirectiveText.IsShouting(cased))
                {
                    return SentenceCase(words[0]) + " " + cased;
                }
            }
        }

        return CaseFromBody(SentenceCase(title), text);
    }

    private static string SentenceCase(string s)
    {
        var words = s.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((w, i) => w.Any(char.IsDigit) || w.Contains('/', StringComparison.Ordinal) || w.Length <= 4 && Acronyms.Contains(w)
                ? w
                : i == 0 ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant() : w.ToLowerInvariant());
        return string.Join(' ', words);
    }

    /// <summary>
    /// Proper names the body writes with a capital ("tỉnh lâm đồng" → "tỉnh Lâm Đồng"): a word is
    /// capitalised when the body capitalises it after the same word, or never writes it in lower case.
    /// </summary>
    private static string CaseFromBody(string sentence, string text)
    {
        var words = sentence.Split(' ');
        for (var i = 1; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length == 0 || !char.IsLower(w[0]))
            {
                continue;
            }

            var title = char.ToUpperInvariant(w[0]) + w[1..];
            var titled = Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(title)}(?!\p{{L}})");
            var lower = Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(w)}(?!\p{{L}})");
            var afterSame = text.Contains(words[i - 1] + " " + title, StringComparison.OrdinalIgnoreCase)
                && Regex.IsMatch(text, $@"(?i:{Regex.Escape(words[i - 1])}) {Regex.Escape(title)}(?!\p{{L}})");
            if (titled && (!lower || afterSame))
            {
                words[i] = title;
            }
        }

        return string.Join(' ', words);
    }

    private static readonly HashSet<string> Acronyms = new(["UBND", "HĐND", "BCĐ", "MTTQ", "TW", "TU", "HU"], StringComparer.Ordinal);

    /// <summary>
    /// A header word that lost a letter in conversion ("LÂM ĐNG") is replaced by the body's word it
    /// differs from by that one letter ("Đồng"), when the body uses it: the body is the evidence.
    /// </summary>
    private static string RepairFromBody(string name, string text)
    {
        var words = name.Split(' ');
        var bodyWords = WordPattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            // The header itself is one occurrence; a word the body never uses is suspect.
            if (Regex.Count(text, $@"(?<!\p{{L}}){Regex.Escape(w)}(?!\p{{L}})", RegexOptions.IgnoreCase) > 1)
            {
                continue;
            }

            var fix = bodyWords.FirstOrDefault(b => b.Length == w.Length + 1 && OneLetterMissing(b, w));
            if (fix is not null)
            {
                words[i] = fix;
            }
        }

        return string.Join(' ', words);
    }

    private static bool OneLetterMissing(string longer, string shorter)
    {
        var l = longer.ToLowerInvariant();
        var s = shorter.ToLowerInvariant();
        for (var i = 0; i < l.Length; i++)
        {
            if (string.Equals(l.Remove(i, 1), s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?:^|\n)\s*Số(?:\s+hiệu)?\s*:?\s*(?<n>\d{1,6}\s*[-/][^\s,;]*(?:\s+-\s*[^\s,;]+)?|\d{1,6}\s+-[^\s,;]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"(?:^|\n)(?<place>[\p{Lu}][\p{L} .]{1,40}),\s*ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"(?:,|^|\n)\s*(?:(?:[Nn]gày|[Hh]ôm nay)[^,\n]{3,30},\s*)?(?<issuer>(?:Ủy ban|Uỷ ban|UBND|Ban|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Hội đồng|Sở)[^,.;\n]{0,160}?)\s+(?:ban hành|xây dựng|tổ chức họp|tổ chức hội nghị|thông báo|kết luận)(?:\s|:)", RegexOptions.CultureInvariant)]
    private static partial Regex EnactingClause();

    [GeneratedRegex(@"^(?<a>T/?M|K/?T|T/?L|Q)\.?\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex Authority();

    [GeneratedRegex(@"^(?:\p{Lu}\p{Ll}+)(?:\s\p{Lu}\p{Ll}*){1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^[IVX]+\.", RegexOptions.CultureInvariant)]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

}
