using System.Globalization;
using System.Text.RegularExpressions;
using LoTrinh.Core.Targets;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// Reads quantitative targets (chỉ tiêu): an indicator, a comparator and a value or range, a unit,
/// a year and a scope. One statement may carry several years ("đến năm 2025 đạt trên 54%, đến năm
/// 2030 đạt trên 58,8%") and a count broken down by class gives one target per class.
/// </summary>
public static partial class TargetReader
{
    /// <param name="problems">Told of each sentence a fault made unreadable.</param>
    /// <param name="titleYear">The year the plan's title names ("Kế hoạch … năm 2026"): the last context a target's year is taken from.</param>
    public static IReadOnlyList<Spanned<ExtractedTarget>> Read(string text, IReadOnlyList<Block> blocks, string? jurisdiction, ICollection<string>? problems = null, int? titleYear = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        var found = new List<Spanned<ExtractedTarget>>();
        var index = 0;
        foreach (var block in blocks.Where(b => b.Part is PartKind.Objectives or PartKind.Tasks or PartKind.Funding && !b.IsHeading))
        {
            var headingYear = ContextYear(text, blocks, IndexOf(blocks, block, ref index)) ?? titleYear;
            foreach (var (sentenceStart, sentence) in Sentences(text, block))
            {
                var before = found.Count;
                if (!ReaderGuard.Run(() => { ReadSentence(sentence, sentenceStart, headingYear, block.Label, jurisdiction, found); return true; }, false, problems, $"chỉ tiêu trong câu “{Excerpt(sentence)}”"))
                {
                    found.RemoveRange(before, found.Count - before);
                }
            }
        }

        return found;
    }

    private static int IndexOf(IReadOnlyList<Block> blocks, Block block, ref int from)
    {
        while (from < blocks.Count && !ReferenceEquals(blocks[from], block))
        {
            from++;
        }

        return from;
    }

    /// <summary>
    /// The year the context sets for a statement without its own: an unnumbered lead-in of its point
    /// ("Phấn đấu đến năm 2030:"), else the nearest heading above that names one, up to its part
    /// ("II. … CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030").
    /// </summary>
    internal static int? ContextYear(string text, IReadOnlyList<Block> blocks, int index)
    {
        var depth = blocks[index].Marker is MarkerKind.None or MarkerKind.Dash ? int.MaxValue : blocks[index].Depth;
        var crossedAncestor = false;
        for (var i = index - 1; i >= 0; i--)
        {
            var b = blocks[i];
            if (b.Part != blocks[index].Part && b.Marker != MarkerKind.Roman && !b.IsHeading)
            {
                continue;
            }

            var body = text[b.BodyStart..b.End].TrimEnd();
            if (!crossedAncestor && b.Marker == MarkerKind.None && body.EndsWith(':') && Horizon(body) is { } leadIn)
            {
                return leadIn;
            }

            if (b.Marker is MarkerKind.Roman or MarkerKind.Number or MarkerKind.Letter && b.Depth < depth)
            {
                depth = b.Depth;
                crossedAncestor = true;
                if (b.IsHeading && Horizon(body) is { } year)
                {
                    return year;
                }

                if (b.Marker == MarkerKind.Roman)
                {
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary>"a) Giai đoạn 2021-2025:", "- Đến năm 2030:": the year a heading sets for what it heads.</summary>
    internal static int? HeadingYear(string text, IReadOnlyList<Block> blocks, Block block)
    {
        var index = blocks.ToList().IndexOf(block);
        for (var i = index - 1; i >= 0; i--)
        {
            var b = blocks[i];
            if (b.Depth < block.Depth && b.IsHeading || b.Marker == MarkerKind.Roman)
            {
                return b.IsHeading ? Horizon(text[b.BodyStart..b.End]) : null;
            }
        }

        return null;
    }

    private static string Excerpt(string sentence) => sentence.Length <= 60 ? sentence.Trim() : sentence[..60].Trim() + "…";

    /// <summary>
    /// The plan's own year in its title ("Kế hoạch chuyển đổi số năm 2026"); a year after a document the title
    /// names ("Thực hiện Chương trình hành động số 29-CTr/TU … đến năm 2030") is that document's.
    /// </summary>
    public static int? TitleYear(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var m = HorizonPhrase().Match(title);
        return m.Success && !NamedDocument().IsMatch(title[..m.Index]) ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The horizon year a heading or a leading phrase names ("Giai đoạn 2021-2025" → 2025).</summary>
    public static int? Horizon(string phrase)
    {
        var m = HorizonPhrase().Match(phrase);
        return m.Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
    }

    internal static IEnumerable<(int Start, string Sentence)> Sentences(string text, Block block)
    {
        var body = text[block.BodyStart..block.End];
        var start = 0;
        foreach (Match m in SentenceEnd().Matches(body))
        {
            yield return (block.BodyStart + start, body[start..(m.Index + 1)]);
            start = m.Index + m.Length;
        }

        if (start < body.Length)
        {
            yield return (block.BodyStart + start, body[start..]);
        }
    }

    private sealed record Mention(Match Match, Comparator Comparator, decimal? Value, decimal? Low, decimal? High, string Unit, bool IsCount);

    private static void ReadSentence(string sentence, int offset, int? headingYear, string? label, string? jurisdiction, List<Spanned<ExtractedTarget>> found)
    {
        var years = YearMention().Matches(sentence).Where(y => !IsPlanPeriod(sentence, y.Index)).ToList();
        var mentions = ValueMention().Matches(sentence).Select(ToMention).OfType<Mention>().ToList();
        var hasMainCount = mentions.Any(m => m.IsCount && m.Match.Groups["comp"].Success);
        var lastIndicator = new Dictionary<string, string>(StringComparer.Ordinal);
        var previousEnd = 0;
        foreach (var mention in mentions)
        {
            var m = mention.Match;
            var inParenthesis = sentence.LastIndexOf('(', m.Index) > sentence.LastIndexOf(')', Math.Max(0, m.Index - 1));
            if (mention.IsCount && !(m.Groups["comp"].Success || hasMainCount && (inParenthesis || Qualifier(sentence, m).Length > 0)))
            {
                previousEnd = m.Index + m.Length;
                continue;
            }

            var year = YearAfter(sentence, m, years);
            if (year is null && years.LastOrDefault(y => y.Index < m.Index && !NamesAProgramme(sentence, y.Index)) is { } before)
            {
                year = YearOf(before);
            }

            // "100% đô thị có quy hoạch chung năm 2025": the year closes the clause the value opens.
            year ??= years.Where(y => y.Index > m.Index && sentence.AsSpan(m.Index, y.Index - m.Index).IndexOfAny(',', ';') < 0)
                .Select(y => (int?)YearOf(y)).FirstOrDefault();
            year ??= headingYear;
            if (mention.Unit != "%" && !mention.IsCount && !m.Groups["comp"].Success && year is null)
            {
                continue;
            }

            // Two values in one clause ("95% … và 85% …"): the second's subject starts where the first ended, never after itself.
            var from = Math.Min(m.Index, Math.Max(previousEnd, sentence.LastIndexOf(';', Math.Max(0, m.Index - 1)) + 1));
            var subject = Subject(sentence[from..m.Index]);
            var following = Following(sentence, m, valueFirst: subject.Length == 0);
            string indicator;
            if (mention.IsCount && (inParenthesis || subject.Length == 0) && Qualifier(sentence, m) is { Length: > 0 } qualifier)
            {
                indicator = $"Số {mention.Unit} {qualifier}";
            }
            else if (subject.Length > 0)
            {
                indicator = following.Length > 0 && mention.Unit == "%" ? $"{subject} {following}" : subject;
            }
            else if (following.Length > 0 && mention.Unit == "%")
            {
                indicator = following;
            }
            else if (lastIndicator.TryGetValue(mention.Unit, out var previous))
            {
                indicator = previous;
            }
            else
            {
                previousEnd = m.Index + m.Length;
                continue;
            }

            // A percentage is a rate: "100% hồ sơ … được số hóa" measures "Tỷ lệ hồ sơ … được số hóa".
            if (mention.Unit == "%" && MeasureWord().Match(indicator) is not { Success: true, Index: 0 })
            {
                indicator = "Tỷ lệ " + char.ToLowerInvariant(indicator[0]) + indicator[1..];
            }

            indicator = Capitalise(indicator);
            if (!inParenthesis)
            {
                lastIndicator[mention.Unit] = indicator;
            }

            previousEnd = m.Index + m.Length
                + (mention.Unit == "%" ? FollowingLength(sentence, m, subject.Length == 0) : mention.IsCount ? Qualifier(sentence, m).Length : 0);
            var unit = m.Groups["per"].Success ? $"{mention.Unit}/{m.Groups["per"].Value}"
                : mention.Unit is "m2" && PerPerson().IsMatch(indicator) ? "m2/người" : mention.Unit;
            var target = new ExtractedTarget(indicator, unit, Scope(sentence, indicator, jurisdiction), year,
                mention.Comparator.Code(), mention.Value, mention.Low, mention.High, label,
                Quote(sentence, m));
            found.Add(new Spanned<ExtractedTarget>(target, offset + m.Index, m.Length));
        }
    }

    private static Mention? ToMention(Match m)
    {
        var unit = NormaliseUnit(m.Groups["unit"].Value);
        var isCount = CountUnits.Contains(unit);
        if (!TryNumber(m.Groups["a"].Value, out var a))
        {
            return null;
        }

        var word = VietnameseText.Fold(m.Groups["comp"].Value);
        var about = word is "khoảng" or "xấp xỉ" or "gần" or "khoảng từ";
        if (m.Groups["b"].Success && TryNumber(m.Groups["b"].Value, out var b))
        {
            return b > a ? new Mention(m, Comparator.Range, null, a, b, unit, isCount) : null;
        }

        var comparator = word switch
        {
            "trên" or "hơn" or "vượt" or "cao hơn" => Comparator.Gt,
            "tối thiểu" or "ít nhất" or "không dưới" or "không thấp hơn" or "từ" or "đạt" or "đạt tối thiểu" => Comparator.Gte,
            "dưới" or "thấp hơn" => Comparator.Lt,
            "không quá" or "không vượt quá" or "tối đa" or "không cao hơn" => Comparator.Lte,
            _ when about => Comparator.Approx,
            _ => Comparator.Eq,
        };
        // "từ 3 đô thị trở lên", "5 cơ sở trở lên": at least.
        if (m.Groups["more"].Success && comparator is Comparator.Eq)
        {
            comparator = Comparator.Gte;
        }

        // "đạt 100%" and counts ("là 19 đô thị") are exact; "đạt 60%" means at least 60 %.
        if (comparator == Comparator.Gte && word == "đạt" && (a == 100 && unit == "%" || isCount))
        {
            comparator = Comparator.Eq;
        }

        return new Mention(m, comparator, a, null, null, unit, isCount);
    }

    // Vietnamese writes the decimal comma ("58,8") and groups thousands with dots ("1.500");
    // a leading zero pads counts ("01 đô thị").
    private static bool TryNumber(string s, out decimal value) => VietnameseText.TryParseNumber(s, out value);

    private static string NormaliseUnit(string unit) => VietnameseText.Fold(unit) switch
    {
        "m2" or "m²" => "m2",
        "km2" or "km²" => "km2",
        var u => u,
    };

    private static readonly HashSet<string> CountUnits = new(
        ["đô thị", "xã", "phường", "thị trấn", "huyện", "khu", "cụm", "dự án", "công trình", "cơ sở", "trường", "trạm",
         "doanh nghiệp", "hợp tác xã", "làng", "thôn", "tuyến", "bệnh viện", "hộ", "bãi", "căn hộ", "căn", "mỏ", "điểm",
         "giường", "lao động"], StringComparer.Ordinal);

    private static int? YearAfter(string sentence, Match m, List<Match> years)
    {
        var end = m.Index + m.Length;
        var next = years.FirstOrDefault(y => y.Index >= end);
        if (next is null || next.Index - end > 12)
        {
            return null;
        }

        var between = sentence[end..next.Index].Trim();
        var cue = VietnameseText.Fold(next.Groups["cue"].Value);
        return between.Length == 0 && cue is "vào" or "trước" or "trong" or "" or "cuối" or "hết" ? YearOf(next) : null;
    }

    private static int YearOf(Match y) => int.Parse(y.Groups["y"].Value, CultureInfo.InvariantCulture);

    /// <summary>"theo Nghị quyết số 66/NQ-CP … về Chương trình cắt giảm …, kinh doanh năm 2025 và 2026, đảm bảo cắt giảm tối thiểu 30%":
    /// the year belongs to the name of a programme (capitalised), not to the value after it.</summary>
    private static bool NamesAProgramme(string sentence, int index)
    {
        var before = sentence[Math.Max(0, index - 120)..index];
        var name = ProgrammeName().Matches(before).LastOrDefault();
        return name is not null && before[name.Index..].IndexOfAny([';', '.']) < 0 && !ValueMention().IsMatch(before[name.Index..]);
    }

    /// <summary>"giai đoạn 2021 - 2025", "nhiệm kỳ 2020-2025": periods, not a target year.</summary>
    private static bool IsPlanPeriod(string sentence, int index)
    {
        var before = sentence[Math.Max(0, index - 14)..index].ToLowerInvariant();
        return before.Contains("giai đoạn", StringComparison.Ordinal) || before.Contains("nhiệm kỳ", StringComparison.Ordinal);
    }

    /// <summary>The indicator named before the value: the last comma-part that names a measure
    /// ("tỷ lệ …", "diện tích …"), from that word on; else the last part.</summary>
    private static string Subject(string span)
    {
        // What a closed parenthesis said belongs to the mention before it.
        span = span[(span.LastIndexOf(')') + 1)..];
        var parts = span.Split(',');
        var s = parts[^1];
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var head = MeasureWord().Match(parts[i]);
            if (head.Success)
            {
                s = parts[i][head.Index..] + string.Concat(parts.Skip(i + 1).Select(p => "," + p));
                break;
            }
        }

        s = YearPhrase().Replace(s, " ");
        s = TrailingLinkWords().Replace(s, string.Empty);
        s = LeadingLinkWords().Replace(s, string.Empty);
        s = VietnameseText.CollapseWhitespace(s).Trim(' ', ',', ':', '-', '(');
        return s.Length < 3 || !s.Any(char.IsLetter) ? string.Empty : s;
    }

    /// <summary>"100% các dự án … sử dụng gạch không nung": what the percentage is of.</summary>
    private static string Following(string sentence, Match m, bool valueFirst)
    {
        var length = FollowingLength(sentence, m, valueFirst);
        if (length == 0)
        {
            return string.Empty;
        }

        var s = sentence.Substring(m.Index + m.Length, length);
        s = LeadingLinkWords().Replace(s.TrimStart(), string.Empty);
        return VietnameseText.CollapseWhitespace(s).Trim(' ', ',', '.');
    }

    /// <param name="valueFirst">The value opens the clause, so what it is of runs to the clause end
    /// (commas included); otherwise it completes the subject up to the next comma.</param>
    private static int FollowingLength(string sentence, Match m, bool valueFirst)
    {
        var start = m.Index + m.Length;
        var rest = sentence[start..];
        if (rest.Length == 0 || !char.IsWhiteSpace(rest[0]) || rest.TrimStart() is var t && (t.Length == 0 || !char.IsLetter(t[0])
            || YearPhrase().Match(t) is { Success: true, Index: 0 }))
        {
            return 0;
        }

        var stop = (valueFirst ? ClauseStop() : FollowingStop()).Match(rest);
        var length = stop.Success ? stop.Index : rest.Length;
        // "… 30% thời gian thực hiện TTHC và đơn giản hóa thành phần hồ sơ": a second action is not what is measured.
        var and = rest.IndexOf(" và ", StringComparison.Ordinal);
        return and > 0 && and < length && AgencyPhrases.StartsWithVerb(rest[(and + 4)..]) ? and : length;
    }

    /// <summary>"01 đô thị loại I", "cụm 03 xã tiệm cận tiêu chí đô thị loại V": what kind is counted.</summary>
    private static string Qualifier(string sentence, Match m)
    {
        var rest = sentence[(m.Index + m.Length)..];
        var stop = QualifierStop().Match(rest);
        var q = (stop.Success ? rest[..stop.Index] : rest).Trim();
        return q.Length > 0 && char.IsLetter(q[0]) ? VietnameseText.CollapseWhitespace(q) : string.Empty;
    }

    private static string Scope(string sentence, string indicator, string? jurisdiction)
    {
        var s = sentence.ToLowerInvariant();
        var explicitScope = ScopeWords().Match(s);
        if (explicitScope.Success)
        {
            return explicitScope.Value;
        }

        if (jurisdiction is not null && !jurisdiction.StartsWith("toàn", StringComparison.Ordinal))
        {
            return jurisdiction;
        }

        var i = indicator.ToLowerInvariant();
        if (ClassAndAbove().Match(i) is { Success: true } cls)
        {
            return cls.Value;
        }

        return UrbanMeasure().IsMatch(i) ? "đô thị" : jurisdiction ?? "toàn tỉnh";
    }

    private static string Quote(string sentence, Match m)
    {
        var start = Math.Max(0, sentence.LastIndexOfAny([';', ','], Math.Max(0, m.Index - 1)) + 1);
        if (m.Index - start > 150)
        {
            start = m.Index - 150;
        }

        var end = Math.Min(sentence.Length, m.Index + m.Length + 40);
        var stop = sentence.IndexOfAny([';', ','], m.Index + m.Length);
        if (stop > 0 && stop < end)
        {
            end = stop;
        }

        return sentence[start..end].Trim();
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // Counts ("di dời trên 400 hộ", "đóng cửa 43 bãi") need a comparator or a year to be a target; money and
    // physical amounts ("7.080 tỷ đồng", "500 MW") a comparator or a year too.
    private const string Units = @"%|m2|m²|km2|km²|ha|km|(?:đô thị|xã|phường|thị trấn|huyện|khu|cụm|dự án|công trình|cơ sở|trường|trạm|doanh nghiệp|hợp tác xã|làng|thôn|tuyến|bệnh viện|hộ|bãi|căn hộ|căn|mỏ|điểm|giường|lao động|tỷ đồng|triệu đồng|tấn|MW)(?!\p{L})";

    [GeneratedRegex(@"(?<![\p{L}\d.,/])(?:(?<comp>khoảng từ|khoảng|xấp xỉ|gần|không vượt quá|không quá|không dưới|không thấp hơn|không cao hơn|tối thiểu|tối đa|ít nhất|cao hơn|thấp hơn|trên|hơn|vượt|dưới|từ|đạt tối thiểu|đạt|là|bằng)\s+)?(?<a>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{1,2})?|\d{1,3}(?:\.\d{1,2})?)\s*(?:(?:(?:" + Units + @")\s*)?(?:-|–|đến)\s*(?<b>\d{1,3}(?:[.,]\d{1,2})?)\s*)?(?<unit>" + Units + @")(?:\s*/\s*(?<per>người|hộ))?(?<more>\s+trở lên)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ValueMention();

    [GeneratedRegex(@"(?<![\p{L}])(?<cue>đến|vào|trong|trước|cuối|hết|định hướng đến|tầm nhìn đến)?\s*năm\s+(?<y>(?:19|20|21)\d{2})(?!\d)|(?<cue>đến)\s+(?<y>(?:19|20|21)\d{2})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex YearMention();

    [GeneratedRegex(@"(?:giai đoạn|đến năm|đến|tầm nhìn(?: đến)?(?: năm)?)\s*(?:\d{4}\s*[-–]\s*)?(?<y>(?:19|20|21)\d{2})(?!\d)|(?<!tháng\s{1,3}\d{1,2}\s{1,3})(?<![\p{L}])năm\s+(?<y>(?:19|20|21)\d{2})(?![\d/])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HorizonPhrase();

    [GeneratedRegex(@"(?<![\p{L}])(?:Chương trình|Kế hoạch|Đề án|Chiến lược|Nghị quyết|Quy hoạch)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex ProgrammeName();

    [GeneratedRegex(@"(?<![\p{L}])số\s+\d|\d+\s*[-/]\s*\p{Lu}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NamedDocument();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?:(?:định hướng|tầm nhìn)\s+)?(?:đến|vào|trong|trước)?\s*năm\s+(?:19|20|21)\d{2}|đến\s+(?:19|20|21)\d{2}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex YearPhrase();

    [GeneratedRegex(@"(?<![\p{L}])(?:tỷ lệ|tỉ lệ|diện tích|số lượng|mật độ|tốc độ|thu nhập|chỉ số|cường độ|tỷ trọng|tỉ trọng|số(?!\s+\d))(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MeasureWord();

    [GeneratedRegex(@"(?:\s+(?:đạt|là|bằng|ở mức|phấn đấu|khoảng|và|cụm|có|chiếm))+\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLinkWords();

    [GeneratedRegex(@"^\s*(?:(?:và|bảo đảm|đảm bảo|phấn đấu|duy trì|nâng|các|cụm|đạt|có)\s+)+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingLinkWords();

    [GeneratedRegex(@"[,;.(]|\s(?:vào|trước|trong|đến)\s+năm\s|\snhất là\s|\strong đó\s|\svà\s+\d", RegexOptions.CultureInvariant)]
    private static partial Regex FollowingStop();

    [GeneratedRegex(@"[;.]|,\s*(?:nhất là|trong đó|đặc biệt)\s|\s(?:vào|trước|trong|đến)\s+năm\s|\svà\s+\d", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseStop();

    [GeneratedRegex(@"[,;.()]|\svà\s", RegexOptions.CultureInvariant)]
    private static partial Regex QualifierStop();

    [GeneratedRegex(@"toàn (?:tỉnh|thành phố|huyện|quốc)", RegexOptions.CultureInvariant)]
    private static partial Regex ScopeWords();

    [GeneratedRegex(@"đô thị loại [ivx]+ trở lên", RegexOptions.CultureInvariant)]
    private static partial Regex ClassAndAbove();

    [GeneratedRegex(@"đô thị(?! h[oó][aá])", RegexOptions.CultureInvariant)]
    private static partial Regex UrbanMeasure();

    [GeneratedRegex(@"bình quân|đầu người|mỗi người|người dân", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PerPerson();
}
