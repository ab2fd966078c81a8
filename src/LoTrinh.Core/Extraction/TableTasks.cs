using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// The task list many plans put in an appendix table ("Phụ lục: danh mục nhiệm vụ") with columns
/// Nội dung / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn thành / Sản phẩm. The readers
/// write table rows as "| cell | cell |" lines; a table counts when its header names the content
/// and the lead body.
/// </summary>
public static class TableTasks
{
    public static IEnumerable<Spanned<ExtractedTask>> Read(string text, int? contextYear)
    {
        ArgumentNullException.ThrowIfNull(text);
        Columns? columns = null;
        string? group = null;
        var offset = 0;
        foreach (var line in text.Split('\n'))
        {
            var start = offset;
            offset += line.Length + 1;
            if (!line.StartsWith('|'))
            {
                columns = null;
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (columns is null)
            {
                columns = Columns.FromHeader(cells);
                continue;
            }

            if (cells.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':' or ' ')))
            {
                continue;
            }

            var content = Columns.Cell(cells, columns.Content);
            if (content.Length == 0)
            {
                continue;
            }

            var number = Columns.Cell(cells, columns.Number);
            var lead = Columns.Cell(cells, columns.Lead);
            // A row with content but no lead and no deadline is a group heading ("I | Công tác quy hoạch").
            if (lead.Length == 0 && Columns.Cell(cells, columns.Deadline).Length == 0)
            {
                group = number.Length > 0 ? number : content;
                continue;
            }

            var deadlineText = Columns.Cell(cells, columns.Deadline);
            var deadline = deadlineText.Length == 0 ? null : TaskReader.ToDeadline(deadlineText, contextYear);
            if (deadline is { Due: null, Precision: "none" })
            {
                deadline = TaskReader.FindDeadline(deadlineText, contextYear) ?? deadline;
            }

            var label = group is not null && number.Length > 0 && !number.Contains('.', StringComparison.Ordinal)
                ? $"{group}.{number}"
                : number.Length > 0 ? number : group;
            var task = new ExtractedTask(label, VietnameseText.CollapseWhitespace(content),
                lead.Length == 0 ? [] : AgencyPhrases.Split(lead),
                Columns.Cell(cells, columns.Cooperating) is { Length: > 0 } co ? AgencyPhrases.Split(co) : [],
                deadline, TaskReader.Quote(content));
            var at = text.IndexOf(content, start, StringComparison.Ordinal);
            yield return new Spanned<ExtractedTask>(task, at >= 0 ? at : start, at >= 0 ? content.Length : line.Length);
        }
    }

    private sealed record Columns(int Number, int Content, int Lead, int Cooperating, int Deadline)
    {
        public static Columns? FromHeader(string[] cells)
        {
            int Find(params string[] words) => Array.FindIndex(cells, c => words.Any(w => VietnameseText.Fold(c).Contains(w, StringComparison.Ordinal)));
            var content = Find("nội dung", "nhiệm vụ", "tên nhiệm vụ", "công việc");
            var lead = Find("chủ trì", "thực hiện", "cơ quan chủ");
            if (content < 0 || lead < 0 || content == lead)
            {
                return null;
            }

            return new Columns(Find("tt", "stt", "số thứ tự"), content, lead, Find("phối hợp"), Find("thời gian", "thời hạn", "tiến độ"));
        }

        public static string Cell(string[] cells, int index) => index >= 0 && index < cells.Length ? cells[index] : string.Empty;
    }
}
