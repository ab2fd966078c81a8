using System.Globalization;
using System.Text.RegularExpressions;
using LoTrinh.Core.Documents;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// Finds the documents a directive cites by number. The one it is issued to implement (the title
/// or the opening "Thực hiện …" names it first) is <c>implements</c>; every other is <c>cites</c>.
/// </summary>
public static partial class ReferenceReader
{
    private static readonly (string Word, string Code)[] KindWords =
        [.. DirectiveKinds.All.Select(k => (VietnameseText.Fold(k.Name), k.Code))];

    public static IReadOnlyList<Spanned<ExtractedReference>> Read(string text, IReadOnlyList<Block> blocks, DirectiveMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(metadata);
        // The addressees and signature (Nơi nhận …) cite nothing; a plan issued with the decision, after them, does.
        var closing = blocks.Where(b => b.Part == PartKind.Closing).Select(b => (b.Start, b.End)).ToList();
        var mentions = new List<Mention>();
        foreach (Match m in Number().Matches(text))
        {
            var bodyEnd = closing.FirstOrDefault(c => c.Start > m.Index).Start is var next && next > m.Index ? next : text.Length;
            if (closing.Any(c => m.Index >= c.Start && m.Index < c.End)
                || !DirectiveNumber.TryParse(m.Groups["n"].Value, out var number, out _)
                || string.Equals(number.Text, metadata.Number, StringComparison.Ordinal)
                || IsOwnNumberLine(text, m.Index))
            {
                continue;
            }

            var before = text[Math.Max(0, m.Index - 40)..m.Index].ToLowerInvariant();
            var wordCode = KindWords.FirstOrDefault(k => before.TrimEnd().EndsWith(k.Word, StringComparison.Ordinal)
                || before.TrimEnd().EndsWith(k.Word + " số", StringComparison.Ordinal)).Code;
            var after = text[(m.Index + m.Length)..Math.Min(bodyEnd, m.Index + m.Length + 200)];
            var date = DateAfter().Match(after);
            DateOnly? issuedOn = date.Success ? ParseDate(date) : null;
            var issuerAt = date.Success ? after[(date.Index + date.Length)..] : after;
            var issuer = IssuerAfter().Match(issuerAt) is { Success: true } i && (date.Success || i.Index == 0)
                ? CleanIssuer(i.Groups["issuer"].Value)
                : null;
            mentions.Add(new Mention(number, wordCode, issuedOn, issuer, m.Index, m.Length));
        }

        // "Nghị quyết số 06-CT/TW" beside "Nghị quyết số 06-NQ/TW" of the same body: the kind word
        // and the code disagree, and the document names the other form, so it is one document.
        var merged = mentions.Select(m => m.WordCode is { } code && m.Number.KindCode != code
                && mentions.FirstOrDefault(o => o.Number.KindCode == code && o.Number.Sequence == m.Number.Sequence
                    && o.Number.IssuerCode == m.Number.IssuerCode) is { } fixedForm
            ? m with { Number = fixedForm.Number }
            : m).ToList();

        var implemented = Implemented(text, blocks, metadata, merged);
        return merged.GroupBy(m => m.Number.Text, StringComparer.Ordinal)
            .Select(g => new Spanned<ExtractedReference>(
                new ExtractedReference(g.Key, g.Select(m => m.IssuedOn).FirstOrDefault(d => d is not null),
                    g.Select(m => m.Issuer).FirstOrDefault(s => s is not null),
                    implemented.Contains(g.Key) ? "implements" : "cites"),
                g.First().Start, g.First().Length))
            .ToList();
    }

    private sealed record Mention(DirectiveNumber Number, string? WordCode, DateOnly? IssuedOn, string? Issuer, int Start, int Length);

    /// <summary>
    /// What the directive is issued to implement: the document its title names after "Thực hiện …", and every
    /// document of the preamble's enacting sentence ("Thực hiện Văn bản số 4250/BNNMT-ĐCKS …; Văn bản số
    /// 4643/VPCP-CN …, Ủy ban nhân dân tỉnh yêu cầu …").
    /// </summary>
    private static HashSet<string> Implemented(string text, IReadOnlyList<Block> blocks, DirectiveMetadata metadata, List<Mention> mentions)
    {
        var implemented = new HashSet<string>(StringComparer.Ordinal);
        // "Kế hoạch thực hiện Nghị quyết số 06-NQ/TW", "Về việc ban hành Chương trình hành động … thực hiện Nghị quyết số 10-NQ/TW".
        if (metadata.Title is { } title && ImplementsInTitle().Match(title) is { Success: true } verb)
        {
            var inTitle = Number().Match(title, verb.Index);
            if (inTitle.Success && DirectiveNumber.TryParse(inTitle.Groups["n"].Value, out var n, out _))
            {
                implemented.Add(mentions.FirstOrDefault(m => m.Number.Sequence == n.Sequence && m.Number.IssuerCode == n.IssuerCode)?.Number.Text ?? n.Text);
            }
        }

        var firstPart = blocks.FirstOrDefault(b => b.Marker is MarkerKind.Roman or MarkerKind.Number)?.Start ?? text.Length;
        foreach (var block in blocks.Where(b => b.Start < firstPart))
        {
            // The title in capitals was read above; a sentence that reports what was issued ("… đã ban hành Thông tư số …")
            // is background, not what this directive implements.
            var paragraph = text[block.Start..block.End];
            var opening = ImplementsClause().Match(paragraph);
            if (!opening.Success || DirectiveText.IsShouting(paragraph))
            {
                continue;
            }

            var sentenceEnd = SentenceEnd().Match(paragraph, opening.Index + opening.Length) is { Success: true } stop ? block.Start + stop.Index : block.End;
            var named = mentions.Where(m => m.Start >= block.Start + opening.Index && m.Start < sentenceEnd).Select(m => m.Number.Text).ToList();
            if (paragraph[opening.Index..(sentenceEnd - block.Start)].Contains("đã ban hành", StringComparison.Ordinal))
            {
                continue;
            }

            if (named.Count > 0)
            {
                implemented.UnionWith(named);
                break;
            }
        }

        return implemented;
    }

    private static bool IsOwnNumberLine(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var head = text[lineStart..index].Trim();
        return head is "Số" or "Số:" or "Số hiệu" or "Số hiệu:";
    }

    private static DateOnly? ParseDate(Match m)
    {
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static string? CleanIssuer(string issuer)
    {
        var s = ParenthesisAtEnd().Replace(VietnameseText.CollapseWhitespace(issuer), string.Empty).Trim(' ', ',', '.');
        return s.Length < 3 ? null : s;
    }

    [GeneratedRegex(@"(?<![\d/\p{L}])(?<n>\d{1,5}\s?-\s?[\p{Lu}][\p{L}]{0,5}\s?/\s?[\p{Lu}Đ][\p{Lu}Đ\d]*(?:-[\p{Lu}Đ][\p{Lu}Đ\d]*)*|\d{1,5}/(?:\d{4}/)?[\p{Lu}Đ][\p{L}Đ]{0,5}-[\p{Lu}Đ][\p{Lu}Đ\d]*(?:-[\p{Lu}Đ][\p{Lu}Đ\d]*)*(?:(?<=T)g)?|\d{1,5}/\d{4}/[\p{Lu}Đ][\p{Lu}Đ\d]+)(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*,?\s*(?:ban hành\s+)?ngày\s+(?<d>\d{1,2})\s*[/\-.]\s*(?<m>\d{1,2})\s*[/\-.]\s*(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DateAfter();

    [GeneratedRegex(@"^\s*,?\s*của\s+(?<issuer>[\p{L}\d][^,.;:\n]*?)(?=\s+(?:về|đã|và|trên|tại|nhằm|để|thực hiện|triển khai|theo|đề ra|ban hành|như|chỉ đạo)\s|[,.;:\n]|\s*\(|$)", RegexOptions.CultureInvariant)]
    private static partial Regex IssuerAfter();

    [GeneratedRegex(@"\s*\([^)]*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesisAtEnd();

    /// <summary>"Thực hiện …", "…; thực hiện Kết luận số …": an enacting clause, not "tiến độ thực hiện Kế hoạch …".</summary>
    [GeneratedRegex(@"(?:^|[;,.]\s*)(?:[Tt]hực hiện|[Tt]riển khai(?: thực hiện)?|Để (?:triển khai|tổ chức)(?: thực hiện)?|Nhằm triển khai(?: thực hiện)?|Quán triệt)\s+(?:(?:có hiệu quả|nghiêm túc|đầy đủ|kịp thời)\s+)?(?:(?:chương trình hành động|nghị quyết|chỉ thị|kết luận|kế hoạch|quyết định|thông báo|công văn|văn bản|nghị định|thông tư|đề án)\s+(?:số\s+)?\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ImplementsClause();

    /// <summary>The end of the enacting sentence: a full stop before a capital, or the paragraph's end.</summary>
    [GeneratedRegex(@"\.(?=\s+\p{Lu}|\s*$)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<![\p{L}])(?:thực hiện|triển khai|quán triệt)\s", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ImplementsInTitle();
}
