using System.Globalization;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Indicators;

/// <summary>An indicator, how many targets use it, and the end of the latest period it has a figure for (not a count: there are millions).</summary>
public sealed record IndicatorRow(long Id, string Name, string Unit, string Direction, int Targets, DateOnly? LatestPeriod);

/// <param name="AwaitingApproval">Entered by an agency, not yet approved by the secretariat (chờ duyệt): not public.</param>
public sealed record MeasurementView(long Id, string UnitCode, string UnitName, DateOnly PeriodStart, DateOnly PeriodEnd, string PeriodLabel,
    decimal Value, string Source, string EnteredBy, uint Version, bool AwaitingApproval);

/// <summary>An indicator, its targets, and one page of its figures (newest first) out of MeasurementsTotal.</summary>
public sealed record IndicatorDetails(long Id, string Name, string Unit, string Direction, IReadOnlyList<TargetRow> Targets,
    IReadOnlyList<MeasurementView> Measurements, int MeasurementsTotal);

/// <summary>A correction of a figure; Version is the one read, so a save over a newer one is refused.</summary>
public sealed record MeasurementEditInput(decimal? Value, string? Source, string? PeriodLabel, uint? Version);

public sealed record MeasurementInput(long? Indicator, string? UnitCode, string? PeriodStart, string? PeriodEnd, string? PeriodLabel,
    decimal? Value, string? Source);

public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Chỉ tiêu");
        group.MapGet("/", List).AllowAnonymous().WithSummary("Các chỉ số (tìm theo tên), theo trang (page, pageSize ≤ 1000), tổng số ở X-Total-Count.");
        group.MapGet("/{id:id}", Get).AllowAnonymous()
            .WithSummary("Một chỉ số: các chỉ tiêu đặt ra và số liệu thực hiện, mới nhất trước, theo trang (page, pageSize ≤ 1000), lọc theo mã đơn vị (unit).");
        group.MapGet("/{id:id}/measurements.{format}", Export).AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Số liệu của một chỉ số thành tệp csv (UTF-8 có BOM) hoặc xlsx, lọc theo mã đơn vị (unit): đúng các cột của tệp nhập hàng loạt "
                + "(chỉ số, mã đơn vị, từ ngày, đến ngày, kỳ, giá trị, đơn vị tính, nguồn; thêm tên đơn vị để đọc) — sửa rồi nhập lại được.");
        var measurements = app.MapGroup("/api/measurements").WithTags("Chỉ tiêu");
        measurements.MapPost("/", AddMeasurement).Requires(Permission.ReportProgress).WithSummary("Nhập số liệu thực hiện của một chỉ số cho một đơn vị và một kỳ.");
        measurements.MapPost("/import", Import).Requires(Permission.ReportProgress).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MeasurementImport.MaxBytes + 1024 * 1024))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MeasurementImport.MaxBytes + 1024 * 1024 })
            .WithSummary("Nhập số liệu hàng loạt từ tệp .csv (UTF-8) hoặc .xlsx (trường 'file'; cột indicator, unit_code, period_start, period_end, value, source, "
                + "tùy chọn period_label, unit): kiểm tra cả tệp, chỉ ghi khi mọi dòng hợp lệ; 400 liệt kê các dòng sai. "
                + "Gửi kèm ?run={guid} để theo dõi tiến độ khi tệp đang được nhập.");
        measurements.MapGet("/import/{run:guid}", ImportProgress).Requires(Permission.ReportProgress)
            .WithSummary("Tiến độ và kết quả của một lần nhập hàng loạt (run) do chính người hỏi bắt đầu: bước, phần trăm, số dòng đã đọc.");
        measurements.MapGet("/{id:id}", GetMeasurement).Requires(Permission.ReadInternal).WithSummary("Một số liệu, với phiên bản (version) để sửa.");
        measurements.MapPut("/{id:id}", UpdateMeasurement).Requires(Permission.ReportProgress)
            .WithSummary("Sửa giá trị, nguồn, tên kỳ của một số liệu; 409 khi đã có người sửa sau lần đọc (version).");
        measurements.MapPost("/{id:id}/approve", ApproveMeasurement).Requires(Permission.ApproveReport)
            .WithSummary("Duyệt một số liệu do cơ quan tự nhập: từ đó công khai và được tính như số liệu đã duyệt.");
        group.MapPost("/{id:id}/approve", ApproveAll).Requires(Permission.ApproveReport)
            .WithSummary("Duyệt mọi số liệu đang chờ duyệt của một chỉ số; trả về số đã duyệt.");
        measurements.MapPost("/{id:id}/restore", RestoreMeasurement).Requires(Permission.ReportProgress).WithSummary("Khôi phục một số liệu đã xóa.");
        measurements.MapDelete("/{id:id}", DeleteMeasurement).Requires(Permission.ReportProgress).WithSummary("Xóa một số liệu (xóa mềm, lịch sử giữ lại).");
    }

    /// <summary>One page of the indicators matching, by name, with how many targets and figures each has, and how many match.</summary>
    public static async Task<(IReadOnlyList<IndicatorRow> Rows, int Total)> QueryAsync(AppDbContext db, string? q, int page, int size, CancellationToken ct)
    {
        var query = db.Indicators.AsNoTracking();
        if (Input.Clean(q) is { } text)
        {
            query = query.Where(i => EF.Functions.ILike(i.Name, $"%{text}%"));
        }

        var rows = await query.OrderBy(i => i.Name).ThenBy(i => i.Id).Skip((page - 1) * size).Take(size)
            // The latest period is one step down the (indicator, period_end) index per row.
            .Select(i => new { i.Id, i.Name, i.Unit, i.Direction, Latest = db.Measurements.Where(m => m.IndicatorId == i.Id).Max(m => (DateOnly?)m.PeriodEnd) })
            .ToListAsync(ct);
        // Targets counted for this page's indicators only, in one grouped query.
        var ids = rows.Select(r => r.Id).ToList();
        var targets = await db.Targets.Where(t => ids.Contains(t.IndicatorId)).GroupBy(t => t.IndicatorId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return ([.. rows.Select(r => new IndicatorRow(r.Id, r.Name, r.Unit, Core.Targets.ComparatorCodes.Code(r.Direction),
            targets.GetValueOrDefault(r.Id), r.Latest))], await query.CountAsync(ct));
    }

    private static async Task<Ok<IReadOnlyList<IndicatorRow>>> List(
        AppDbContext db, HttpResponse response, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Input.Paging(page, pageSize, 100);
        var (rows, total) = await QueryAsync(db, q, p, size, ct);
        response.SetTotal(total);
        return TypedResults.Ok(rows);
    }

    public static async Task<IndicatorDetails?> LoadAsync(AppDbContext db, long id, DateOnly today, string? unitCode, int page, int size, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null)
        {
            return null;
        }

        var targets = await TargetStatus.QueryAsync(db, db.Targets.Where(t => t.IndicatorId == id), today, ct);
        var figures = db.Measurements.AsNoTracking().Where(m => m.IndicatorId == id);
        if (Input.Clean(unitCode) is { } code)
        {
            figures = figures.Where(m => m.AdministrativeUnit.Code == code);
        }

        var measurements = await figures
            .OrderByDescending(m => m.PeriodEnd).ThenByDescending(m => m.Id).Skip((page - 1) * size).Take(size)
            .Select(m => new MeasurementView(m.Id, m.AdministrativeUnit.Code, m.AdministrativeUnit.Name, m.PeriodStart, m.PeriodEnd,
                m.PeriodLabel, m.Value, m.Source, m.EnteredBy, m.Version, m.AwaitingApproval))
            .ToListAsync(ct);
        return new IndicatorDetails(indicator.Id, indicator.Name, indicator.Unit, Core.Targets.ComparatorCodes.Code(indicator.Direction), targets,
            measurements, await figures.CountAsync(ct));
    }

    private static async Task<Results<Ok<IndicatorDetails>, NotFound>> Get(
        long id, AppDbContext db, TimeProvider time, string? unit, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Input.Paging(page, pageSize, 100);
        return await LoadAsync(db, id, time.Today(), unit, p, size, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();
    }

    /// <summary>Past this many figures a file is refused: a filter by unit narrows it.</summary>
    public const int MaxExported = 200_000;

    /// <summary>
    /// The indicator's figures the viewer may read, as the bulk import's own template (its column names), so a
    /// person can export, correct and import back; the unit's name rides along (the import ignores it).
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult>> Export(long id, string format, string? unit, AppDbContext db, CancellationToken ct)
    {
        if (TableExport.Format(format) is not { } type)
        {
            return TypedResults.Problem(TableExport.FormatProblem, statusCode: StatusCodes.Status400BadRequest, title: "Định dạng không hỗ trợ");
        }

        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Id, i.Unit }).FirstOrDefaultAsync(ct);
        if (indicator is null)
        {
            return TypedResults.NotFound();
        }

        var figures = db.Measurements.AsNoTracking().Where(m => m.IndicatorId == id);
        if (!string.IsNullOrWhiteSpace(unit))
        {
            figures = figures.Where(m => m.AdministrativeUnit.Code == unit.Trim());
        }

        var count = await figures.CountAsync(ct);
        if (count > MaxExported)
        {
            return TypedResults.Problem($"Chỉ số có {count:N0} số liệu, quá {MaxExported:N0} dòng cho một lần xuất; hãy lọc theo mã đơn vị (unit).",
                statusCode: StatusCodes.Status400BadRequest, title: "Danh sách quá dài");
        }

        var rows = await figures.OrderBy(m => m.AdministrativeUnit.Code).ThenBy(m => m.PeriodEnd)
            .Select(m => new { Code = m.AdministrativeUnit.Code, UnitName = m.AdministrativeUnit.Name, m.PeriodStart, m.PeriodEnd, m.PeriodLabel, m.Value, m.Source })
            .ToListAsync(ct);
        var xlsx = type == MiniExcelLibs.ExcelType.XLSX;
        // Dates are the spreadsheet's dates in XLSX and ISO text in CSV: both are what the import reads.
        object Day(DateOnly d) => xlsx ? d.ToDateTime(TimeOnly.MinValue) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var table = rows.Select(m => new Dictionary<string, object?>
        {
            ["chỉ số"] = indicator.Id,
            ["mã đơn vị"] = m.Code,
            ["tên đơn vị"] = m.UnitName,
            ["từ ngày"] = Day(m.PeriodStart),
            ["đến ngày"] = Day(m.PeriodEnd),
            ["kỳ"] = m.PeriodLabel,
            ["giá trị"] = m.Value,
            ["đơn vị tính"] = indicator.Unit,
            ["nguồn"] = m.Source,
        });
        var (file, contentType, name) = await TableExport.WriteAsync(table, type, $"so-lieu-chi-so-{id}", ct);
        return TypedResults.File(file, contentType, name);
    }

    private static async Task<Results<Ok<BulkImportState>, NotFound>> ImportProgress(Guid run, AppDbContext db, CancellationToken ct) =>
        await BulkImportProgress.FindAsync(db.Database.GetConnectionString()!, run, db.Viewer.UserId, ct) is { } state ? TypedResults.Ok(state) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeasurementImportResult>, ProblemHttpResult>> Import(IFormFile? file, Guid? run, AppDbContext db, CancellationToken ct)
    {
        if (file is null)
        {
            return TypedResults.Problem("Gửi tệp trong trường 'file' (multipart/form-data).", statusCode: StatusCodes.Status400BadRequest, title: "Thiếu tệp");
        }

        if (file.Length > MeasurementImport.MaxBytes)
        {
            return TypedResults.Problem($"Tệp lớn hơn {MeasurementImport.MaxBytes / 1024 / 1024} MB; hãy chia nhỏ.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Tệp quá lớn");
        }

        await using var stream = file.OpenReadStream();
        var result = await MeasurementImport.RunAsync(db, run ?? Guid.CreateVersion7(), file.FileName, stream, ct);
        return result.ProblemCount == 0
            ? TypedResults.Ok(result)
            : TypedResults.Problem($"{result.ProblemCount} lỗi; không có số liệu nào được ghi.", statusCode: StatusCodes.Status400BadRequest,
                title: "Tệp số liệu có lỗi", extensions: new Dictionary<string, object?> { ["problems"] = result.Problems, ["problemCount"] = result.ProblemCount });
    }

    /// <summary>Validates and writes one measurement; shared by the indicator page and the API.</summary>
    public static async Task<(long? Id, InputErrors Errors)> AddMeasurementAsync(AppDbContext db, MeasurementInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (input.Indicator is not { } indicatorId || !await db.Indicators.AnyAsync(i => i.Id == indicatorId, ct))
        {
            errors.Add("indicator", "Không tìm thấy chỉ số.");
        }

        var start = errors.Date("periodStart", input.PeriodStart, required: true);
        var end = errors.Date("periodEnd", input.PeriodEnd, required: true);
        if (start > end)
        {
            errors.Add("periodEnd", "Kỳ số liệu kết thúc trước khi bắt đầu.");
        }

        if (input.Value is null)
        {
            errors.Add("value", "Cần nhập giá trị (số, dấu chấm thập phân).");
        }

        var source = errors.Required("source", input.Source);
        var code = errors.Required("unitCode", input.UnitCode);
        long? unitId = null;
        if (code is not null && end is { } day)
        {
            unitId = await UnitsApi.ResolveAsync(db, code, day, ct);
            if (unitId is null)
            {
                errors.Add("unitCode", $"Không có đơn vị hành chính mã {code} vào ngày {day:dd/MM/yyyy}.");
            }
        }

        if (!errors.Any && await db.Measurements.AnyAsync(m => m.IndicatorId == input.Indicator && m.AdministrativeUnitId == unitId
                && m.PeriodStart == start && m.PeriodEnd == end, ct))
        {
            errors.Add("periodStart", "Đã có số liệu của chỉ số này cho đơn vị và kỳ này.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var measurement = new Measurement
        {
            IndicatorId = input.Indicator!.Value,
            AdministrativeUnitId = unitId!.Value,
            PeriodStart = start!.Value,
            PeriodEnd = end!.Value,
            PeriodLabel = Input.Clean(input.PeriodLabel) ?? $"{start:dd/MM/yyyy} – {end:dd/MM/yyyy}",
            Value = input.Value!.Value,
            Source = source!,
            EnteredBy = db.Viewer.Name,
            AwaitingApproval = AwaitsApproval(db.Viewer),
        };
        db.Measurements.Add(measurement);
        await db.SaveChangesAsync(ct);
        return (measurement.Id, errors);
    }

    public static Task<MeasurementView?> LoadMeasurementAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.Measurements.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MeasurementView(m.Id, m.AdministrativeUnit.Code, m.AdministrativeUnit.Name, m.PeriodStart, m.PeriodEnd,
                m.PeriodLabel, m.Value, m.Source, m.EnteredBy, m.Version, m.AwaitingApproval))
            .FirstOrDefaultAsync(ct);

    /// <summary>Corrects a figure as read at its version; null when not found or out of scope; a conflict is refused.</summary>
    public static async Task<InputErrors?> UpdateMeasurementAsync(AppDbContext db, long id, MeasurementEditInput input, CancellationToken ct)
    {
        var measurement = await db.Measurements.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (measurement is null)
        {
            return null;
        }

        var errors = new InputErrors();
        if (input.Version is null)
        {
            errors.Add("version", "Thiếu phiên bản đã đọc (version): đọc số liệu rồi sửa.");
        }

        if (input.Value is null)
        {
            errors.Add("value", "Cần nhập giá trị (số, dấu chấm thập phân).");
        }

        var source = errors.Required("source", input.Source);
        if (errors.Any)
        {
            return errors;
        }

        measurement.Value = input.Value!.Value;
        measurement.Source = source!;
        measurement.PeriodLabel = Input.Clean(input.PeriodLabel) ?? measurement.PeriodLabel;
        measurement.EnteredBy = db.Viewer.Name;
        measurement.AwaitingApproval = AwaitsApproval(db.Viewer);
        await db.SaveVersionedAsync(measurement, input.Version!.Value, errors,
            "Số liệu đã được sửa sau khi bạn mở nó; thay đổi của bạn chưa được ghi. Xem giá trị hiện tại rồi quyết định lại.", ct);
        return errors;
    }

    private static async Task<Results<Ok<MeasurementView>, NotFound>> GetMeasurement(long id, AppDbContext db, CancellationToken ct) =>
        await LoadMeasurementAsync(db, id, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeasurementView>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> UpdateMeasurement(
        long id, MeasurementEditInput input, AppDbContext db, CancellationToken ct) =>
        await Edits.AnswerAsync(await UpdateMeasurementAsync(db, id, input, ct), () => LoadMeasurementAsync(db, id, ct));

    /// <summary>A figure an agency enters (or corrects) waits for the secretariat; one the secretariat enters does not.</summary>
    public static bool AwaitsApproval(Accounts.Viewer viewer) => !viewer.Can(Permission.ApproveReport);

    /// <summary>Approves the figures awaiting approval among those given (in the viewer's scope); returns how many.</summary>
    public static Task<int> ApproveAsync(AppDbContext db, IQueryable<Measurement> figures, CancellationToken ct) =>
        figures.Where(m => m.AwaitingApproval).ExecuteUpdateAsync(s => s.SetProperty(m => m.AwaitingApproval, false), ct);

    private static async Task<Results<Ok<MeasurementView>, NotFound>> ApproveMeasurement(long id, AppDbContext db, CancellationToken ct)
    {
        await ApproveAsync(db, db.Measurements.Where(m => m.Id == id), ct);
        return await LoadMeasurementAsync(db, id, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<int>, NotFound>> ApproveAll(long id, AppDbContext db, CancellationToken ct) =>
        await db.Indicators.AnyAsync(i => i.Id == id, ct)
            ? TypedResults.Ok(await ApproveAsync(db, db.Measurements.Where(m => m.IndicatorId == id), ct))
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> RestoreMeasurement(long id, AppDbContext db, CancellationToken ct) =>
        await db.RestoreAsync<Measurement>(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteMeasurement(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await db.SoftDeleteAsync<Measurement>(id, time, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Created, ValidationProblem>> AddMeasurement(MeasurementInput input, AppDbContext db, CancellationToken ct)
    {
        var (id, errors) = await AddMeasurementAsync(db, input, ct);
        return id is null ? errors.Problem() : TypedResults.Created($"/api/indicators/{input.Indicator}");
    }
}
