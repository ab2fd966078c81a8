using System.Globalization;
using LoTrinh.Core.Reporting;
using LoTrinh.Web.Data;
using MiniExcelLibs;

namespace LoTrinh.Web.Features.Reporting;

/// <summary>What an uploaded form did: nothing (the problems, each naming its sheet, row and column), or the report saved.</summary>
public sealed record WorkbookResult(IReadOnlyList<string> Problems, bool Conflict = false)
{
    public bool Saved => Problems.Count == 0;
}

/// <summary>
/// The agency's report as an Excel file to fill offline: the same template both ways. Sheet "ThongTin" names the
/// report (its id, agency, period and the version downloaded) and holds the general account; sheet "NhiemVu" has a row
/// per task. On upload every cell is checked and the problems are listed by sheet, row and column; the report is saved
/// through the same rules as the form, and only when the whole file is right. A file of another report, or with a
/// header changed, is refused as not this template; a file downloaded before a colleague's save is refused as stale.
/// </summary>
public static class ReportWorkbook
{
    public const long MaxBytes = 5L * 1024 * 1024;
    public const string InfoSheet = "ThongTin";
    public const string TasksSheet = "NhiemVu";

    private static readonly string[] InfoKeys = ["Mã báo cáo", "Cơ quan", "Kỳ báo cáo", "Phiên bản", "Tình hình chung", "Hướng dẫn"];

    // The columns of the tasks sheet, A to J; E to J are what the agency fills.
    private static readonly string[] Headers =
        ["Mã nhiệm vụ", "Nhiệm vụ", "Vai trò", "Thời hạn", "Tình trạng", "Tỷ lệ hoàn thành (%)", "Ngày hoàn thành (dd/mm/yyyy)",
         "Kết quả thực hiện", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"];

    private static readonly Dictionary<string, string> FieldColumns = new(StringComparer.Ordinal)
    {
        ["claimed"] = "E",
        ["percent"] = "F",
        ["completedOn"] = "G",
        ["progress"] = "H",
        ["difficulties"] = "I",
        ["proposals"] = "J",
    };

    /// <summary>The report's id in the name: the file says which report it fills even before it is opened.</summary>
    public static string FileName(ReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"bao-cao-{report.Id}.xlsx";
    }

    public static async Task<byte[]> WriteAsync(ReportView report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var info = new List<Dictionary<string, object?>>
        {
            Info("Mã báo cáo", report.Id.ToString(CultureInfo.InvariantCulture)),
            Info("Cơ quan", report.Agency),
            Info("Kỳ báo cáo", $"{report.Regime} — {report.Period}"),
            Info("Phiên bản", report.Version.ToString(CultureInfo.InvariantCulture)),
            Info("Tình hình chung", report.Summary),
            Info("Hướng dẫn", $"Điền các cột E–J của trang {TasksSheet} và ô Tình hình chung. Tình trạng: {string.Join(" / ", Enum.GetValues<ClaimedProgress>().Select(c => c.Vietnamese()))}. Không đổi tiêu đề, mã nhiệm vụ, không thêm dòng."),
        };
        var tasks = report.Lines.Select(l => new Dictionary<string, object?>
        {
            [Headers[0]] = l.TaskId,
            [Headers[1]] = l.Text,
            [Headers[2]] = l.Role == "cooperating" ? "Phối hợp" : "Chủ trì",
            [Headers[3]] = l.Deadline,
            [Headers[4]] = Claimed(l.Claimed).Vietnamese(),
            [Headers[5]] = l.Percent,
            [Headers[6]] = l.CompletedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            [Headers[7]] = l.Progress,
            [Headers[8]] = l.Difficulties,
            [Headers[9]] = l.Proposals,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [InfoSheet] = info, [TasksSheet] = tasks }, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>Reads an uploaded form for <paramref name="report"/>: the input to save, or the problems by cell.</summary>
    public static (ReportInput? Input, IReadOnlyList<string> Problems) Read(Stream content, ReportView report)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(report);
        var problems = new List<string>();
        List<IDictionary<string, object?>> info, tasks;
        try
        {
            var sheets = content.GetSheetNames();
            if (!sheets.Contains(InfoSheet) || !sheets.Contains(TasksSheet))
            {
                return (null, [$"Tệp không phải mẫu báo cáo của LoTrinh: cần hai trang {InfoSheet} và {TasksSheet} (có: {string.Join(", ", sheets)}). Hãy tải mẫu ở trang báo cáo."]);
            }

            info = [.. content.Query(useHeaderRow: false, sheetName: InfoSheet).Cast<IDictionary<string, object?>>()];
            tasks = [.. content.Query(useHeaderRow: false, sheetName: TasksSheet).Cast<IDictionary<string, object?>>()];
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException or NotSupportedException or ArgumentException or FormatException or KeyNotFoundException or NullReferenceException)
        {
            return (null, ["Không đọc được tệp: không phải tệp Excel (.xlsx) hợp lệ, hoặc tệp hỏng. Hãy tải mẫu ở trang báo cáo, điền rồi tải lên."]);
        }

        // Which report, which version: a file of another agency or period is not this report's template.
        var values = info.Skip(1).Where(r => Text(r, "A") is not null).GroupBy(r => Text(r, "A")!).ToDictionary(g => g.Key, g => Text(g.First(), "B"));
        if (!InfoKeys.All(values.ContainsKey))
        {
            return (null, [$"Trang {InfoSheet}: thiếu mục {string.Join(", ", InfoKeys.Where(k => !values.ContainsKey(k)))}; tệp không phải mẫu của báo cáo này."]);
        }

        if (values["Mã báo cáo"] != report.Id.ToString(CultureInfo.InvariantCulture))
        {
            return (null, [$"Trang {InfoSheet}, ô B2: tệp là mẫu của báo cáo khác ({values["Cơ quan"]}, {values["Kỳ báo cáo"]}), không phải của {report.Agency}, {report.Regime} — {report.Period}."]);
        }

        if (!uint.TryParse(values["Phiên bản"], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            problems.Add($"Trang {InfoSheet}, ô B5: phiên bản \"{values["Phiên bản"]}\" đã bị sửa; hãy tải lại mẫu.");
        }

        var header = tasks.FirstOrDefault();
        for (var i = 0; i < Headers.Length; i++)
        {
            var column = Column(i);
            if (header is null || Text(header, column) != Headers[i])
            {
                problems.Add($"Trang {TasksSheet}, ô {column}1: tiêu đề \"{(header is null ? null : Text(header, column))}\" khác mẫu (\"{Headers[i]}\"); không đổi tiêu đề của mẫu.");
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var known = report.Lines.ToDictionary(l => l.TaskId);
        var seen = new HashSet<long>();
        var lines = new List<LineInput>();
        for (var r = 1; r < tasks.Count; r++)
        {
            var row = tasks[r];
            var at = r + 1;
            if (Enumerable.Range(0, Headers.Length).All(i => Text(row, Column(i)) is null))
            {
                continue;
            }

            if (!long.TryParse(Text(row, "A"), NumberStyles.None, CultureInfo.InvariantCulture, out var taskId) || !known.ContainsKey(taskId))
            {
                problems.Add($"Trang {TasksSheet}, dòng {at}, cột A: \"{Text(row, "A")}\" không phải mã một nhiệm vụ của báo cáo này; không thêm dòng, không sửa mã.");
                continue;
            }

            if (!seen.Add(taskId))
            {
                problems.Add($"Trang {TasksSheet}, dòng {at}, cột A: nhiệm vụ {taskId} ghi hai lần.");
                continue;
            }

            string? claimed = null;
            if (Text(row, "E") is { } status)
            {
                claimed = Enum.GetValues<ClaimedProgress>().Where(c => string.Equals(c.Vietnamese(), status, StringComparison.OrdinalIgnoreCase))
                    .Select(c => c.Code()).FirstOrDefault();
                if (claimed is null)
                {
                    problems.Add($"Trang {TasksSheet}, dòng {at}, cột E: tình trạng \"{status}\" không có; ghi {string.Join(", ", Enum.GetValues<ClaimedProgress>().Select(x => x.Vietnamese()))}.");
                }
            }

            int? percent = null;
            if (row.TryGetValue("F", out var p) && p is not null && !(p is string s0 && string.IsNullOrWhiteSpace(s0)))
            {
                if (decimal.TryParse(Convert.ToString(p, CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
                {
                    percent = (int)number;
                }
                else
                {
                    problems.Add($"Trang {TasksSheet}, dòng {at}, cột F: tỷ lệ \"{p}\" phải là số nguyên từ 0 đến 100.");
                }
            }

            string? completedOn = row.TryGetValue("G", out var d) switch
            {
                true when d is DateTime date => DateOnly.FromDateTime(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                true when d is double serial && serial is > 0 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => Text(row, "G"),
            };
            if (completedOn is not null && !Input.TryDate(completedOn, out _, out var dateProblem))
            {
                problems.Add($"Trang {TasksSheet}, dòng {at}, cột G: {dateProblem}");
                completedOn = null;
            }

            lines.Add(new LineInput(taskId, claimed, percent, completedOn, Text(row, "H"), Text(row, "I"), Text(row, "J")));
        }

        return problems.Count > 0 ? (null, problems) : (new ReportInput(version, values["Tình hình chung"], lines), problems);
    }

    /// <summary>Reads and saves an uploaded form; null when the report is not in the viewer's scope.</summary>
    public static async Task<WorkbookResult?> ImportAsync(AppDbContext db, long id, Stream content, TimeProvider time, CancellationToken ct)
    {
        if (await ReportingViews.ReportAsync(db, id, ct) is not { } report)
        {
            return null;
        }

        var (input, problems) = Read(content, report);
        if (input is null)
        {
            return new WorkbookResult(problems);
        }

        var errors = await ReportingCycle.SaveAsync(db, id, input, time, ct);
        if (errors is null)
        {
            return null;
        }

        // The form's rules speak of a task and a field; the file's reader wants a row and a column.
        var rows = input.Lines!.Select((l, i) => (l.TaskId, Row: i)).ToDictionary(x => x.TaskId, x => x.Row);
        return new WorkbookResult([.. errors.All.SelectMany(e => e.Value.Select(message => Cell(e.Key, message, rows)))], errors.IsConflict);
    }

    private static string Cell(string field, string message, Dictionary<long, int> rows)
    {
        if (field == "version")
        {
            return $"Trang {InfoSheet}, ô B5: báo cáo đã được lưu sau khi tải mẫu này; hãy tải mẫu mới và điền lại.";
        }

        if (field == "state")
        {
            return message;
        }

        if (field == "summary")
        {
            return $"Trang {InfoSheet}, ô B6: {message}";
        }

        // lines[<task>].<field>
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (open >= 0 && close > open && long.TryParse(field[(open + 1)..close], CultureInfo.InvariantCulture, out var task)
            && rows.TryGetValue(task, out var row))
        {
            var column = FieldColumns.GetValueOrDefault(field[(close + 2)..], "A");
            return $"Trang {TasksSheet}, dòng {row + 2}, cột {column}: {message}";
        }

        return message;
    }

    private static Dictionary<string, object?> Info(string key, string? value) => new() { ["Mục"] = key, ["Giá trị"] = value };

    private static ClaimedProgress Claimed(string code) => ReportRules.TryParseClaimed(code, out var claimed) ? claimed : ClaimedProgress.InProgress;

    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static string? Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text
            && !string.IsNullOrWhiteSpace(text) ? Input.Clean(text) : null;
}
