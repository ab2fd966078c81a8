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
        // What each task inherits when it names no body itself: a field line of its block, else its heading's body, else the preamble's addressees.
        var inherited = new List<(IReadOnlyList<string> Lead, IReadOnlyList<string> Cooperating, ExtractedDeadline? Deadline)>();
        var fieldLead = new Dictionary<int, IReadOnlyList<string>>();
        var fieldCooperating = new Dictionary<int, IReadOnlyList<string>>();
        var headings = new List<Heading>();
        var documentLead = DocumentLead(text, blocks);
        var effectiveOn = EffectiveOn(text);
        var sinceHeading = new List<int>();
        ExtractedDeadline? pendingBlockDeadline = null;
        var seenItem = false;
        var objects = false;
        var notes = false;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Marker is MarkerKind.Roman or MarkerKind.Number or MarkerKind.Letter)
            {
                headings.RemoveAll(h => h.Depth >= block.Depth);
            }

            if (block.IsHeading)
            {
                var heading = VietnameseText.CollapseWhitespace(block.Body(text));
                headings.Add(new Heading(block.Depth, block.Label, tasks.Count, IsFieldHeading(heading),
                    [.. AgencyPhrases.OfHeading(heading)], AgencyPhrases.Read(heading).Cooperating,
                    DeadlineOf(heading, contextYear, effectiveOn) is { } dated && (dated.Due is not null || Relative().IsMatch(heading)) ? dated : null));
            }

            var listsObjects = block.IsHeading && block.Part == PartKind.Tasks && block.Marker != MarkerKind.Roman && ListsObjects(text, blocks, b);
            if (block.IsHeading && !listsObjects || block.Part != PartKind.Tasks)
            {
                sinceHeading.Clear();
                pendingBlockDeadline = null;
                seenItem = false;
                continue;
            }

            var body = StripFieldName(text[block.BodyStart..block.End].Trim());
            // "Ghi chú:" and its lines annotate a table; they ask nothing.
            notes = block.Marker == MarkerKind.None ? body.StartsWith("Ghi chú", StringComparison.Ordinal) : notes && block.Marker == MarkerKind.Dash;
            if (notes)
            {
                continue;
            }

            // "… triển khai các nền tảng số:" then "- Hệ thống giám sát …; - Hệ thống kiểm tra …": the lines name what the
            // item works on; they are part of it, not items of their own.
            if (objects && block.Marker == MarkerKind.Dash && ObjectNoun().IsMatch(body))
            {
                continue;
            }

            objects = ListsObjects(text, blocks, b);
            var introducesObjects = objects && block.Marker == MarkerKind.None;
            if (FieldLine().Match(body) is { Success: true } field)
            {
                var bodies = AgencyPhrases.Split(field.Groups["x"].Value.Trim().TrimEnd('.', ';').Trim());
                var into = field.Groups["co"].Success ? fieldCooperating : fieldLead;
                foreach (var i in InScope(block, headings, sinceHeading, tasks))
                {
                    into[i] = bodies;
                }

                continue;
            }

            if (BlockDeadline().Match(body) is { Success: true } blockDeadline)
            {
                var deadline = ToDeadline(blockDeadline.Groups["d"].Value.Trim().TrimEnd('.'), contextYear);
                var scope = InScope(block, headings, sinceHeading, tasks).ToList();
                if (scope.Count > 0)
                {
                    foreach (var i in scope.Where(i => tasks[i].Item.Deadline is null))
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

            // "- Sở Công Thương (đối với tài sản …);" under "Giao các sở … gồm:": the bodies of the point, not items.
            if (block.Marker == MarkerKind.Dash && AgencyPhrases.IsBodyLine(body) && headings.Count > 0)
            {
                var owner = headings[^1];
                headings[^1] = owner with { Lead = owner.Listed ? [.. owner.Lead, .. AgencyPhrases.Split(AgencyPhrases.Bare(body))] : AgencyPhrases.Split(AgencyPhrases.Bare(body)), Listed = true };
                continue;
            }

            // An unmarked paragraph is an item of its own right under a numbered or lettered heading
            // ("1. Công tác tuyên truyền" + "Tổ chức quán triệt …"); elsewhere only after the first item.
            var underPoint = headings.Count > 0 && headings[^1].Depth > 1 && sinceHeading.Count == 0;
            if (block.Marker == MarkerKind.None && (!(seenItem || underPoint) || body.EndsWith(':') && !introducesObjects || TableTasks.IsRow(body)
                || body.Count(char.IsLetter) < 10 || DirectiveText.IsShouting(body) || body.StartsWith('(')))
            {
                continue;
            }

            if (Boilerplate().IsMatch(body))
            {
                continue;
            }

            seenItem = true;
            // The item starts after its marker and after a field name ("Nhiệm vụ:") that was stripped.
            var rawBody = text[block.BodyStart..block.End];
            var itemStart = block.BodyStart + (rawBody.Length - rawBody.TrimStart().Length) + (rawBody.Trim().Length - body.Length);
            foreach (var (start, end) in Segments(text, itemStart, block.End, contextYear))
            {
                var task = ReadTask(text, start, end, block.Label, contextYear, effectiveOn);
                if (task.Deadline is null && pendingBlockDeadline is not null)
                {
                    task = task with { Deadline = pendingBlockDeadline };
                }

                var owner = headings.LastOrDefault(h => h.Lead.Count > 0);
                inherited.Add((owner?.Lead ?? documentLead, headings.LastOrDefault(h => h.Cooperating.Count > 0)?.Cooperating ?? [],
                    headings.LastOrDefault(h => h.Deadline is not null)?.Deadline));
                sinceHeading.Add(tasks.Count);
                tasks.Add(new Spanned<ExtractedTask>(task, start, end - start));
            }
        }

        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i].Item;
            var lead = task.Lead.Count > 0 ? task.Lead : fieldLead.GetValueOrDefault(i) ?? inherited[i].Lead;
            var cooperating = task.Cooperating.Count > 0 ? task.Cooperating : fieldCooperating.GetValueOrDefault(i) ?? inherited[i].Cooperating;
            tasks[i] = tasks[i] with { Item = task with { Lead = lead, Cooperating = cooperating, Deadline = task.Deadline ?? inherited[i].Deadline } };
        }

        tasks.AddRange(TableTasks.Read(text, contextYear));
        return tasks;
    }

    /// <summary>Whether the block ends in a colon and the lines under it name things ("- Hệ thống …", "+ Quy hoạch …").</summary>
    private static bool ListsObjects(string text, IReadOnlyList<Block> blocks, int index) =>
        text[blocks[index].BodyStart..blocks[index].End].TrimEnd().EndsWith(':') && index + 1 < blocks.Count
        && blocks[index + 1].Marker == MarkerKind.Dash && ObjectNoun().IsMatch(text[blocks[index + 1].BodyStart..blocks[index + 1].End].Trim());

    /// <param name="FirstTask">The index of the first task read after the heading.</param>
    /// <param name="IsField">"b) Cơ quan thực hiện:": its lines describe the point above it, not items of its own.</param>
    /// <param name="Listed">Its lead came from a list of bodies under it, to which the next dash adds.</param>
    /// <param name="Deadline">A dated deadline the heading states ("a) Trong thời hạn 06 tháng, kể từ ngày …:"), for the items under it.</param>
    private sealed record Heading(int Depth, string? Label, int FirstTask, bool IsField, List<string> Lead, IReadOnlyList<string> Cooperating,
        ExtractedDeadline? Deadline, bool Listed = false);

    /// <summary>
    /// The tasks a block-level line (a deadline, a lead, a cooperating body) speaks for: a lettered or numbered
    /// field ("c) Thời gian thực hiện: …") or the lines under a field heading ("b) Cơ quan thực hiện:") speak
    /// for the whole point above them; a plain line speaks for the items since the last heading.
    /// </summary>
    private static IEnumerable<int> InScope(Block block, List<Heading> headings, List<int> sinceHeading, List<Spanned<ExtractedTask>> tasks)
    {
        var field = headings.Count > 0 && headings[^1].IsField ? headings[^1] : null;
        var label = block.Marker is MarkerKind.Letter or MarkerKind.Number ? Parent(block.Label) : field is not null ? Parent(field.Label) : null;
        var owner = label is null ? null : headings.LastOrDefault(h => h.Label == label);
        if (owner is null)
        {
            return sinceHeading.ToList();
        }

        return Enumerable.Range(owner.FirstTask, tasks.Count - owner.FirstTask)
            .Where(i => tasks[i].Item.Section is { } s && (s == label || s.StartsWith(label + ".", StringComparison.Ordinal)));
    }

    private static string? Parent(string? label) => label is null || label.LastIndexOf('.') is var dot && dot < 0 ? null : label[..dot];

    private static bool IsFieldHeading(string heading) => FieldHeading().IsMatch(heading);

    /// <summary>"Nhiệm vụ: Tham mưu …" in a field block: the task is what follows the field's name.</summary>
    private static string StripFieldName(string body) => TaskField().Match(body) is { Success: true } m ? body[m.Length..] : body;

    /// <summary>
    /// Whom the items are for when neither they nor their headings say: the bodies the preamble asks
    /// ("kính đề nghị X …, cụ thể như sau:"), else the letter's addressees ("Kính gửi: X" and its dashes).
    /// </summary>
    private static IReadOnlyList<string> DocumentLead(string text, IReadOnlyList<Block> blocks)
    {
        var preamble = blocks.TakeWhile(b => b.Part == PartKind.Preamble).ToList();
        foreach (var block in preamble.Where(b => !Layout.IsAddressee(text, b)))
        {
            if (AgencyPhrases.Addressed(VietnameseText.CollapseWhitespace(block.Body(text))) is { Count: > 0 } addressed)
            {
                return addressed;
            }
        }

        var addressees = new List<string>();
        foreach (var block in preamble.Where(b => Layout.IsAddressee(text, b)))
        {
            var line = block.Body(text);
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var names = (line.StartsWith("Kính gửi", StringComparison.Ordinal) ? colon < 0 ? string.Empty : line[(colon + 1)..] : line).Trim().TrimEnd('.', ';', ',').Trim();
            // Only what names a body: a scan leaves marks beside "Kính gửi:" ("DA ä .").
            addressees.AddRange(AgencyPhrases.Split(names).Where(AgencyPhrases.IsAgencyPhrase));
        }

        return addressees;
    }

    private static ExtractedTask ReadTask(string text, int start, int end, string? label, int? contextYear, DateOnly? effectiveOn)
    {
        var segment = text[start..end].Trim();
        var (lead, cooperating) = AgencyPhrases.Read(segment);
        return new ExtractedTask(label, TaskText(segment), lead, cooperating, DeadlineOf(segment, contextYear, effectiveOn), Quote(segment));
    }

    /// <summary>
    /// The deadline of an item: "Báo cáo 6 tháng: … trước ngày 05/7" is a schedule that recurs; "trong thời hạn
    /// 06 tháng, kể từ ngày Nghị định … có hiệu lực" counts from the date the text gives for that ("có hiệu lực
    /// thi hành từ ngày 06/7/2026"), and is kept as written when it gives none; else the first deadline stated.
    /// </summary>
    private static ExtractedDeadline? DeadlineOf(string segment, int? contextYear, DateOnly? effectiveOn)
    {
        if (ReportSchedule().IsMatch(segment) && FindDeadline(segment, contextYear) is { } scheduled)
        {
            return scheduled with { Due = null, Precision = "recurring" };
        }

        // "gửi Sở Tài chính trước ngày 05/7", "báo cáo … trước ngày 20/12": a report due on a day of the year, no year named, is due every year.
        if (YearlessReportDay().Match(segment) is { Success: true } yearly && segment.Contains("báo cáo", StringComparison.OrdinalIgnoreCase)
            && FindDeadline(segment, null) is null)
        {
            return new ExtractedDeadline(yearly.Value.Trim(), null, "recurring");
        }

        if (Relative().Match(segment) is { Success: true } relative)
        {
            var n = int.Parse(relative.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            DateOnly? due = effectiveOn is not { } from ? null : relative.Groups["u"].Value switch
            {
                "ngày" => from.AddDays(n),
                "tháng" => from.AddMonths(n),
                _ => from.AddYears(n),
            };
            return new ExtractedDeadline(relative.Value.Trim(' ', ',', '.'), due, due is null ? "none" : "day");
        }

        return FindDeadline(segment, contextYear);
    }

    /// <summary>The one date the text gives for something taking effect ("có hiệu lực thi hành từ ngày 06/7/2026").</summary>
    private static DateOnly? EffectiveOn(string text)
    {
        var dates = EffectiveDate().Matches(text)
            .Select(m => DeadlineParser.Parse(m.Groups["d"].Value).Deadline.Due)
            .OfType<DateOnly>().Distinct().ToList();
        return dates.Count == 1 ? dates[0] : null;
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
        // "… Hoàn thành trước năm 2025.": a sentence of a few words that only times the item stays with it.
        var splits = sentences.Skip(1)
            .Where(s => text[s.Start..s.End].Trim() is var sentence
                && !BlockDeadline().IsMatch(sentence)
                && sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6
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
        ArgumentNullException.ThrowIfNull(phrase);
        // "Năm 2025; Năm 2030": milestones; the work is due at the last.
        var milestones = phrase.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = milestones.Length > 1
            ? milestones.Select(m => DeadlineParser.Parse(m, contextYear).Deadline).LastOrDefault(d => d.Due is not null) ?? DeadlineParser.Parse(phrase, contextYear).Deadline
            : DeadlineParser.Parse(phrase, contextYear).Deadline;
        // "Thường xuyên", "liên tục": how the work goes on (urgency), not when it is due.
        var precision = parsed.Precision == DeadlinePrecision.Recurring && UrgencyOnly().IsMatch(phrase) ? DeadlinePrecision.None : parsed.Precision;
        return new ExtractedDeadline(phrase.Trim(), parsed.Due, precision.Code());
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

    [GeneratedRegex(@"(?:[Tt]rong\s+(?:thời hạn|vòng)\s+)(?<n>\d{1,3})\s+(?<u>ngày|tháng|năm)\s*,?\s*kể từ\s+(?:ngày\s+)?[^.;:]{0,120}?có hiệu lực(?:\s+thi hành)?", RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    [GeneratedRegex(@"có hiệu lực(?:\s+thi hành)?(?:\s+kể)?\s+từ\s+(?<d>ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex EffectiveDate();

    [GeneratedRegex(@"trước ngày\s+\d{1,2}\s*/\s*\d{1,2}(?!\s*/\s*\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearlessReportDay();

    /// <summary>"Báo cáo 6 tháng:", "Báo cáo năm:": a reporting schedule, due again every period.</summary>
    [GeneratedRegex(@"^[-+\s]*Báo cáo\s+(?:6 tháng|06 tháng|sáu tháng|năm|quý|tháng|định kỳ|hằng\s+\p{L}+|hàng\s+\p{L}+)\s*:", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReportSchedule();

    [GeneratedRegex(@"^(?!.*(?:định kỳ|hằng|hàng|năm tiếp theo)).*(?:thường xuyên|liên tục)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrgencyOnly();

    /// <summary>A field of a point that names its bodies: "- Đơn vị chủ trì: Sở Khoa học và Công nghệ.",
    /// "Cơ quan phối hợp: …", and a block's closing "Trách nhiệm chỉ đạo thực hiện: Đảng ủy UBND tỉnh.".</summary>
    [GeneratedRegex(@"^(?:(?:Cơ quan|Đơn vị)\s+(?:chủ trì|thực hiện|chịu trách nhiệm)|Chủ trì(?:\s+thực hiện)?|Trách nhiệm(?:\s+(?:chỉ đạo|tổ chức))?\s+thực hiện|(?<co>(?:Cơ quan|Đơn vị)\s+phối hợp|Phối hợp(?:\s+thực hiện)?))\s*:\s*(?<x>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^(?:Cơ quan|Đơn vị)\s+(?:thực hiện|chủ trì|phối hợp)\s*:?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FieldHeading();

    [GeneratedRegex(@"^(?:Nhiệm vụ|Nội dung(?:\s+nhiệm vụ)?)\s*:\s*(?=\S)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TaskField();

    /// <summary>
    /// Closing formulas of an official letter or plan (Nghị định 30/2020, Phụ lục I: the body ends with them) and
    /// pointers to annexes: never a task. "Căn cứ ý kiến chỉ đạo trên, …", "Trên đây là …", "… trân trọng cảm ơn", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …".
    /// </summary>
    /// <summary>Things an item works on, named as nouns: plans, systems, platforms, legal acts.</summary>
    [GeneratedRegex(@"^(?:Hệ thống|Chiến lược|Quy hoạch|Nền tảng|Cơ sở dữ liệu|Phần mềm|Chương trình|Đề án|Kế hoạch|Nghị định|Thông tư|Luật|Quyết định)\s", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectNoun();

    [GeneratedRegex(@"^(?:Trong quá trình (?:tổ chức\s+)?(?:triển khai\s+)?thực hiện[^,.;]{0,80},\s*(?:nếu có (?:khó khăn|vướng mắc|phát sinh)|trường hợp cần thiết)|Trên đây là|Căn cứ (?:ý kiến chỉ đạo|nội dung|chỉ đạo)\s+(?:trên|nêu trên)|Mong nhận được|Rất mong)|trân trọng cảm ơn|(?:chi tiết|cụ thể)\s+(?:tại|theo)\s+(?:các\s+)?Phụ lục[^.;]*\.?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();

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
