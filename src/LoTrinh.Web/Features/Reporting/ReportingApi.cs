using LoTrinh.Core.Accounts;
using LoTrinh.Core.Reporting;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Reporting;

public static class ReportingApi
{
    public static void MapReportingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reporting").WithTags("Chế độ báo cáo");
        api.MapGet("/regimes", Regimes).Requires(Permission.ReadInternal)
            .WithSummary("Các chế độ báo cáo và các kỳ của chúng, với tỷ lệ đầy đủ và đúng hạn của mỗi kỳ.");
        api.MapPost("/regimes", CreateRegime).Requires(Permission.ManageProgramme)
            .WithSummary("Lập chế độ báo cáo: định kỳ (tháng, quý, 6 tháng, 9 tháng, năm; chốt số liệu 15→14 theo Nghị định 09 hoặc theo tháng dương lịch; hạn gửi), chuyên đề hay đột xuất (một kỳ, ngày chốt và hạn gửi ghi tay).");
        api.MapPost("/open", Open).Requires(Permission.ManageProgramme)
            .WithSummary("Mở ngay các kỳ đã bắt đầu (LoTrinh cũng tự mở định kỳ); trả về số kỳ mới mở.");
        api.MapGet("/periods/{id:id}", Period).Requires(Permission.ReadInternal)
            .WithSummary("Một kỳ báo cáo: cơ quan nào đã gửi, đúng hạn hay muộn (số ngày làm việc), bị trả lại, đã duyệt, chưa gửi.");
        api.MapPost("/periods/{id:id}/close", (long id, ReportActionInput input, AppDbContext db, TimeProvider time, CancellationToken ct) => Close(id, true, input, db, time, ct))
            .Requires(Permission.ApproveReport).WithSummary("Đóng kỳ, nêu lý do: mọi báo cáo của kỳ bị khóa.");
        api.MapPost("/periods/{id:id}/reopen", (long id, ReportActionInput input, AppDbContext db, TimeProvider time, CancellationToken ct) => Close(id, false, input, db, time, ct))
            .Requires(Permission.ApproveReport).WithSummary("Mở lại kỳ đã đóng, nêu lý do (ghi vào quá trình xử lý của từng báo cáo).");
        api.MapGet("/reports", Reports).Requires(Permission.ReadInternal)
            .WithSummary("Báo cáo của cơ quan (cán bộ, lãnh đạo cơ quan: của cơ quan mình), kỳ gần nhất trước.");
        api.MapGet("/reports/{id:id}", Report).Requires(Permission.ReadInternal)
            .WithSummary("Một báo cáo: các dòng nhiệm vụ, phần của cơ quan phối hợp bên cạnh, lịch sử trình/trả lại/duyệt, và vì sao bị khóa.");
        api.MapPut("/reports/{id:id}", Save).Requires(Permission.ReportProgress)
            .WithSummary("Lưu nháp: từng dòng được kiểm tra (tỷ lệ 0–100, ngày hoàn thành không ở tương lai, không trước ngày giao); 409 khi đã có người lưu sau lần đọc (version) hoặc báo cáo đang khóa.");
        api.MapGet("/reports/{id:id}/form.xlsx", Workbook).Requires(Permission.ReadInternal)
            .WithSummary("Mẫu báo cáo Excel để điền ngoại tuyến (trang ThongTin, NhiemVu); tải lên lại đúng mẫu này.");
        api.MapPost("/reports/{id:id}/form.xlsx", Upload).Requires(Permission.ReportProgress).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReportWorkbook.MaxBytes + (64 * 1024)))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ReportWorkbook.MaxBytes + (64 * 1024) })
            .WithSummary("Tải lên mẫu Excel đã điền: mọi ô được kiểm tra, lỗi nêu theo trang, dòng, cột; không ghi gì nếu còn một lỗi.");
        api.MapPost("/reports/{id:id}/files", Attach).Requires(Permission.ReportProgress).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(Core.Reporting.EvidenceFiles.MaxBytes + (64 * 1024)))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = Core.Reporting.EvidenceFiles.MaxBytes + (64 * 1024) })
            .WithSummary("Đính kèm tài liệu minh chứng (PDF, DOCX, XLSX, PNG, JPG; tối đa 10 MB; kiểu tệp đọc từ nội dung) vào báo cáo hoặc một nhiệm vụ của báo cáo (taskId).");
        api.MapGet("/reports/{id:id}/files/{fileId:id}", Evidence).Requires(Permission.ReadInternal).WithSummary("Tải một tài liệu minh chứng.");
        api.MapDelete("/reports/{id:id}/files/{fileId:id}", RemoveEvidence).Requires(Permission.ReportProgress)
            .WithSummary("Gỡ một tài liệu minh chứng khi báo cáo còn sửa được (lịch sử vẫn ghi).");
        foreach (var action in new[] { ReportAction.Submit, ReportAction.Return, ReportAction.Approve, ReportAction.Unlock })
        {
            api.MapPost($"/reports/{{id:id}}/{ReportingCycle.SnakeCase(action)}",
                    (long id, ReportActionInput input, AppDbContext db, TimeProvider time, CancellationToken ct) => Act(id, action, input, db, time, ct))
                .Requires(action is ReportAction.Submit ? Permission.SubmitReport : Permission.ApproveReport)
                .WithSummary(action switch
                {
                    ReportAction.Submit => "Trình báo cáo (lãnh đạo cơ quan); nộp sau hạn được ghi muộn bao nhiêu ngày làm việc.",
                    ReportAction.Return => "Trả lại báo cáo kèm ý kiến (thường trực); báo cáo trở về nháp.",
                    ReportAction.Approve => "Phê duyệt: báo cáo bị khóa; tiến độ, hoàn thành của cơ quan chủ trì vào nhiệm vụ.",
                    _ => "Mở khóa báo cáo đã duyệt, nêu lý do (ghi vào lịch sử).",
                });
        }
    }

    private static async Task<Ok<IReadOnlyList<RegimeView>>> Regimes(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ReportingViews.RegimesAsync(db, ct));

    private static async Task<Results<Created<RegimeView>, ValidationProblem>> CreateRegime(RegimeInput input, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (regime, errors) = await ReportingCycle.CreateRegimeAsync(db, input, time, ct);
        if (regime is null)
        {
            return errors.Problem();
        }

        var view = (await ReportingViews.RegimesAsync(db, ct)).First(r => r.Id == regime.Id);
        return TypedResults.Created($"/api/reporting/regimes#{regime.Id}", view);
    }

    private static async Task<Ok<int>> Open(AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await ReportingCycle.OpenDueAsync(db, time.Today(), ct));

    private static async Task<Results<Ok<PeriodReview>, NotFound>> Period(long id, AppDbContext db, CancellationToken ct) =>
        await ReportingViews.ReviewAsync(db, id, ct) is { } review ? TypedResults.Ok(review) : TypedResults.NotFound();

    private static async Task<Results<Ok<PeriodReview>, NotFound, ProblemHttpResult>> Close(
        long id, bool close, ReportActionInput input, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await ReportingCycle.CloseAsync(db, id, close, input.Comment, time, ct) switch
        {
            null => TypedResults.NotFound(),
            "" => TypedResults.Ok((await ReportingViews.ReviewAsync(db, id, ct))!),
            // A reason missing or too long is the caller's to fix (400); closing a closed period is a conflict (409).
            var refused => TypedResults.Problem(title: "Không thực hiện được; không có gì được ghi.", detail: refused,
                statusCode: refused.Contains("lý do", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict),
        };

    private static async Task<Ok<IReadOnlyList<ReportSummary>>> Reports(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ReportingViews.ReportsAsync(db.AgencyReports, ct));

    private static async Task<Results<Ok<ReportView>, NotFound>> Report(long id, AppDbContext db, CancellationToken ct) =>
        await ReportingViews.ReportAsync(db, id, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();

    private static async Task<Results<Ok<ReportView>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Save(
        long id, ReportInput input, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await AnswerAsync(await ReportingCycle.SaveAsync(db, id, input, time, ct), db, id, ct);

    private static async Task<Results<Ok<ReportView>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Act(
        long id, ReportAction action, ReportActionInput input, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await AnswerAsync(await ReportingCycle.ActAsync(db, id, action, input, time, ct), db, id, ct);

    private static async Task<Results<FileContentHttpResult, NotFound>> Workbook(long id, AppDbContext db, CancellationToken ct) =>
        await ReportingViews.ReportAsync(db, id, ct) is { } report
            ? TypedResults.File(await ReportWorkbook.WriteAsync(report, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReportWorkbook.FileName(report))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ReportView>, NotFound, ValidationProblem, ProblemHttpResult>> Upload(
        IFormFile? file, long id, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.AgencyReports.AnyAsync(r => r.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem("Chọn tệp Excel (.xlsx) đã điền theo mẫu.", statusCode: StatusCodes.Status400BadRequest, title: "Thiếu tệp");
        }

        if (file.Length > ReportWorkbook.MaxBytes)
        {
            return TypedResults.Problem($"Tệp lớn hơn {ReportWorkbook.MaxBytes / 1024 / 1024} MB; mẫu báo cáo không lớn như vậy.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Tệp quá lớn");
        }

        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var result = await ReportWorkbook.ImportAsync(db, id, stream, time, ct);
        if (result is null)
        {
            return TypedResults.NotFound();
        }

        if (result.Saved)
        {
            return TypedResults.Ok((await ReportingViews.ReportAsync(db, id, ct))!);
        }

        var errors = new InputErrors();
        foreach (var problem in result.Problems)
        {
            errors.Add("file", problem);
        }

        return result.Conflict
            ? TypedResults.Problem(title: "Báo cáo đã được lưu sau khi tải mẫu; không có gì được ghi.", detail: string.Join(" ", result.Problems), statusCode: StatusCodes.Status409Conflict)
            : errors.Problem();
    }

    private static async Task<Results<Created<EvidenceView>, NotFound, ValidationProblem, ProblemHttpResult>> Attach(
        IFormFile? file, [FromForm] long? taskId, long id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.AgencyReports.AnyAsync(r => r.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        if (file is null || file.Length > Core.Reporting.EvidenceFiles.MaxBytes)
        {
            return TypedResults.Problem(file is null ? "Chọn tệp minh chứng." : $"Tệp vượt giới hạn {Core.Reporting.EvidenceFiles.MaxBytes / 1024 / 1024} MB.",
                statusCode: file is null ? StatusCodes.Status400BadRequest : StatusCodes.Status413PayloadTooLarge, title: "Tệp không nhận được");
        }

        var content = await ReadAllAsync(file, ct);
        if (await ReportingCycle.AttachAsync(db, id, taskId, file.FileName, content, ct) is not { } attached)
        {
            return TypedResults.NotFound();
        }

        if (attached.File is not { } saved)
        {
            return attached.Errors.All.TryGetValue("state", out var locked)
                ? TypedResults.Problem(title: "Báo cáo đang khóa; không có gì được ghi.", detail: string.Join(" ", locked), statusCode: StatusCodes.Status409Conflict)
                : attached.Errors.Problem();
        }

        return TypedResults.Created($"/api/reporting/reports/{id}/files/{saved.Id}",
            new EvidenceView(saved.Id, saved.TaskId, saved.FileName, saved.Kind.Code(), saved.SizeBytes, saved.Sha256, saved.UploadedByName, saved.UploadedAt));
    }

    public static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        return stream.ToArray();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Evidence(long id, long fileId, AppDbContext db, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == fileId && f.ReportId == id && db.AgencyReports.Any(r => r.Id == id))
            .Select(f => new { f.FileName, f.Kind, f.Content!.Content }).FirstOrDefaultAsync(ct);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, ContentType(file.Kind), file.FileName);
    }

    public static string ContentType(Core.Reporting.EvidenceKind kind) => kind switch
    {
        Core.Reporting.EvidenceKind.Pdf => "application/pdf",
        Core.Reporting.EvidenceKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Core.Reporting.EvidenceKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Core.Reporting.EvidenceKind.Png => "image/png",
        _ => "image/jpeg",
    };

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveEvidence(long id, long fileId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await ReportingCycle.RemoveEvidenceAsync(db, id, fileId, time, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } refused => TypedResults.Problem(title: "Báo cáo đang khóa; không có gì được ghi.", detail: string.Join(" ", refused.All.SelectMany(e => e.Value)), statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NoContent(),
        };

    /// <summary>A refusal for the report's state (locked, not yet submitted) is a 409 that says why; the rest as any edit.</summary>
    private static async Task<Results<Ok<ReportView>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        InputErrors? errors, AppDbContext db, long id, CancellationToken ct)
    {
        if (errors is not null && errors.All.TryGetValue("state", out var refused))
        {
            return TypedResults.Problem(title: "Báo cáo không ở trạng thái cho phép việc này; không có gì được ghi.", detail: string.Join(" ", refused),
                statusCode: StatusCodes.Status409Conflict);
        }

        if (errors is not null && errors.All.TryGetValue("action", out var forbidden))
        {
            return TypedResults.Problem(title: "Vai trò của bạn không được làm việc này.", detail: string.Join(" ", forbidden), statusCode: StatusCodes.Status403Forbidden);
        }

        return await Edits.AnswerAsync(errors, () => ReportingViews.ReportAsync(db, id, ct));
    }
}
