using System.Text.RegularExpressions;

namespace LoTrinh.Core.Extraction;

/// <summary>Everything read from one directive, each item with its span in <see cref="Source"/>.</summary>
public sealed record DirectiveExtraction(
    NormalisedText Source,
    IReadOnlyList<Block> Blocks,
    DirectiveMetadata Metadata,
    IReadOnlyList<Spanned<ExtractedReference>> References,
    IReadOnlyList<Spanned<ExtractedObjective>> Objectives,
    IReadOnlyList<Spanned<ExtractedTarget>> Targets,
    IReadOnlyList<Spanned<ExtractedTask>> Tasks,
    IReadOnlyList<string> Warnings)
{
    public string Text => Source.Text;

    /// <summary>The result in the schema of the hand-checked annotations.</summary>
    public ExtractedProgram ToProgram(string? source) => new(source, Metadata.ToDocument(),
        References.Select(r => r.Item).ToList(), Objectives.Select(o => o.Item).ToList(),
        Targets.Select(t => t.Item).ToList(), Tasks.Select(t => t.Item).ToList());
}

/// <summary>The steps of an extraction, in order.</summary>
public enum ExtractionStep
{
    RepairingText,
    ReadingOutline,
    ReadingMetadata,
    ReadingTargets,
    ReadingTasks,
}

/// <summary>Reads a directive's text into its metadata, outline, references, objectives, targets and tasks.</summary>
public static partial class DirectiveExtractor
{
    /// <summary>Why the text cannot be read as a directive, or null when it can.</summary>
    public static string? Problem(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "Tệp không có chữ nào.";
        }

        var control = raw.Count(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f');
        if (control > raw.Length / 100 || raw.Contains('\uFFFD', StringComparison.Ordinal) && raw.Count(c => c == '\uFFFD') > raw.Length / 100)
        {
            return "Tệp không phải văn bản (có ký tự nhị phân). Hãy tải lên tệp .txt, .docx hoặc .pdf có lớp chữ.";
        }

        var letters = raw.Count(char.IsLetter);
        if (letters >= 100 && DirectiveText.VietnameseLetterShare(raw.Normalize(System.Text.NormalizationForm.FormC)) < 0.05)
        {
            return "Văn bản không phải tiếng Việt (quá ít chữ có dấu). LoTrinh chỉ đọc văn bản chỉ đạo bằng tiếng Việt.";
        }

        return null;
    }

    /// <param name="progress">Told each step as it starts, so a long file can show where it is.</param>
    public static DirectiveExtraction Extract(string raw, IProgress<ExtractionStep>? progress = null)
    {
        progress?.Report(ExtractionStep.RepairingText);
        var normalised = DirectiveText.Normalise(raw);
        var text = normalised.Text;
        var warnings = new List<string>();
        progress?.Report(ExtractionStep.ReadingOutline);
        var blocks = ReaderGuard.Run(() => Layout.Read(text), [], warnings, "bố cục văn bản");
        progress?.Report(ExtractionStep.ReadingMetadata);
        var metadata = ReaderGuard.Run(() => MetadataReader.Read(text, blocks), DirectiveMetadata.Empty, warnings, "thông tin chung");
        var jurisdiction = Jurisdiction(metadata.Title ?? string.Empty) ?? Jurisdiction(text[..Math.Min(text.Length, 1500)]);
        var year = metadata.IssuedOn?.Year;
        var references = ReaderGuard.Run(() => ReferenceReader.Read(text, blocks, metadata), [], warnings, "văn bản dẫn chiếu");
        progress?.Report(ExtractionStep.ReadingTargets);
        var objectives = ReaderGuard.Run(() => Objectives(text, blocks), [], warnings, "mục tiêu");
        var titleYear = metadata.Title is { } title ? TargetReader.TitleYear(title) : null;
        var targets = ReaderGuard.Run(() => TargetReader.Read(text, blocks, jurisdiction, warnings, titleYear), [], warnings, "chỉ tiêu");
        progress?.Report(ExtractionStep.ReadingTasks);
        var tasks = ReaderGuard.Run(() => TaskReader.Read(text, blocks, year), [], warnings, "nhiệm vụ");
        if (!blocks.Any(b => b.Marker != MarkerKind.None))
        {
            warnings.Add("Không nhận ra bố cục (I., 1., a), -) nên chỉ đọc được thông tin chung của văn bản. Hãy kiểm tra tệp hoặc nhập nhiệm vụ bằng tay.");
        }

        if (metadata.Number is null)
        {
            warnings.Add("Không thấy số, ký hiệu văn bản; hãy nhập khi duyệt.");
        }

        if (text.Contains("[...]", StringComparison.Ordinal))
        {
            warnings.Add("Văn bản bị cắt ngắn (có dấu [...]): phần sau chưa được đọc.");
        }

        return new DirectiveExtraction(normalised, blocks, metadata, references, objectives, targets, tasks, warnings);
    }

    /// <summary>"trên địa bàn thành phố Đà Lạt" → "thành phố Đà Lạt"; a province reads "toàn tỉnh".</summary>
    private static string? Jurisdiction(string text)
    {
        var m = Territory().Match(text);
        if (!m.Success)
        {
            return null;
        }

        return m.Groups["unit"].Value == "tỉnh" ? "toàn tỉnh" : $"{m.Groups["unit"].Value} {m.Groups["name"].Value}";
    }

    private static List<Spanned<ExtractedObjective>> Objectives(string text, IReadOnlyList<Block> blocks)
    {
        var found = new List<Spanned<ExtractedObjective>>();
        foreach (var block in blocks.Where(b => b.Part == PartKind.Objectives && !b.IsHeading))
        {
            var headingYear = TargetReader.HeadingYear(text, blocks, block);
            foreach (var (start, sentence) in TargetReader.Sentences(text, block))
            {
                var lead = LeadingHorizon().Match(sentence);
                var horizon = lead.Success ? TargetReader.Horizon(lead.Value) : headingYear;
                var offset = lead.Success ? lead.Length : 0;
                foreach (Match clause in Clause().Matches(sentence[offset..]))
                {
                    var value = clause.Value.Trim().Trim('.', ';', ',').Trim();
                    if (value.Length < 8 || Quantified().IsMatch(value) || value.EndsWith(':'))
                    {
                        continue;
                    }

                    var own = lead.Success ? null : InnerYear().Match(value) is { Success: true } y ? TargetReader.Horizon("đến " + y.Groups["y"].Value) : null;
                    found.Add(new Spanned<ExtractedObjective>(
                        new ExtractedObjective(own ?? horizon, value, block.Label), start + offset + clause.Index, clause.Length));
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"trên địa bàn (?<unit>tỉnh|thành phố|huyện|thị xã|quận|xã|phường) (?<name>\p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*){0,3})", RegexOptions.CultureInvariant)]
    private static partial Regex Territory();

    [GeneratedRegex(@"^\s*(?:(?:Định hướng|Tầm nhìn|Giai đoạn)\s+)?(?:đến\s+)?(?:năm\s+)?(?:\d{4}\s*[-–]\s*)?(?:19|20|21)\d{2}\s*[:,]\s*|^\s*(?:Đến|Tầm nhìn đến|Định hướng đến)\s+(?:năm\s+)?(?:19|20|21)\d{2}\s*[:,]\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingHorizon();

    /// <summary>Clauses of a goal: split at semicolons and before "đạt …"/"trở thành …" after a comma.</summary>
    [GeneratedRegex(@"[^;]+?(?=;|,\s*(?:đạt|trở thành|là)\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Clause();

    [GeneratedRegex(@"(?:vào|đến|trong)\s+năm\s+(?<y>(?:19|20|21)\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex InnerYear();

    [GeneratedRegex(@"\d\s*(?:%|m2|m²)|(?:là|đạt|trên|khoảng|tối thiểu)\s+\d", RegexOptions.CultureInvariant)]
    private static partial Regex Quantified();
}
