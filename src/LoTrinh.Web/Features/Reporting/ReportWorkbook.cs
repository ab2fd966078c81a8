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
/// per task; sheet "ChiTieu" a row per indicator and locality the regime asks a figure of. On upload every cell is checked and the problems are listed by sheet, row and column; the report is saved
/// through the same rules as the form, and only when the whole file is right. A file of another report, or with a
/// header changed, is refused as not this template; a file downloaded before a colleague's save is refused as stale.
/// </summary>
public static class ReportWorkbook
{
    public const long MaxBytes = 5L * 1024 * 1024;
    public const string InfoSheet = "ThongTin";
    public const string TasksSheet = "NhiemVu";
    public const string ValuesSheet = "ChiTieu";

    // The indicators sheet, A to G; F and G are what the agency fills.
    private static readonly string[] ValueHeaders = ["Mã chỉ số", "Chỉ số", "Đơn vị tính", "Mã địa bàn", "Địa bàn", "Giá trị", "Nguồn, ghi chú"];

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
        var values = report.Values.Select(v => new Dictionary<string, object?>
        {
            [ValueHeaders[0]] = v.IndicatorId,
            [ValueHeaders[1]] = v.Indicator,
            [ValueHeaders[2]] = v.Measure,
            [ValueHeaders[3]] = v.UnitCode,
            [ValueHeaders[4]] = v.Unit,
            [ValueHeaders[5]] = v.Value,
            [ValueHeaders[6]] = v.Note,
        }).ToList();
        if (values.Count == 0)
        {
            // The sheet keeps its header even when the regime asks for no figure: the template is the same for all.
            values.Add(ValueHeaders.ToDictionary(h => h, _ => (object?)null));
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [InfoSheet] = info, [TasksSheet] = tasks, [ValuesSheet] = values }, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>
    /// Reads an uploaded form for <paramref name="report"/>: the input to save, or the problems by cell. Notes the row of
    /// the file each line and value came from ("lines[12]", "values[3-7]"), so a problem the report's rules find later
    /// can be named by its cell too.
    /// </summary>
    private static (ReportInput? Input, IReadOnlyList<string> Problems) Read(Stream content, ReportView report, Dictionary<string, int> rowOf)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(report);
        var problems = new List<string>();
        List<IDictionary<string, object?>> info, tasks, figures;
        try
        {
            var sheets = content.GetSheetNames();
            if (!sheets.Contains(InfoSheet) || !sheets.Contains(TasksSheet) || !sheets.Contains(ValuesSheet))
            {
                return (null, [$"Tệp không phải mẫu báo cáo của LoTrinh: cần các trang {InfoSheet}, {TasksSheet}, {ValuesSheet} (có: {string.Join(", ", sheets)}). Hãy tải mẫu ở trang báo cáo."]);
            }

            info = [.. content.Query(useHeaderRow: false, sheetName: InfoSheet).Cast<IDictionary<string, object?>>()];
            tasks = [.. content.Query(useHeaderRow: false, sheetName: TasksSheet).Cast<IDictionary<string, object?>>()];
            figures = [.. content.Query(useHeaderRow: false, sheetName: ValuesSheet).Cast<IDictionary<string, object?>>()];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a damaged or foreign file makes the reader throw, the answer is the same: not the template.
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

        CheckHeader(TasksSheet, tasks, Headers, problems);
        CheckHeader(ValuesSheet, figures, ValueHeaders, problems);

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

            rowOf[$"lines[{taskId}]"] = at;
            lines.Add(new LineInput(taskId, claimed, percent, completedOn, Text(row, "H"), Text(row, "I"), Text(row, "J")));
        }

        var valueInputs = ReadValues(figures, report, problems, rowOf);
        return problems.Count > 0 ? (null, problems) : (new ReportInput(version, values["Tình hình chung"], lines, valueInputs), problems);
    }

    private static void CheckHeader(string sheet, List<IDictionary<string, object?>> rows, string[] headers, List<string> problems)
    {
        var header = rows.FirstOrDefault();
        for (var i = 0; i < headers.Length; i++)
        {
            var column = Column(i);
            if (header is null || Text(header, column) != headers[i])
            {
                problems.Add($"Trang {sheet}, ô {column}1: tiêu đề \"{(header is null ? null : Text(header, column))}\" khác mẫu (\"{headers[i]}\"); không đổi tiêu đề của mẫu.");
            }
        }
    }

    /// <summary>The indicators sheet: a value per indicator and locality the report asks for, a number in column F.</summary>
    private static List<ValueInput> ReadValues(List<IDictionary<string, object?>> rows, ReportView report, List<string> problems, Dictionary<string, int> rowOf)
    {
        var known = report.Values.ToDictionary(v => (v.IndicatorId, v.UnitCode));
        var inputs = new List<ValueInput>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var at = r + 1;
            if (Enumerable.Range(0, ValueHeaders.Length).All(i => Text(row, Column(i)) is null))
            {
                continue;
            }

            if (!long.TryParse(Text(row, "A"), NumberStyles.None, CultureInfo.InvariantCulture, out var indicator)
                || Text(row, "D") is not { } unitCode || !known.TryGetValue((indicator, unitCode), out var asked))
            {
                problems.Add($"Trang {ValuesSheet}, dòng {at}, cột A: chỉ số \"{Text(row, "A")}\" tại địa bàn \"{Text(row, "D")}\" không thuộc báo cáo này; không thêm dòng, không sửa mã.");
                continue;
            }

            decimal? value = null;
            if (row.TryGetValue("F", out var cell) && cell is not null && !(cell is string blank && string.IsNullOrWhiteSpace(blank)))
            {
                if (cell is double or decimal or int or long && decimal.TryParse(Convert.ToString(cell, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    || cell is string typed && LoTrinh.Core.Text.VietnameseText.TryParseNumber(typed, out number))
                {
                    value = number;
                }
                else
                {
                    problems.Add($"Trang {ValuesSheet}, dòng {at}, cột F: \"{cell}\" không phải một số.");
                }
            }

            rowOf[$"values[{indicator}-{asked.UnitId}]"] = at;
            inputs.Add(new ValueInput(indicator, asked.UnitId, value, Text(row, "G")));
        }

        return inputs;
    }

    /// <summary>Reads and saves an uploaded form; null when the report is not in the viewer's scope.</summary>
    public static async Task<WorkbookResult?> ImportAsync(AppDbContext db, long id, Stream content, TimeProvider time, CancellationToken ct)
    {
        if (await ReportingViews.ReportAsync(db, id, ct) is not { } report)
        {
            return null;
        }

        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var (input, problems) = Read(content, report, rowOf);
        if (input is null)
        {
            return new WorkbookResult(problems);
        }

        var errors = await ReportingCycle.SaveAsync(db, id, input, time, ct);
        if (errors is null)
        {
            return null;
        }

        // The form's rules speak of a task (or an indicator) and a field; the file's reader wants a row and a column.
        return new WorkbookResult([.. errors.All.SelectMany(e => e.Value.Select(message => Cell(e.Key, message, rowOf)))], errors.IsConflict);
    }

    private static string Cell(string field, string message, Dictionary<string, int> rowOf)
    {
        switch (field)
        {
            case "version":
                return $"Trang {InfoSheet}, ô B5: báo cáo đã được lưu sau khi tải mẫu này; hãy tải mẫu mới và điền lại.";
            case "summary":
                return $"Trang {InfoSheet}, ô B6: {message}";
        }

        // "lines[12].percent" or "values[3-7].value": the row the reader noted, the column of the field.
        var end = field.IndexOf(']', StringComparison.Ordinal);
        if (end > 0 && rowOf.TryGetValue(field[..(end + 1)], out var row))
        {
            var name = end + 2 < field.Length ? field[(end + 2)..] : string.Empty;
            return field.StartsWith("values[", StringComparison.Ordinal)
                ? $"Trang {ValuesSheet}, dòng {row}, cột {(name == "note" ? "G" : "F")}: {message}"
                : $"Trang {TasksSheet}, dòng {row}, cột {FieldColumns.GetValueOrDefault(name, "A")}: {message}";
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
