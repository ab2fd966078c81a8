using System.Text.RegularExpressions;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

public enum MarkerKind
{
    /// <summary>No list marker: a preamble, a follow-on paragraph, the signature block.</summary>
    None,
    Roman,
    Number,
    Letter,
    Dash,
}

/// <summary>What a part of the directive is for, read from its heading.</summary>
public enum PartKind
{
    Preamble,
    Purpose,
    Objectives,
    Tasks,
    Review,

    /// <summary>"IV. KINH PHÍ THỰC HIỆN": where the money comes from, not work to do.</summary>
    Funding,
    Closing,
}

/// <summary>One paragraph of the normalised text with its place in the outline.</summary>
/// <param name="Start">Offset of the paragraph in the normalised text.</param>
/// <param name="BodyStart">Offset of the first character after the list marker.</param>
/// <param name="Label">The document's own numbering: "III.1.b"; dash items and follow-on
/// paragraphs carry the label of the point they sit under.</param>
/// <param name="IsHeading">A numbered item whose children carry the content ("1. Mục đích:").</param>
public sealed record Block(int Start, int BodyStart, int End, MarkerKind Marker, string? Label, int Depth, PartKind Part, bool IsHeading)
{
    public string Body(string text) => text[BodyStart..End];
}

/// <summary>
/// Reads the outline a directive writes with its own markers (Nghị định 30/2020, Phụ lục I: parts in
/// Roman numerals, items in Arabic numerals, points in letters, then dashes).
/// </summary>
public static partial class Layout
{
    public static IReadOnlyList<Block> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = new List<(int Start, int BodyStart, int End, MarkerKind Marker, string? Label, int Depth)>();
        string? roman = null, number = null, letter = null;
        var start = 0;
        var closing = false;
        var addressees = false;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text[start..end];
            var m = Marker().Match(line);
            // "Kính gửi:" and its dashes name the addressees of a letter: the preamble, not the first items.
            addressees = line.StartsWith("Kính gửi", StringComparison.Ordinal) || addressees && m.Groups["dash"].Success;
            // The plan or list a decision issues follows its signature, opened by "(Kèm theo Nghị quyết số …)".
            if (closing && Attachment().IsMatch(line))
            {
                closing = false;
                roman = number = letter = null;
                raw.Add((start, start, end, MarkerKind.None, null, -1));
            }
            else if (closing || line.StartsWith("Nơi nhận", StringComparison.Ordinal))
            {
                closing = true;
                raw.Add((start, start, end, MarkerKind.None, null, -1));
            }
            else if (addressees && m.Groups["dash"].Success)
            {
                raw.Add((start, start + m.Length, end, MarkerKind.Dash, null, Addressee));
            }
            else if (m.Groups["roman"].Success && IsRoman(m.Groups["roman"].Value))
            {
                roman = m.Groups["roman"].Value;
                number = letter = null;
                raw.Add((start, start + m.Length, end, MarkerKind.Roman, roman, 1));
            }
            else if (m.Groups["num"].Success && line.TrimStart().StartsWith("Điều", StringComparison.Ordinal))
            {
                // The articles of an issuing decision ("Điều 1. Ban hành kèm theo …") frame the plan; they are not its items.
                raw.Add((start, start + m.Length, end, MarkerKind.None, null, Article));
            }
            else if (m.Groups["num"].Success)
            {
                number = Join(roman, m.Groups["num"].Value);
                letter = null;
                raw.Add((start, start + m.Length, end, MarkerKind.Number, number, Depth(number)));
            }
            else if (m.Groups["letter"].Success && (number ?? roman) is { } parent)
            {
                letter = Join(parent, m.Groups["letter"].Value);
                raw.Add((start, start + m.Length, end, MarkerKind.Letter, letter, Depth(letter)));
            }
            else if (m.Groups["dash"].Success)
            {
                var label = letter ?? number ?? roman;
                raw.Add((start, start + m.Length, end, MarkerKind.Dash, label, (label is null ? 0 : Depth(label)) + 1));
            }
            else
            {
                raw.Add((start, start, end, MarkerKind.None, letter ?? number ?? roman, 99));
            }

            start = end + 1;
        }

        var blocks = new List<Block>(raw.Count);
        var headings = new List<(int Depth, PartKind Kind)>();
        var seenMarker = false;
        for (var i = 0; i < raw.Count; i++)
        {
            var r = raw[i];
            var part = PartKind.Preamble;
            if (r.Depth == -1)
            {
                part = PartKind.Closing;
            }
            else if (r.Depth is Addressee or Article)
            {
                part = PartKind.Preamble;
            }
            else if (r.Marker is MarkerKind.Roman or MarkerKind.Number or MarkerKind.Letter)
            {
                seenMarker = true;
                headings.RemoveAll(h => h.Depth >= r.Depth);
                var own = KindOf(text[r.BodyStart..r.End]);
                part = own ?? (headings.Count > 0 ? headings[^1].Kind : PartKind.Tasks);
                headings.Add((r.Depth, part));
            }
            else if (seenMarker || r.Marker == MarkerKind.Dash)
            {
                seenMarker = true;
                part = headings.Count > 0 ? headings[^1].Kind : PartKind.Tasks;
            }

            var hasChildren = r.Marker is MarkerKind.Roman or MarkerKind.Number or MarkerKind.Letter
                && i + 1 < raw.Count && raw[i + 1].Depth > r.Depth && raw[i + 1].Depth != 99;
            var body = text[r.BodyStart..r.End].TrimEnd();
            // "1. Mục tiêu chung" over a plain paragraph heads it just as "1. …:" heads its points.
            var headsParagraph = r.Marker is MarkerKind.Number or MarkerKind.Letter && i + 1 < raw.Count && raw[i + 1].Depth == 99
                && body.Length < 160 && !body.EndsWith('.') && !body.EndsWith(';');
            // A point with children heads them when it opens them ("…:") or is a title; a sentence of 160 characters or
            // more that names its body and does not open them ("1. Sở … theo dõi, đôn đốc …" then "- …") is a task of its own.
            var isHeading = r.Marker == MarkerKind.Roman || headsParagraph
                || hasChildren && (body.EndsWith(':') || !body.EndsWith('.') && (body.Length < 160 || AgencyPhrases.Read(body).Lead.Count == 0) || DirectiveText.IsShouting(body));
            blocks.Add(new Block(r.Start, r.BodyStart, r.End, r.Marker, r.Label, r.Depth is 99 or Addressee or Article ? 0 : r.Depth, part, isHeading));
        }

        return blocks;
    }

    private static PartKind? KindOf(string heading)
    {
        var h = VietnameseText.Fold(heading);
        if (h.Length > 160)
        {
            return null;
        }

        if (h.StartsWith("mục đích", StringComparison.Ordinal) || h.StartsWith("yêu cầu", StringComparison.Ordinal)
            || h.StartsWith("quan điểm", StringComparison.Ordinal))
        {
            return PartKind.Purpose;
        }

        if (h.StartsWith("mục tiêu", StringComparison.Ordinal) || h.StartsWith("các chỉ tiêu", StringComparison.Ordinal)
            || h.StartsWith("chỉ tiêu", StringComparison.Ordinal))
        {
            return PartKind.Objectives;
        }

        if (h.StartsWith("tình hình", StringComparison.Ordinal) || h.StartsWith("kết quả", StringComparison.Ordinal)
            || h.StartsWith("đánh giá", StringComparison.Ordinal) || h.StartsWith("căn cứ", StringComparison.Ordinal))
        {
            return PartKind.Review;
        }

        if (h.StartsWith("kinh phí", StringComparison.Ordinal) || h.StartsWith("nguồn kinh phí", StringComparison.Ordinal)
            || h.StartsWith("nguồn vốn", StringComparison.Ordinal) || h.StartsWith("nguồn lực tài chính", StringComparison.Ordinal))
        {
            return PartKind.Funding;
        }

        if (h.StartsWith("nhiệm vụ", StringComparison.Ordinal) || h.StartsWith("nội dung", StringComparison.Ordinal)
            || h.StartsWith("tổ chức thực hiện", StringComparison.Ordinal) || h.StartsWith("giải pháp", StringComparison.Ordinal)
            || h.StartsWith("hoạt động", StringComparison.Ordinal) || h.StartsWith("phân công", StringComparison.Ordinal)
            || h.StartsWith("danh mục", StringComparison.Ordinal) || h.StartsWith("các nhiệm vụ", StringComparison.Ordinal))
        {
            return PartKind.Tasks;
        }

        return null;
    }

    /// <summary>The depth given to the dashes under "Kính gửi:" while the outline is read.</summary>
    private const int Addressee = -2;

    private const int Article = -3;

    /// <summary>Whether the paragraph is one of a letter's addressees ("Kính gửi: …" or a dash under it).</summary>
    public static bool IsAddressee(string text, Block block)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(block);
        return block.Part == PartKind.Preamble && (block.Marker == MarkerKind.Dash || text[block.Start..block.End].StartsWith("Kính gửi", StringComparison.Ordinal));
    }

    private static int Depth(string label) => label.Count(c => c == '.') + 1;

    private static string Join(string? parent, string child) => parent is null ? child : $"{parent}.{child}";

    private static bool IsRoman(string s) => RomanNumeral().IsMatch(s);

    [GeneratedRegex(@"^[ \t]*(?:(?<roman>[IVX]{1,5})\.\s*|(?:Điều\s+)?(?<num>\d{1,2}(?:\.\d{1,2})*)(?:\.\s*|\)\s+|\s+(?=\p{Lu}))|(?<letter>[a-zđ])[\).]\s+|(?<dash>[-–—+•])(?![-–—])\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\(\s*(?:Ban hành\s+)?kèm theo\s", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Attachment();

    [GeneratedRegex(@"^(?:X{0,3})(?:IX|IV|V?I{0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex RomanNumeral();
}
