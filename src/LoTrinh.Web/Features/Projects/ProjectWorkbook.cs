using System.Globalization;
using System.Text.RegularExpressions;
using LoTrinh.Core.Projects;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Units;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace LoTrinh.Web.Features.Projects;

/// <param name="Problems">Each names its row and column; when there is one, nothing was written.</param>
public sealed record WorkbookResult(int Added, int Updated, IReadOnlyList<string> Problems)
{
    public string Summary => Problems.Count > 0 ? $"Không ghi gì: {Problems.Count} lỗi." : $"Đã thêm {Added} dự án, sửa {Updated}.";
}

/// <summary>
/// The project register as a sheet, one template both ways: the export is what a person edits and imports back. A row without
/// "Mã" adds a project; a row with it edits that project, its milestones and its linked tasks. Units are written "Tên (mã)"
/// so a name two provinces share is never guessed; the columns marked "chỉ đọc" are for reading.
/// </summary>
public static partial class ProjectWorkbook
{
    public const long MaxBytes = 5L * 1024 * 1024;
    public const int MaxRows = 5_000;

    private const string Id = "Mã", Name = "Dự án", Kind = "Loại", Unit = "Đơn vị hành chính hiện nay", Former = "Đơn vị trước 01/07/2025",
        Latitude = "Vĩ độ", Longitude = "Kinh độ", Investor = "Chủ đầu tư", Decision = "Quyết định", DecidedOn = "Ngày quyết định",
        Total = "Tổng mức đầu tư (đồng)", Sources = "Nguồn vốn", Published = "Công khai", Note = "Ghi chú", Tasks = "Nhiệm vụ liên kết (mã)";

    private static string PlannedColumn(MilestoneKind k) => $"{k.Vietnamese()} — kế hoạch";

    private static string ActualColumn(MilestoneKind k) => $"{k.Vietnamese()} — thực tế";

    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["name"] = Name,
        ["kind"] = Kind,
        ["unitId"] = Unit,
        ["formerUnitId"] = Former,
        ["latitude"] = Latitude,
        ["longitude"] = Longitude,
        ["investor"] = Investor,
        ["decision"] = Decision,
        ["decidedOn"] = DecidedOn,
        ["totalInvestmentVnd"] = Total,
        ["capitalSources"] = Sources,
        ["note"] = Note,
        ["site"] = Id,
        ["version"] = Id,
        ["taskId"] = Tasks,
    };

    public static async Task<IReadOnlyList<IDictionary<string, object?>>> RowsAsync(AppDbContext db, DateOnly asOf, CancellationToken ct)
    {
        var rows = (await ProjectBook.LoadAsync(db, asOf, ct)).ToDictionary(r => r.Id);
        var projects = await db.KeyProjects.AsNoTracking().Include(p => p.AdministrativeUnit).Include(p => p.FormerUnit).Include(p => p.Milestones)
            .Include(p => p.Tasks).AsSplitQuery().OrderBy(p => p.Name).ToListAsync(ct);
        return [.. projects.Select(p =>
        {
            var row = new Dictionary<string, object?>
            {
                [Id] = p.Id, [Name] = p.Name, [Kind] = ProjectNames.KindName(p.Kind), [Unit] = UnitCell(p.AdministrativeUnit), [Former] = UnitCell(p.FormerUnit),
                [Latitude] = p.Latitude, [Longitude] = p.Longitude, [Investor] = p.Investor, [Decision] = p.Decision,
                [DecidedOn] = p.DecidedOn?.ToDateTime(TimeOnly.MinValue), [Total] = p.TotalInvestmentVnd, [Sources] = p.CapitalSources,
                [Published] = p.Published ? "có" : "không", [Note] = p.Note,
            };
            foreach (var kind in Enum.GetValues<MilestoneKind>())
            {
                var m = p.Milestones.FirstOrDefault(x => x.Kind == kind);
                row[PlannedColumn(kind)] = m?.PlannedOn?.ToDateTime(TimeOnly.MinValue);
                row[ActualColumn(kind)] = m?.AchievedOn?.ToDateTime(TimeOnly.MinValue);
            }

            row[Tasks] = string.Join("; ", p.Tasks.Select(t => t.Id).Order());
            row["Tình trạng (chỉ đọc)"] = rows[p.Id].StatusText;
            row["Tỷ lệ giải ngân (chỉ đọc)"] = rows[p.Id].DisbursementRate;
            return (IDictionary<string, object?>)row;
        })];
    }

    public static async Task<WorkbookResult> ImportFileAsync(AppDbContext db, IFormFile? file, DateOnly today, CancellationToken ct) =>
        file is null || file.Length == 0 ? new(0, 0, ["Chọn tệp .xlsx hoặc .csv (trường \"file\") để nhập."])
        : file.Length > MaxBytes ? new(0, 0, [$"Tệp lớn hơn {MaxBytes / 1024 / 1024} MB."])
        : await ImportAsync(db, file.FileName, file.OpenReadStream(), today, ct);

    /// <summary>Reads the sheet and applies it in one transaction; any problem, and nothing is written.</summary>
    public static async Task<WorkbookResult> ImportAsync(AppDbContext db, string fileName, Stream content, DateOnly today, CancellationToken ct)
    {
        ExcelType? type = Path.GetExtension(fileName).ToLowerInvariant() switch { ".xlsx" => ExcelType.XLSX, ".csv" => ExcelType.CSV, _ => null };
        if (type is null)
        {
            return new(0, 0, ["Chỉ nhận tệp .xlsx hoặc .csv (mẫu tải từ danh mục dự án)."]);
        }

        List<IDictionary<string, object?>> rows;
        try
        {
            rows = [.. MiniExcel.Query(content, useHeaderRow: true, excelType: type.Value).Cast<IDictionary<string, object?>>().Take(MaxRows + 1)];
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException or ArgumentException
                                      or System.Xml.XmlException or NotSupportedException)
        {
            return new(0, 0, [$"Không đọc được tệp {Path.GetFileName(fileName)}: tệp hỏng hoặc không đúng định dạng."]);
        }

        if (rows.Count == 0 || !rows[0].ContainsKey(Name))
        {
            return new(0, 0, [$"Tệp không có dòng nào, hoặc thiếu cột \"{Name}\": dùng mẫu tải từ danh mục dự án."]);
        }

        if (rows.Count > MaxRows)
        {
            return new(0, 0, [$"Tệp có hơn {MaxRows:N0} dòng."]);
        }

        var problems = new List<string>();
        var (added, updated) = (0, 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (row, index) in rows.Select((r, i) => (r, i + 2)))
        {
            void Fail(string column, string message) => problems.Add($"Dòng {index}, cột \"{column}\": {message}");
            void FailAll(InputErrors? errors, string? column = null)
            {
                foreach (var (field, messages) in errors?.All ?? new Dictionary<string, string[]>())
                {
                    foreach (var m in messages)
                    {
                        Fail(column ?? ColumnOf.GetValueOrDefault(field, field), m);
                    }
                }
            }

            string? Text(string column) => row.TryGetValue(column, out var v) ? Cell(v) : null;
            if (row.Values.All(v => string.IsNullOrWhiteSpace(Cell(v))))
            {
                continue;
            }

            var cells = new InputErrors();
            var unit = await ResolveUnitAsync(db, Text(Unit), today, current: true, ct);
            var former = await ResolveUnitAsync(db, Text(Former), today, current: false, ct);
            if (unit.Problem is { } up)
            {
                cells.Add("unitId", up);
            }

            if (former.Problem is { } fp)
            {
                cells.Add("formerUnitId", fp);
            }

            var kindText = Text(Kind);
            var kind = kindText is null ? "other"
                : ProjectNames.Kinds.FirstOrDefault(k => k.Code == kindText || VietnameseText.MatchKey(k.Name) == VietnameseText.MatchKey(kindText)).Code ?? kindText;
            var input = new ProjectInput(Text(Name), kind, unit.Id, former.Id, cells.Number("latitude", Text(Latitude), -90, 90),
                cells.Number("longitude", Text(Longitude), -180, 180), null, Text(Investor), Text(Decision), Text(DecidedOn),
                cells.Number("totalInvestmentVnd", Text(Total), 0, ProjectRegister.MaxVnd, grouped: true), Text(Sources), Text(Note),
                VietnameseText.MatchKey(Text(Published) ?? "") is "co" or "x" or "true" or "1", 0);
            var taskIds = new List<long>();
            foreach (var part in (Text(Tasks) ?? "").Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var taskId) && await db.Tasks.AnyAsync(t => t.Id == taskId, ct))
                {
                    taskIds.Add(taskId);
                }
                else
                {
                    cells.Add("taskId", $"Không có nhiệm vụ mã \"{(InputBoundary.Problem(part, 40) is null ? part : "?")}\".");
                }
            }

            if (cells.Any)
            {
                FailAll(cells);
                continue;
            }

            long id;
            if (Text(Id) is not { } idText)
            {
                var (project, errors) = await ProjectRegister.AddAsync(db, input, today, ct);
                FailAll(errors);
                if (project is null)
                {
                    continue;
                }

                (id, added) = (project.Id, added + 1);
            }
            else if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out id)
                     || await db.KeyProjects.Include(p => p.Tasks).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } existing)
            {
                Fail(Id, $"Không có dự án mã {idText}; để trống cột Mã để thêm dự án mới.");
                continue;
            }
            else
            {
                var errors = await ProjectRegister.UpdateAsync(db, id, input with { Site = existing.Site, Version = existing.Version }, today, ct);
                FailAll(errors);
                updated += errors?.Any == false ? 1 : 0;
            }

            foreach (var kindOfMilestone in Enum.GetValues<MilestoneKind>())
            {
                var current = await db.ProjectMilestones.AsNoTracking().FirstOrDefaultAsync(m => m.ProjectId == id && m.Kind == kindOfMilestone, ct);
                var (planned, actual) = (Text(PlannedColumn(kindOfMilestone)), Text(ActualColumn(kindOfMilestone)));
                if (Same(current?.PlannedOn, planned) && Same(current?.AchievedOn, actual))
                {
                    continue;
                }

                var errors = await ProjectRegister.SetMilestoneAsync(db, id, kindOfMilestone, new MilestoneInput(planned, actual, current?.Note), today, ct);
                foreach (var (field, messages) in errors?.All ?? new Dictionary<string, string[]>())
                {
                    Fail(field == "plannedOn" ? PlannedColumn(kindOfMilestone) : ActualColumn(kindOfMilestone), string.Join(" ", messages));
                }
            }

            var linked = await db.KeyProjects.Where(p => p.Id == id).SelectMany(p => p.Tasks).Select(t => t.Id).ToListAsync(ct);
            foreach (var taskId in taskIds.Except(linked))
            {
                FailAll(await ProjectRegister.LinkTaskAsync(db, id, taskId, link: true, ct));
            }

            foreach (var taskId in linked.Except(taskIds))
            {
                FailAll(await ProjectRegister.LinkTaskAsync(db, id, taskId, link: false, ct));
            }
        }

        if (problems.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new(0, 0, problems);
        }

        await tx.CommitAsync(ct);
        return new(added, updated, []);
    }

    private static bool Same(DateOnly? stored, string? cell) =>
        Input.TryDate(cell, out var d, out _) ? d == stored : false;

    public static string? UnitCell(AdministrativeUnit? unit) => unit is null ? null : $"{unit.Name} ({unit.Code})";

    /// <summary>A unit written "Tên (mã)" or by its name alone; today's map, or before 1/7/2025. Unknown or ambiguous is a problem.</summary>
    private static async Task<(long? Id, string? Problem)> ResolveUnitAsync(AppDbContext db, string? cell, DateOnly today, bool current, CancellationToken ct)
    {
        if (cell is null)
        {
            return (null, null);
        }

        var among = current ? db.Units.Where(u => u.ValidTo == null || u.ValidTo >= today) : db.Units.Where(u => u.ValidTo != null && u.ValidTo < today);
        if (CodeInCell().Match(cell) is { Success: true } m)
        {
            var code = m.Groups[1].Value;
            return await among.Where(u => u.Code == code).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct) is { } byCode
                ? (byCode, null) : (null, $"Không có đơn vị mã {code} {(current ? "trên bản đồ hiện nay" : "trước 01/07/2025")}.");
        }

        var key = VietnameseText.MatchKey(cell);
        var found = (await among.Where(u => u.Name.Length == cell.Length).Select(u => new { u.Id, u.Name, u.Code }).ToListAsync(ct))
            .Where(u => VietnameseText.MatchKey(u.Name) == key).ToList();
        return found switch
        {
            [var one] => (one.Id, null),
            [] => (null, $"Không có \"{(InputBoundary.Problem(cell, 100) is null ? cell : "?")}\" {(current ? "trên bản đồ hiện nay" : "trước 01/07/2025")}."),
            _ => (null, $"Có {found.Count} đơn vị tên \"{cell}\" ({string.Join(", ", found.Select(f => f.Code))}); ghi kèm mã: \"{cell} (mã)\"."),
        };
    }

    [GeneratedRegex(@"\((\d{1,6})\)\s*$")]
    private static partial Regex CodeInCell();

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        // A date read back from CSV comes as the text the export wrote, with a midnight time.
        string t when DateTime.TryParseExact(t.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.TimeOfDay == TimeSpan.Zero
            => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Input.Clean(value.ToString()),
    };
}
