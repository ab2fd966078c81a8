using System.Globalization;
using MiniExcelLibs;

namespace LoTrinh.Web.Features.Tasks;

/// <summary>
/// The task list as a file: the columns the page shows, Vietnamese headers; in XLSX the dates are dates and the id a
/// number (Excel sorts and filters them), in CSV ISO dates any tool reads.
/// </summary>
public static class TaskExport
{
    public static Dictionary<string, object?> Row(TaskRow t, ExcelType type)
    {
        ArgumentNullException.ThrowIfNull(t);
        object? Day(DateOnly? d) => d is not { } day ? null
            : type == ExcelType.XLSX ? day.ToDateTime(TimeOnly.MinValue) : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Dictionary<string, object?>
        {
            ["Mã"] = t.Id,
            ["Nhiệm vụ"] = t.Text,
            ["Văn bản"] = t.Directive,
            ["Mục"] = t.Section,
            ["Chủ trì"] = t.Lead,
            ["Phối hợp"] = string.Join("; ", t.CoLeads.Concat(t.Cooperating)),
            ["Thời hạn"] = t.Deadline?.Text,
            ["Hạn (ngày)"] = Day(t.Deadline?.Due),
            ["Hoàn thành"] = Day(t.CompletedOn),
            ["Tình trạng"] = t.StatusLabel,
        };
    }
}
