using System.Text.RegularExpressions;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// The task list many plans put in an appendix table ("Phụ lục: danh mục nhiệm vụ") with columns
/// Nội dung / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn thành / Sản phẩm. The readers write
/// table rows as "| cell | cell |" lines, and extractions of real documents flatten them to "a | b | c"
/// (a leading "|" is then an empty first cell). A table counts when its header names the content and the
/// lead body; a second header row ("| | | Đơn vị chủ trì | Đơn vị phối hợp") refines the first.
/// </summary>
public static partial class TableTasks
{
    /// <summary>Whether a paragraph is a table row rather than prose.</summary>
    public static bool IsRow(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.StartsWith('|') || line.Contains(" | ", StringComparison.Ordinal);
    }

    public static IEnumerable<Spanned<ExtractedTask>> Read(string text, int? contextYear)
    {
        ArgumentNullException.ThrowIfNull(text);
        Columns? columns = null;
        var headerRows = 0;
        string? group = null;
        string? number = null;
        var time = string.Empty;
        var offset = 0;
        foreach (var line in text.Split('\n'))
        {
            var start = offset;
            offset += line.Length + 1;
            if (!line.Contains('|', StringComparison.Ordinal))
            {
                columns = null;
                continue;
            }

            var cells = Cells(line);
            if (columns is null)
            {
                columns = Columns.FromHeader(cells);
                headerRows = 1;
                group = number = null;
                time = string.Empty;
                continue;
            }

            if (cells.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':' or ' ')))
            {
                continue;
            }

            var content = Columns.Cell(cells, columns.Content);
            if (headerRows == 1 && content.Length == 0 && Columns.FromHeader(cells, columns) is { } refined)
            {
                columns = refined;
                headerRows = 2;
                continue;
            }

            headerRows = 2;
            if (content.Length == 0)
            {
                continue;
            }

            var lead = Columns.Cell(cells, columns.Lead);
            var cooperating = Columns.Cell(cells, columns.Cooperating);
            var deadlineText = Columns.Cell(cells, columns.Deadline);
            // A row that names no body and no time is a group heading ("I | GIAI ĐOẠN 1", "1 | Lập nhiệm vụ quy hoạch").
            if (lead.Length == 0 && cooperating.Length == 0 && !Dated().IsMatch(deadlineText))
            {
                group = Columns.Cell(cells, columns.Number) is { Length: > 0 } n ? n : deadlineText.Length > 0 ? deadlineText : content;
                time = string.Empty;
                number = null;
                continue;
            }

            if (lead.Length == 0 && Columns.Cell(cells, columns.Responsible) is { Length: > 0 } responsible)
            {
                lead = responsible;
            }

            // A merged (rowspan) cell is written once: an empty number or time cell is the row above's.
            number = Columns.Cell(cells, columns.Number) is { Length: > 0 } own ? own : number;
            time = deadlineText.Length > 0 ? deadlineText : time;
            // A time cell may hold a bare year ("2025"): in that column it is the year's end.
            var deadline = time.Length == 0 ? null : TaskReader.ToDeadline(BareYear().IsMatch(time) ? "năm " + time : time, contextYear) with { Text = time };
            if (deadline is { Due: null, Precision: "none" })
            {
                deadline = TaskReader.FindDeadline(time, contextYear) ?? deadline;
            }

            var label = group is not null && number is not null && !number.Contains('.', StringComparison.Ordinal)
                ? $"{group}.{number}"
                : number ?? group;
            var task = new ExtractedTask(label, VietnameseText.CollapseWhitespace(content), Bodies(lead), Bodies(cooperating), deadline, TaskReader.Quote(content));
            var at = text.IndexOf(content, start, StringComparison.Ordinal);
            yield return new Spanned<ExtractedTask>(task, at >= 0 ? at : start, at >= 0 ? content.Length : line.Length);
        }
    }

    private static string[] Cells(string line)
    {
        var row = line.Trim();
        // "| a | b |" is a Markdown row; "| b | c" is a flattened row whose first cell is empty.
        if (row.Length > 1 && row.StartsWith('|') && row.EndsWith('|'))
        {
            row = row[1..^1];
        }

        return row.Split('|').Select(c => c.Trim()).ToArray();
    }

    /// <summary>"- Vụ Pháp chế; - Văn phòng Bộ.", "Vụ Kế hoạch- Tài chính/ Ban Quản lý quy hoạch": one body each.</summary>
    private static List<string> Bodies(string cell)
    {
        var list = ListDash().Replace(cell, "; ").Trim(' ', ';', '.');
        return list.Length == 0 ? [] : [.. Alternatives().Split(list).SelectMany(AgencyPhrases.Split).Where(b => b.Length > 0)];
    }

    /// <summary>A time cell that states one: a year, a month or a quarter, not a row number.</summary>
    [GeneratedRegex(@"(?:19|20)\d{2}|\d{1,2}/\d{2,4}|(?i:thường xuyên|hằng|hàng|định kỳ)", RegexOptions.CultureInvariant)]
    private static partial Regex Dated();

    [GeneratedRegex(@"^(?:19|20|21)\d{2}\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareYear();

    [GeneratedRegex(@"(?:^|;)\s*-\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListDash();

    /// <summary>"A/ B": two bodies; "10-NQ/TW" (capitals on both sides) stays one.</summary>
    [GeneratedRegex(@"(?<=\p{Ll}\.?)\s*/\s*(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex Alternatives();

    /// <param name="Responsible">"Cơ quan chịu trách nhiệm": the lead when the chủ trì cell is empty.</param>
    private sealed record Columns(int Number, int Content, int Lead, int Cooperating, int Deadline, int Responsible)
    {
        public static Columns? FromHeader(string[] cells, Columns? first = null)
        {
            int Find(params string[] words) => Array.FindIndex(cells, c => words.Any(w => VietnameseText.Fold(c).Contains(w, StringComparison.Ordinal)));
            if (first is not null)
            {
                var lead = Find("chủ trì");
                return lead < 0 ? null : first with
                {
                    Lead = lead,
                    Cooperating = Find("phối hợp") is var co and >= 0 ? co : first.Cooperating,
                };
            }

            var content = Find("nội dung", "nhiệm vụ", "tên nhiệm vụ", "công việc");
            var leadColumn = Find("chủ trì", "thực hiện", "cơ quan chủ");
            if (content < 0 || leadColumn < 0 || content == leadColumn)
            {
                return null;
            }

            return new Columns(Find("tt", "stt", "số thứ tự"), content, leadColumn, Find("phối hợp"), Find("thời gian", "thời hạn", "tiến độ"), Find("chịu trách nhiệm"));
        }

        public static string Cell(string[] cells, int index) => index >= 0 && index < cells.Length ? cells[index] : string.Empty;
    }
}
