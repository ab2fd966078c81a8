using System.Text.RegularExpressions;
using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// Reads tasks (nhiệm vụ): one per list item of the task parts, with the lead (chủ trì) and
/// cooperating (phối hợp) bodies the item names and its deadline. A sentence that carries its own
/// dated deadline or its own lead is a task of its own; a deadline stated once for a block
/// ("Thời gian thực hiện và hoàn thành: Quý II/2022") applies to every task of the block.
/// </summary>
public static partial class TaskReader
{
    public static IReadOnlyList<Spanned<ExtractedTask>> Read(string text, IReadOnlyList<Block> blocks, int? contextYear)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        var tasks = new List<Spanned<ExtractedTask>>();
        var sinceHeading = new List<int>();
        ExtractedDeadline? pendingBlockDeadline = null;
        var seenItem = false;
        foreach (var block in blocks)
        {
            if (block.IsHeading || block.Part != PartKind.Tasks)
            {
                sinceHeading.Clear();
                pendingBlockDeadline = null;
                seenItem = false;
                continue;
            }

            var body = text[block.BodyStart..block.End].Trim();
            if (BlockDeadline().Match(body) is { Success: true } blockDeadline)
            {
                var deadline = ToDeadline(blockDeadline.Groups["d"].Value.Trim().TrimEnd('.'), contextYear);
                if (sinceHeading.Count > 0)
                {
                    foreach (var i in sinceHeading.Where(i => tasks[i].Item.Deadline is null))
                    {
                        tasks[i] = tasks[i] with { Item = tasks[i].Item with { Deadline = deadline } };
                    }
                }
                else
                {
                    pendingBlockDeadline = deadline;
                }

                continue;
            }

            if (block.Marker == MarkerKind.None && (!seenItem || body.EndsWith(':') || body.StartsWith('|') || body.Count(char.IsLetter) < 10))
            {
                continue;
            }

            seenItem = true;
            foreach (var (start, end) in Segments(text, block.BodyStart, block.End, contextYear))
            {
                var task = ReadTask(text, start, end, block.Label, contextYear);
                if (task.Deadline is null && pendingBlockDeadline is not null)
                {
                    task = task with { Deadline = pendingBlockDeadline };
                }

                sinceHeading.Add(tasks.Count);
                tasks.Add(new Spanned<ExtractedTask>(task, start, end - start));
            }
        }

        tasks.AddRange(TableTasks.Read(text, contextYear));
        return tasks;
    }

    private static ExtractedTask ReadTask(string text, int start, int end, string? label, int? contextYear)
    {
        var segment = text[start..end].Trim();
        var (lead, cooperating) = AgencyPhrases.Read(segment);
        return new ExtractedTask(label, TaskText(segment), lead, cooperating, FindDeadline(segment, contextYear), Quote(segment));
    }

    /// <summary>Splits an item into its main part and the sentences that carry their own dated deadline or lead.</summary>
    private static IEnumerable<(int Start, int End)> Segments(string text, int start, int end, int? contextYear)
    {
        var sentences = new List<(int Start, int End)>();
        var body = text[start..end];
        var at = 0;
        foreach (Match m in SentenceEnd().Matches(body))
        {
            sentences.Add((start + at, start + m.Index + 1));
            at = m.Index + m.Length;
        }

        if (at < body.Length)
        {
            sentences.Add((start + at, end));
        }

        // A sentence that only states the time ("Thời gian hoàn thành: Quý III/2024.") belongs to the sentence before it.
        var splits = sentences.Skip(1)
            .Where(s => text[s.Start..s.End].Trim() is var sentence
                && !BlockDeadline().IsMatch(sentence)
                && (FindDeadline(sentence, contextYear) is { Due: not null } || AgencyPhrases.Read(sentence).Lead.Count > 0))
            .Select(s => s.Start)
            .Append(end)
            .ToList();
        var from = start;
        foreach (var split in splits)
        {
            yield return (from, split);
            from = split;
        }
    }

    /// <summary>The first deadline the text states; null when it states none.</summary>
    public static ExtractedDeadline? FindDeadline(string segment, int? contextYear)
    {
        ArgumentNullException.ThrowIfNull(segment);
        foreach (var pattern in new[] { InlineDeadline(), CuedDeadline(), BareQuarter() })
        {
            foreach (Match m in pattern.Matches(segment))
            {
                var deadline = ToDeadline(m.Value.Trim(' ', '(', ')', ',', '.'), contextYear);
                if (deadline.Due is not null)
                {
                    return deadline;
                }
            }
        }

        foreach (Match m in Recurring().Matches(segment))
        {
            if (!NamesAPlan(segment, m.Index))
            {
                return new ExtractedDeadline(RecurringText(segment, m), null, "recurring");
            }
        }

        return null;
    }

    public static ExtractedDeadline ToDeadline(string phrase, int? contextYear)
    {
        var parsed = DeadlineParser.Parse(phrase, contextYear).Deadline;
        return new ExtractedDeadline(phrase, parsed.Due, parsed.Precision.Code());
    }

    /// <summary>"Kế hoạch phát triển nhà ở … giai đoạn 2021 - 2025 và hàng năm": the period belongs to the plan's name.</summary>
    private static bool NamesAPlan(string segment, int index)
    {
        var clauseStart = Math.Max(segment.LastIndexOfAny([',', ';', '.', ':'], Math.Max(0, index - 1)) + 1, index - 90);
        var before = segment[Math.Max(0, clauseStart)..index].ToLowerInvariant();
        return PlanWord().IsMatch(before);
    }

    private static string RecurringText(string segment, Match m)
    {
        var follow = AndPeriod().Match(segment, m.Index + m.Length);
        return follow.Success && follow.Index == m.Index + m.Length ? segment.Substring(m.Index, m.Length + follow.Length) : m.Value;
    }

    /// <summary>The item with its marker gone; long items are cut at a sentence or clause boundary.</summary>
    private static string TaskText(string segment)
    {
        var s = VietnameseText.CollapseWhitespace(segment);
        if (s.Length <= 400)
        {
            return s;
        }

        var cut = s.LastIndexOfAny(['.', ';'], 398);
        if (cut < 100)
        {
            cut = s.LastIndexOf(',', 398);
        }

        return s[..(cut > 0 ? cut + 1 : 398)].TrimEnd(',', ';') + " …";
    }

    /// <summary>The opening words of the item, up to its first clause boundary, at most 200 characters.</summary>
    public static string Quote(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var s = segment.Trim();
        var boundary = ClauseBoundary().Match(s);
        if (boundary.Success)
        {
            s = s[..boundary.Index];
        }

        if (s.Length > 200)
        {
            var cut = s.LastIndexOf(',', 200);
            s = s[..(cut > 80 ? cut : s.LastIndexOf(' ', 200))];
        }

        return s.Trim().TrimEnd(',');
    }

    [GeneratedRegex(@"^Thời (?:gian|hạn)(?: (?:thực hiện|hoàn thành|triển khai))*(?: và (?:hoàn thành|thực hiện))?\s*:\s*(?<d>.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BlockDeadline();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?:thời (?:gian|hạn)(?: (?:thực hiện|hoàn thành))*\s*:\s*|\((?:hoàn thành|thời hạn|thực hiện)[^)]*)[^;.)]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex InlineDeadline();

    private const string When = @"(?:" + Period + "|" + Year + ")";

    /// <summary>A year alone is a deadline only after "trước", "trong", "chậm nhất"…: "vào năm 2025" and
    /// "đến năm 2030" name the goal's horizon, not when the work is due.</summary>
    private const string Year = @"(?<=(?:trước|trong|chậm nhất|muộn nhất|hết|xong)\s+)(?:(?:đầu|giữa|cuối)\s+)?năm\s+\d{4}";

    private const string Period = @"(?:(?:tháng\s+)?quý\s+[IVX\d]+\s*(?:/|-|năm)\s*\d{4}|(?:(?:đầu|giữa|cuối)\s+)?tháng\s+\d{1,2}\s*(?:/|-|năm)\s*\d{4}|ngày\s+\d{1,2}\s*(?:/\s*\d{1,2}\s*/|\s+tháng\s+\d{1,2}\s+năm\s+)\s*\d{4}|\d{1,2}/\d{1,2}/\d{4}|(?:6|06|sáu|9|09|chín)\s+tháng\s+(?:đầu|cuối)\s+năm\s+\d{4})";

    [GeneratedRegex(@"(?:hoàn thành\s+(?:trong|trước|xong)?|xong\s+trước|chậm nhất(?:\s+(?:là|vào|trong))?|muộn nhất|trước|trong|để|vào|đến hết|hết|hạn chót|thời hạn)\s+" + When + @"(?:\s+phải\s+\p{L}+(?:\s+\p{L}+)?)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CuedDeadline();

    [GeneratedRegex(@"(?<![\p{L}])quý\s+[IVX\d]+\s*(?:/|-|năm)\s*\d{4}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BareQuarter();

    [GeneratedRegex(@"(?<![\p{L}])(?:định kỳ|(?:hàng|hằng) (?:năm|quý|tháng|tuần))(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Recurring();

    [GeneratedRegex(@"\s+(?:và\s+theo\s+(?:giai đoạn|từng giai đoạn|đột xuất)|(?:hàng|hằng)\s+(?:năm|quý|tháng)|(?:6|06|sáu)\s+tháng)", RegexOptions.CultureInvariant)]
    private static partial Regex AndPeriod();

    [GeneratedRegex(@"(?<![\p{L}])(?:kế hoạch|chương trình|quy hoạch|chiến lược|đề án|nghị quyết|trung hạn)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex PlanWord();

    [GeneratedRegex(@";|:(?=\s|$)|(?<![.\d])\.(?![.\d])", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBoundary();
}
