using System.Text.RegularExpressions;

namespace LoTrinh.Core.Documents;

/// <summary>A placeholder's place: inside a sentence (a figure, a date), or a line of its own (a table, a list).</summary>
public enum PlaceholderKind
{
    Inline,
    Block,
}

/// <summary>A name the template may use, and what it is filled with (shown to the person who edits the template).</summary>
public sealed record Placeholder(string Name, PlaceholderKind Kind, string Meaning);

/// <summary>A piece of the report's body, in order: a heading of a part, a paragraph, or a block the report draws.</summary>
public abstract record TemplateBlock;

/// <summary>A part's heading ("I. KẾT QUẢ THỰC HIỆN"), written "# " in the template; bold in the document.</summary>
public sealed record HeadingBlock(string Text) : TemplateBlock;

/// <summary>A paragraph of the body, its placeholders filled.</summary>
public sealed record ParagraphBlock(string Text) : TemplateBlock;

/// <summary>A table or list the report draws where the template puts it.</summary>
public sealed record DataBlock(string Name) : TemplateBlock;

/// <summary>
/// The text around the report's figures, as the secretariat writes it once (the figures change every period, the
/// prose does not): a line per paragraph, "# " before a heading, {name} where a figure goes, and a table's or a list's
/// name alone on its line. Checked when saved — an unknown name, a brace left open, a table inside a sentence — and
/// every problem named, so a template that is saved always fills.
/// </summary>
public static partial class ReportTemplate
{
    /// <summary>A template's longest text: a few pages of prose.</summary>
    public const int MaxLength = 20_000;

    /// <summary>
    /// The names a progress report fills (báo cáo tình hình thực hiện): the period, the tasks in the government's
    /// classes with both completion rates, the targets, and what the agencies reported.
    /// </summary>
    public static readonly IReadOnlyList<Placeholder> ProgressReport =
    [
        new("van_ban", PlaceholderKind.Inline, "loại và số của văn bản được báo cáo (ví dụ: Chương trình hành động số 29-CTr/TU)"),
        new("trich_yeu_van_ban", PlaceholderKind.Inline, "trích yếu của văn bản được báo cáo"),
        new("so_van_ban", PlaceholderKind.Inline, "số văn bản trong chuỗi triển khai (văn bản được báo cáo và các văn bản triển khai nó)"),
        new("ngay_chot", PlaceholderKind.Inline, "ngày chốt số liệu (dd/mm/yyyy)"),
        new("ky_bao_cao", PlaceholderKind.Inline, "kỳ báo cáo (\"từ ngày … đến ngày …\" hoặc \"đến ngày …\")"),
        new("tong_nhiem_vu", PlaceholderKind.Inline, "tổng số nhiệm vụ được giao"),
        new("hoan_thanh", PlaceholderKind.Inline, "số nhiệm vụ đã hoàn thành"),
        new("hoan_thanh_dung_han", PlaceholderKind.Inline, "số nhiệm vụ hoàn thành đúng hạn"),
        new("hoan_thanh_qua_han", PlaceholderKind.Inline, "số nhiệm vụ hoàn thành quá hạn"),
        new("trong_han", PlaceholderKind.Inline, "số nhiệm vụ đang thực hiện trong hạn"),
        new("qua_han", PlaceholderKind.Inline, "số nhiệm vụ quá hạn chưa hoàn thành"),
        new("thuong_xuyen", PlaceholderKind.Inline, "số nhiệm vụ thường xuyên, định kỳ"),
        new("khong_thoi_han", PlaceholderKind.Inline, "số nhiệm vụ không có thời hạn"),
        new("ty_le_den_han", PlaceholderKind.Inline, "tỷ lệ hoàn thành trên số nhiệm vụ đến hạn (%)"),
        new("ty_le_duoc_giao", PlaceholderKind.Inline, "tỷ lệ hoàn thành trên tổng số nhiệm vụ được giao (%)"),
        new("tong_chi_tieu", PlaceholderKind.Inline, "số chỉ tiêu đang có hiệu lực"),
        new("chi_tieu_dat", PlaceholderKind.Inline, "số chỉ tiêu đã đạt"),
        new("chi_tieu_cham", PlaceholderKind.Inline, "số chỉ tiêu cần đẩy nhanh, tiến triển chậm hoặc đang đi xuống"),
        new("so_lan_don_doc", PlaceholderKind.Inline, "số lượt đôn đốc trong kỳ"),
        new("so_bao_cao_co_quan", PlaceholderKind.Inline, "số báo cáo của các cơ quan trong kỳ đã được duyệt hoặc đã trình"),
        new("bang_theo_van_ban", PlaceholderKind.Block, "bảng tình trạng nhiệm vụ theo từng văn bản, với hai tỷ lệ hoàn thành"),
        new("bang_theo_co_quan", PlaceholderKind.Block, "bảng tình trạng nhiệm vụ theo cơ quan chủ trì, với hai tỷ lệ hoàn thành"),
        new("danh_sach_qua_han", PlaceholderKind.Block, "danh sách nhiệm vụ quá hạn: số ngày quá hạn và cơ quan chủ trì"),
        new("bang_chi_tieu", PlaceholderKind.Block, "bảng chỉ tiêu: giá trị mới nhất, tình trạng và xu hướng"),
        new("kho_khan", PlaceholderKind.Block, "khó khăn, vướng mắc các cơ quan nêu trong báo cáo của kỳ"),
        new("de_xuat", PlaceholderKind.Block, "đề xuất, kiến nghị các cơ quan nêu trong báo cáo của kỳ"),
        new("nhat_ky_don_doc", PlaceholderKind.Block, "đôn đốc trong kỳ, theo cơ quan"),
    ];

    /// <summary>The template's pieces, or every problem found (each naming the line and the placeholder).</summary>
    public static (IReadOnlyList<TemplateBlock> Blocks, IReadOnlyList<string> Problems) Parse(string? text, IReadOnlyList<Placeholder> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var problems = new List<string>();
        var blocks = new List<TemplateBlock>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (blocks, ["Mẫu báo cáo đang trống."]);
        }

        if (text.Length > MaxLength)
        {
            return (blocks, [$"Mẫu báo cáo dài {text.Length:N0} ký tự, quá {MaxLength:N0}."]);
        }

        var byName = known.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var number = i + 1;
            if (line.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add($"Dòng {number}: có ký tự không in được.");
                continue;
            }

            if (Unbalanced(line))
            {
                problems.Add($"Dòng {number}: dấu {{ hoặc }} không khớp; tên cần điền viết trong một cặp {{ }}, ví dụ {{ngay_chot}}.");
                continue;
            }

            var names = Names().Matches(line).Select(m => m.Groups["name"].Value).ToList();
            foreach (var name in names.Where(n => !byName.ContainsKey(n)))
            {
                unknown.Add(name);
            }

            if (Alone().Match(line) is { Success: true } alone && byName.TryGetValue(alone.Groups["name"].Value, out var only) && only.Kind == PlaceholderKind.Block)
            {
                blocks.Add(new DataBlock(only.Name));
                continue;
            }

            foreach (var name in names.Where(n => byName.TryGetValue(n, out var p) && p.Kind == PlaceholderKind.Block))
            {
                problems.Add($"Dòng {number}: {{{name}}} là một bảng hoặc danh sách, phải đứng riêng một dòng.");
            }

            blocks.Add(line.StartsWith("# ", StringComparison.Ordinal) ? new HeadingBlock(line[2..].Trim()) : new ParagraphBlock(line));
        }

        if (unknown.Count > 0)
        {
            problems.Insert(0, $"Mẫu có tên không được hỗ trợ: {string.Join(", ", unknown.Select(n => "{" + n + "}"))}. Các tên được dùng: {string.Join(", ", known.Select(p => "{" + p.Name + "}"))}.");
        }

        return problems.Count > 0 ? ([], problems) : (blocks, problems);
    }

    /// <summary>The problems of a one-line text that may hold inline names only (the report's summary line, trích yếu).</summary>
    public static IReadOnlyList<string> LineProblems(string? text, string field, IReadOnlyList<Placeholder> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [$"Nhập {field}."];
        }

        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return [$"{field} viết trên một dòng."];
        }

        var (_, problems) = Parse(text, [.. known.Where(p => p.Kind == PlaceholderKind.Inline)]);
        return [.. problems.Select(p => $"{field}: {p}")];
    }

    /// <summary>The text with every {name} replaced by its value (a parsed template's names are all known).</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Names().Replace(text, m => values.TryGetValue(m.Groups["name"].Value, out var v)
            ? v
            : throw new ArgumentException($"No value for {{{m.Groups["name"].Value}}}.", nameof(values)));
    }

    private static bool Unbalanced(string line)
    {
        var stripped = Names().Replace(line, string.Empty);
        return stripped.Contains('{', StringComparison.Ordinal) || stripped.Contains('}', StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{(?<name>[^{}\s]{1,60})\}", RegexOptions.CultureInvariant)]
    private static partial Regex Names();

    [GeneratedRegex(@"^\{(?<name>[^{}\s]{1,60})\}$", RegexOptions.CultureInvariant)]
    private static partial Regex Alone();
}
