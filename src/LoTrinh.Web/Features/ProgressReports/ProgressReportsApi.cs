using LoTrinh.Core.Accounts;
using LoTrinh.Core.Documents;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Directives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LoTrinh.Web.Features.ProgressReports;

/// <summary>The report form as the API and the page send it; <paramref name="Version"/> is the one read (0: never saved).</summary>
public sealed record ReportFormInput(
    string? ParentBody, string? IssuingBody, string? Symbol, string? Place, string? Title, string? Body,
    string[]? SignatureLines, string? Signer, string[]? Recipients, string? Filing, uint? Version);

/// <summary>The form, its version, and the names its text may use.</summary>
public sealed record ReportFormView(ReportFormInput Form, IReadOnlyList<Placeholder> Placeholders);

/// <summary>A report asked for: the directive, the cut-off, the period's start, the registered number.</summary>
public sealed record ReportRequest(long Directive, DateOnly AsOf, DateOnly? From, int? Number);

public static class ProgressReportsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapProgressReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Báo cáo");
        api.MapGet("/report-form", GetForm).Requires(Permission.ReadInternal)
            .WithSummary("Mẫu báo cáo tình hình thực hiện: cơ quan ban hành, ký hiệu, địa danh, trích yếu, nội dung có tên cần điền, người ký, nơi nhận.");
        api.MapPut("/report-form", PutForm).Requires(Permission.ManageProgramme)
            .WithSummary("Lưu mẫu báo cáo; tên cần điền không được hỗ trợ được liệt kê theo tên và không có gì được ghi. Gửi kèm version đã đọc (409 nếu người khác đã sửa).");
        api.MapGet("/directives/{id:id}/report.{format}", Get).Requires(Permission.ReadInternal)
            .WithSummary("Báo cáo tình hình thực hiện một văn bản và các văn bản triển khai nó, đến ngày chốt (asOf), từ ngày (from, tùy chọn), "
                + "số đã đăng ký (number, tùy chọn): docx theo thể thức Nghị định 30/2020, hoặc pdf (LibreOffice).");
    }

    public static async Task<ReportFormRow?> RowAsync(AppDbContext db, CancellationToken ct) =>
        await db.ReportForms.AsNoTracking().SingleOrDefaultAsync(ct);

    public static ReportFormInput ToInput(ReportFormRow? row)
    {
        var form = row?.Form ?? ReportForm.Default;
        return new(form.ParentBody, form.IssuingBody, form.Symbol, form.Place, form.Title, form.Body,
            [.. form.SignatureLines], form.Signer, [.. form.Recipients], form.Filing, row?.Version ?? 0);
    }

    private static async Task<Ok<ReportFormView>> GetForm(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new ReportFormView(ToInput(await RowAsync(db, ct)), ReportTemplate.ProgressReport));

    private static async Task<Results<Ok<ReportFormView>, ValidationProblem, ProblemHttpResult>> PutForm(ReportFormInput? input, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = await SaveFormAsync(db, input ?? new(null, null, null, null, null, null, null, null, null, null, null), time, ct);
        var current = new ReportFormView(ToInput(await RowAsync(db, ct)), ReportTemplate.ProgressReport);
        return errors.IsConflict ? errors.ConflictProblem(current) : errors.Any ? errors.Problem() : TypedResults.Ok(current);
    }

    /// <summary>Checks the form with Core's rules and saves it over the version read; nothing is written unless all is right.</summary>
    public static async Task<InputErrors> SaveFormAsync(AppDbContext db, ReportFormInput input, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new InputErrors();
        static string[] Lines(string[]? lines) => [.. (lines ?? []).Select(l => l?.Trim() ?? string.Empty).Where(l => l.Length > 0)];
        var form = new ReportForm(
            Input.Clean(input.ParentBody), (input.IssuingBody ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            input.Symbol?.Trim() ?? string.Empty, input.Place?.Trim() ?? string.Empty, input.Title?.Trim() ?? string.Empty, input.Body ?? string.Empty,
            Lines(input.SignatureLines), Input.Clean(input.Signer), Lines(input.Recipients), input.Filing?.Trim() ?? string.Empty);
        foreach (var (field, problem) in form.Problems())
        {
            errors.Add(field, problem);
        }

        if (new[] { form.ParentBody, form.IssuingBody, form.Symbol, form.Place, form.Title, form.Signer, form.Filing }
            .Concat(form.SignatureLines).Concat(form.Recipients).Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
        {
            errors.Add("form", "Mẫu có ký tự không in được.");
        }

        if (errors.Any)
        {
            return errors;
        }

        const string conflict = "Mẫu báo cáo vừa được người khác sửa; hãy tải lại và sửa lại trên bản mới.";
        var row = await db.ReportForms.SingleOrDefaultAsync(ct);
        if (row is null)
        {
            if (input.Version is not (null or 0))
            {
                errors.Conflict(conflict);
                return errors;
            }

            row = new ReportFormRow { IssuingBody = form.IssuingBody, Symbol = form.Symbol, Place = form.Place, Title = form.Title, Body = form.Body, Filing = form.Filing };
            row.Set(form);
            row.UpdatedBy = db.Viewer.UserId;
            db.ReportForms.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Two first saves at once: the other one is the form now.
                db.ChangeTracker.Clear();
                errors.Conflict(conflict);
            }

            return errors;
        }

        row.Set(form);
        row.UpdatedBy = db.Viewer.UserId;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveVersionedAsync(row, input.Version ?? 0, errors, conflict, ct);
        return errors;
    }

    /// <summary>
    /// Reads and checks a request for a report: the directive in the viewer's scope (null: 404), the dates (not in the
    /// future, not before the directive), the number, the size. Problems by field.
    /// </summary>
    public static async Task<(ReportRequest? Request, HashSet<long>? Cascade, InputErrors Errors)> CheckAsync(
        AppDbContext db, TimeProvider time, long id, string? asOf, string? from, int? number, CancellationToken ct)
    {
        var errors = new InputErrors();
        var directive = await db.Directives.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.IssuedOn }).SingleOrDefaultAsync(ct);
        if (directive is null)
        {
            return (null, null, errors);
        }

        var today = time.Today();
        var day = errors.Date("asOf", asOf) ?? today;
        var first = errors.Date("from", from);
        if (number is < 1 or > 99_999)
        {
            errors.Add("number", "Số văn bản từ 1 đến 99999 (để trống nếu văn thư chưa cấp số).");
        }

        if (!errors.Any && ProgressReport.DateProblem(directive.IssuedOn, first, day, today) is { } problem)
        {
            errors.Add(first is { } f && f > day ? "from" : "asOf", problem);
        }

        if (errors.Any)
        {
            return (null, null, errors);
        }

        var cascade = await DirectiveCascade.OfAsync(db, id, ct);
        var tasks = await ProgressReport.CountTasksAsync(db, cascade, ct);
        if (tasks > ProgressReport.MaxTasks)
        {
            errors.Add("directive", $"Văn bản và các văn bản triển khai có {tasks:N0} nhiệm vụ, quá {ProgressReport.MaxTasks:N0} cho một báo cáo; "
                + "hãy lập báo cáo cho từng văn bản triển khai, hoặc xuất danh sách nhiệm vụ ra Excel.");
            return (null, null, errors);
        }

        return (new ReportRequest(id, day, first, number), cascade, errors);
    }

    /// <summary>The DOCX of a checked request, signed today.</summary>
    public static async Task<byte[]> DocxAsync(AppDbContext db, IServiceScopeFactory scopes, TimeProvider time, ReportRequest request, HashSet<long> cascade, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = await ProgressReport.LoadAsync(db, scopes, request.Directive, cascade, request.From, request.AsOf, ct);
        var form = (await RowAsync(db, ct))?.Form ?? ReportForm.Default;
        return DecreeDocument.Write(data, form, request.Number, time.Today());
    }

    public static string FileName(ReportRequest request, string extension)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"bao-cao-van-ban-{request.Directive}-{request.AsOf:yyyy-MM-dd}.{extension}";
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> Get(
        long id, string format, string? asOf, string? from, int? number,
        AppDbContext db, IServiceScopeFactory scopes, TimeProvider time, PdfConversion pdf, CancellationToken ct)
    {
        if (format is not ("docx" or "pdf"))
        {
            return TypedResults.Problem("Báo cáo có định dạng docx hoặc pdf.", statusCode: StatusCodes.Status400BadRequest, title: "Định dạng không hỗ trợ");
        }

        var (request, cascade, errors) = await CheckAsync(db, time, id, asOf, from, number, ct);
        if (errors.Any)
        {
            return errors.Problem();
        }

        if (request is null || cascade is null)
        {
            return TypedResults.NotFound();
        }

        var docx = await DocxAsync(db, scopes, time, request, cascade, ct);
        if (format == "docx")
        {
            return TypedResults.File(docx, DocxType, FileName(request, "docx"));
        }

        return await pdf.ConvertAsync(docx, ct) is { } printed
            ? TypedResults.File(printed, "application/pdf", FileName(request, "pdf"))
            : TypedResults.Problem("Máy chủ chưa có LibreOffice để in PDF (hoặc in không thành công); hãy tải bản DOCX.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Chưa in được PDF");
    }
}
