using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Directives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Extraction;

public sealed record AgencySuggestionView(long Id, string Name, double Score);

public sealed record AgencyNameView(string Written, long SuggestedAgencyId, IReadOnlyList<AgencySuggestionView> Suggestions);

/// <summary>An import as the reviewer sees it: the text, the draft, and the choices offered with their suggestions.</summary>
public sealed record ImportReview(
    ImportStatus Status, string? Text, IReadOnlyList<string> Warnings, ReviewForm? Form,
    long? SuggestedLocalityId, IReadOnlyList<AgencyNameView> AgencyNames,
    IReadOnlyList<IReadOnlyList<DirectiveOption>> ReferenceLinks, DuplicateOf? Duplicate, long? CompletesCitedDirectiveId)
{
    public static async Task<ImportReview?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var import = await db.DocumentImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return null;
        }

        var status = (await DirectiveImports.StatusAsync(db, id, ct))!;
        var form = DirectiveImports.DraftOf(import);
        if (form is null || import.Stage != ImportStages.Ready)
        {
            return new(status, import.Text, DirectiveImports.WarningsOf(import), form, null, [], [], null, null);
        }

        var options = await ReviewOptions.LoadAsync(db, import, form, ct);
        var names = form.Agencies.Where(a => a.Written is not null).Select(a => new AgencyNameView(a.Written!, options.SuggestedAgency(a.Written!),
            options.SuggestionsFor(a.Written!).Select(s => new AgencySuggestionView(s.Agency.Id, s.Agency.Name, Math.Round(s.Score, 2))).ToList())).ToList();
        return new(status, import.Text, DirectiveImports.WarningsOf(import), form, options.SuggestedLocality, names, options.ReferenceLinks,
            options.Duplicate, options.CompletesCited);
    }
}

public static class ImportsApi
{
    public static void MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags("Nhập văn bản").Requires(Permission.ManageProgramme);
        group.MapPost("/", Upload).DisableAntiforgery()
            .WithSummary("Tải lên một văn bản (.txt, .docx, .pdf; tối đa 20 MB) để đọc; trả về ngay, đọc ở nền (xem tiến độ ở Location).");
        group.MapGet("/", Recent).WithSummary("Các lần nhập gần đây.");
        group.MapGet("/{id:guid}", Status).WithSummary("Tiến độ đọc một tệp.");
        group.MapGet("/{id:guid}/review", Review).WithSummary("Văn bản đã chuẩn hóa, bản nháp (mục tiêu, chỉ tiêu, nhiệm vụ, dẫn chiếu, mỗi mục có vị trí trong văn bản) và các gợi ý.");
        group.MapPost("/{id:guid}/save", Save)
            .WithSummary("Lưu văn bản với các mục đã duyệt (accept = true) trong một giao dịch. agencyId: 0 là cơ quan mới, bỏ trống là theo gợi ý.");
        group.MapDelete("/{id:guid}", Discard).WithSummary("Hủy một lần nhập chưa lưu.");
    }

    private static async Task<Results<Accepted<ImportStatus>, Ok<ImportStatus>, ProblemHttpResult>> Upload(
        IFormFile? file, AppDbContext db, ImportBacklog queue, CancellationToken ct)
    {
        if (file is null)
        {
            return TypedResults.Problem("Gửi tệp trong trường 'file' (multipart/form-data).", statusCode: StatusCodes.Status400BadRequest, title: "Thiếu tệp");
        }

        if (file.Length > DocumentFile.MaxBytes)
        {
            return TypedResults.Problem($"Tệp lớn hơn {DocumentFile.MaxBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Tệp quá lớn");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var outcome = await DirectiveImports.UploadAsync(db, queue, file.FileName, buffer.ToArray(), db.Viewer.Name, ct);
        return outcome switch
        {
            { SavedAs: { } directive } => TypedResults.Problem(outcome.Problem, statusCode: StatusCodes.Status409Conflict,
                title: "Văn bản đã có", extensions: new Dictionary<string, object?> { ["directive"] = $"/api/directives/{directive}" }),
            { Problem: { } problem } => TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Không nhận tệp; không có gì được ghi"),
            { AlreadyUploaded: true } => TypedResults.Ok(outcome.Import!),
            _ => TypedResults.Accepted($"/api/imports/{outcome.Import!.Id}", outcome.Import),
        };
    }

    private static async Task<Ok<IReadOnlyList<ImportStatus>>> Recent(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await DirectiveImports.RecentAsync(db, 50, ct));

    private static async Task<Results<Ok<ImportStatus>, NotFound>> Status(Guid id, AppDbContext db, CancellationToken ct) =>
        await DirectiveImports.StatusAsync(db, id, ct) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();

    private static async Task<Results<Ok<ImportReview>, NotFound>> Review(Guid id, AppDbContext db, CancellationToken ct) =>
        await ImportReview.LoadAsync(db, id, ct) is { } review ? TypedResults.Ok(review) : TypedResults.NotFound();

    private static async Task<Results<Created, NotFound, ValidationProblem, ProblemHttpResult>> Save(
        Guid id, ReviewForm form, AppDbContext db, CancellationToken ct)
    {
        var outcome = await DirectiveImports.SaveAsync(db, id, form, ct);
        return outcome switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Conflict: { } conflict } => TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Không lưu",
                extensions: new Dictionary<string, object?> { ["directive"] = outcome.DirectiveId is { } d ? $"/api/directives/{d}" : null }),
            { DirectiveId: { } directive } => TypedResults.Created($"/api/directives/{directive}"),
            _ => outcome.Errors.Problem(),
        };
    }

    private static async Task<Results<NoContent, NotFound>> Discard(Guid id, AppDbContext db, CancellationToken ct) =>
        await DirectiveImports.DiscardAsync(db, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
