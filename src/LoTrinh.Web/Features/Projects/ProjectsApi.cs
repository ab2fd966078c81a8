using LoTrinh.Core.Accounts;
using LoTrinh.Core.Projects;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Projects;

public sealed record MilestoneView(string Kind, string Name, DateOnly? PlannedOn, DateOnly? AchievedOn, string? Note);

public sealed record DisbursementView(int Year, decimal PlannedVnd, decimal DisbursedVnd, decimal? Rate, DateOnly ReportedOn, string? Source);

public sealed record PhotoView(long Id, string Url, int Width, int Height, decimal? Latitude, decimal? Longitude, DateTime? TakenAt, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>A project with everything its page shows; fields its documents do not give are null ("chưa rõ").</summary>
public sealed record ProjectDetails(
    ProjectRow Project, string? CapitalSources, DateOnly? DecidedOn, string? Note, IReadOnlyList<decimal[]>? Site,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<DisbursementView> Disbursements, IReadOnlyList<LinkedTask> Tasks, IReadOnlyList<PhotoView> Photos);

public sealed record TaskLink(long? TaskId);

public static class ProjectsApi
{
    public const int DefaultPageSize = 200;

    public static void MapProjectsApi(this IEndpointRouteBuilder app)
    {
        // Published projects are the public's too (the portal's map); the rest is working data.
        var read = app.MapGroup("/api/projects").WithTags("Dự án trọng điểm").AllowAnonymous();
        read.MapGet("/", List).WithSummary("Các công trình, dự án trọng điểm với tình trạng đến ngày asOf (đúng tiến độ, chậm — mốc nào, bao nhiêu ngày —, đình trệ), tỷ lệ giải ngân; lọc theo kind, status, unit; phân trang (X-Total-Count).");
        read.MapGet("/{id:id}", Get).WithSummary("Một dự án: các mốc, vốn theo năm, nhiệm vụ liên kết, ảnh.");
        read.MapGet("/photos/{photoId:id}", GetPhoto).WithSummary("Một ảnh (JPEG đã mã hóa lại, không còn siêu dữ liệu).");
        var write = app.MapGroup("/api/projects").WithTags("Dự án trọng điểm").Requires(Permission.ManageProgramme);
        write.MapPost("/", Add).WithSummary("Thêm một dự án: tên, loại (kind), địa bàn (unitId hiện nay và/hoặc formerUnitId trước 01/07/2025), vị trí, chủ đầu tư, quyết định, tổng mức đầu tư, nguồn vốn.");
        write.MapPut("/{id:id}", Update).WithSummary("Sửa một dự án; gửi kèm version đã đọc (409 nếu người khác đã sửa).");
        write.MapPut("/{id:id}/point", Place).WithSummary("Đặt (hoặc bỏ) vị trí của dự án trên bản đồ: latitude, longitude, version.");
        write.MapPut("/{id:id}/milestones/{kind}", SetMilestone).WithSummary("Đặt một mốc (approval, site_clearance, land_handover, ground_breaking, completion, handover): ngày kế hoạch, ngày thực tế; để trống cả hai để bỏ mốc.");
        write.MapPut("/{id:id}/disbursements/{year:int}", SetDisbursement).WithSummary("Kế hoạch vốn và giải ngân của một năm, đến ngày báo cáo; lũy kế giải ngân không vượt tổng mức đầu tư.");
        write.MapPost("/{id:id}/tasks", LinkTask).WithSummary("Liên kết một nhiệm vụ (taskId) với dự án: tình trạng của nhiệm vụ vào tình trạng dự án.");
        write.MapDelete("/{id:id}/tasks/{taskId:id}", UnlinkTask).WithSummary("Bỏ liên kết một nhiệm vụ.");
        write.MapPost("/{id:id}/photos", AddPhoto).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Thêm một ảnh (trường file): ảnh được mã hóa lại thành JPEG, bỏ mọi siêu dữ liệu; vị trí EXIF (nếu có) được giữ.");
        write.MapPost("/import", Import).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Nhập danh mục dự án từ tệp .xlsx/.csv cùng mẫu với tệp tải về (/Projects?handler=Export): dòng không có Mã thêm dự án, dòng có Mã sửa; có lỗi thì không ghi gì.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ProjectRow>>, ValidationProblem>> List(
        HttpResponse response, AppDbContext db, TimeProvider time, string? asOf, string? kind, string? status, long? unit, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? Clock.Today(time);
        if (status is not null && !ProjectNames.TryParseState(status, out _))
        {
            errors.Add("status", $"Không có tình trạng \"{(InputBoundary.Problem(status, 40) is null ? status : "?")}\"; dùng completed, on_schedule, behind, stalled, not_planned.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var rows = Filter(await ProjectBook.LoadAsync(db, day, ct), kind, status, unit);
        var (p, size) = Input.Paging(page, pageSize, DefaultPageSize);
        response.SetTotal(rows.Count);
        return TypedResults.Ok<IReadOnlyList<ProjectRow>>([.. rows.Skip((p - 1) * size).Take(size)]);
    }

    /// <summary>The list's filters, the page's and the API's alike.</summary>
    public static IReadOnlyList<ProjectRow> Filter(IReadOnlyList<ProjectRow> rows, string? kind, string? status, long? unit) =>
        [.. rows.Where(r => (string.IsNullOrEmpty(kind) || r.Kind == kind) && (string.IsNullOrEmpty(status) || r.StatusCode == status)
                            && (unit is null || r.UnitId == unit || r.FormerUnitId == unit))];

    private static async Task<Results<Ok<ProjectDetails>, NotFound>> Get(long id, AppDbContext db, TimeProvider time, string? asOf, CancellationToken ct) =>
        await DetailsAsync(db, id, Input.TryDate(asOf, out var d, out _) && d is { } day ? day : Clock.Today(time), ct) is { } details
            ? TypedResults.Ok(details) : TypedResults.NotFound();

    public static async Task<ProjectDetails?> DetailsAsync(AppDbContext db, long id, DateOnly asOf, CancellationToken ct)
    {
        if (await ProjectBook.LoadAsync(db, asOf, ct, id) is not [var row])
        {
            return null;
        }

        var p = await db.KeyProjects.AsNoTracking().Include(x => x.Milestones).Include(x => x.Disbursements).AsSplitQuery().FirstAsync(x => x.Id == id, ct);
        var photos = await db.Photos.AsNoTracking().Where(f => f.ProjectId == id).OrderBy(f => f.Id).ToListAsync(ct);
        return new ProjectDetails(row, p.CapitalSources, p.DecidedOn, p.Note, p.Site,
            [.. p.Milestones.OrderBy(m => m.Kind).Select(m => new MilestoneView(m.Kind.Code(), m.Kind.Vietnamese(), m.PlannedOn, m.AchievedOn, m.Note))],
            [.. p.Disbursements.OrderBy(d => d.Year).Select(d => new DisbursementView(d.Year, d.PlannedVnd, d.DisbursedVnd,
                ProjectSchedule.DisbursementRate(d.PlannedVnd, d.DisbursedVnd), d.ReportedOn, d.Source))],
            await ProjectBook.TasksAsync(db, id, asOf, ct), [.. photos.Select(View)]);
    }

    public static PhotoView View(Photo f) =>
        new(f.Id, $"/api/projects/photos/{f.Id}", f.Width, f.Height, f.Latitude, f.Longitude, f.TakenAt, f.UploadedBy, f.UploadedAt);

    private static async Task<Results<FileContentHttpResult, NotFound>> GetPhoto(long photoId, AppDbContext db, CancellationToken ct)
    {
        // The photo's own filter hides what the viewer may not see: an incident's photo, or an unpublished project's, for the public.
        var jpeg = await db.Photos.Where(f => f.Id == photoId).Select(f => f.Content!.Jpeg).FirstOrDefaultAsync(ct);
        return jpeg is null ? TypedResults.NotFound() : TypedResults.File(jpeg, "image/jpeg");
    }

    private static async Task<Results<Created<ProjectDetails>, ValidationProblem>> Add(ProjectInput? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var (added, errors) = await ProjectRegister.AddAsync(db, body ?? Empty, today, ct);
        return added is null ? errors.Problem()
            : TypedResults.Created($"/api/projects/{added.Id}", (await Edits.ReadBackAsync(() => DetailsAsync(db, added.Id, today, ct)))!);
    }

    private static readonly ProjectInput Empty = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static async Task<Results<Ok<ProjectDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        long id, ProjectInput? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        return await Edits.AnswerAsync(await ProjectRegister.UpdateAsync(db, id, body ?? Empty, today, ct), () => DetailsAsync(db, id, today, ct));
    }

    private static async Task<Results<Ok<ProjectDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Place(
        long id, PointInput? body, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await Edits.AnswerAsync(await ProjectRegister.PlaceAsync(db, id, body ?? new(null, null, null), ct), () => DetailsAsync(db, id, Clock.Today(time), ct));

    private static async Task<Results<Ok<ProjectDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> SetMilestone(
        long id, string kind, MilestoneInput? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        if (!ProjectNames.TryParseMilestone(kind, out var k))
        {
            var errors = new InputErrors();
            errors.Add("kind", $"Không có mốc này; dùng {string.Join(", ", Enum.GetValues<MilestoneKind>().Select(m => m.Code()))}.");
            return errors.Problem();
        }

        return await Edits.AnswerAsync(await ProjectRegister.SetMilestoneAsync(db, id, k, body ?? new(null, null, null), today, ct), () => DetailsAsync(db, id, today, ct));
    }

    private static async Task<Results<Ok<ProjectDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> SetDisbursement(
        long id, int year, DisbursementInput? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        return await Edits.AnswerAsync(await ProjectRegister.SetDisbursementAsync(db, id, year, body ?? new(null, null, null, null), today, ct),
            () => DetailsAsync(db, id, today, ct));
    }

    private static async Task<Results<Ok<ProjectDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> LinkTask(
        long id, TaskLink? body, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await Edits.AnswerAsync(await ProjectRegister.LinkTaskAsync(db, id, body?.TaskId, link: true, ct), () => DetailsAsync(db, id, Clock.Today(time), ct));

    private static async Task<Results<Ok<ProjectDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> UnlinkTask(
        long id, long taskId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await Edits.AnswerAsync(await ProjectRegister.LinkTaskAsync(db, id, taskId, link: false, ct), () => DetailsAsync(db, id, Clock.Today(time), ct));

    private static async Task<Results<Created<PhotoView>, ValidationProblem, NotFound>> AddPhoto(long id, HttpRequest request, AppDbContext db, CancellationToken ct)
    {
        if (!await db.KeyProjects.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (row, errors) = await PhotoUpload.FromRequestAsync(request, db.Viewer.Name, ct);
        if (row is null)
        {
            return errors.Problem();
        }

        row.ProjectId = id;
        db.Photos.Add(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(View(row).Url, View(row));
    }

    /// <summary>The stored row of an uploaded photo, its file name cut to what the column keeps.</summary>
    public static Photo NewPhoto(ProcessedPhoto photo, string fileName, string uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var name = Input.Clean(Path.GetFileName(fileName)) is { } n && InputBoundary.Problem(n, 255) is null ? n : "anh.jpg";
        return new Photo
        {
            FileName = name,
            Width = photo.Width,
            Height = photo.Height,
            Latitude = photo.Latitude,
            Longitude = photo.Longitude,
            TakenAt = photo.TakenAt,
            UploadedBy = uploadedBy,
            Content = new PhotoContent { Jpeg = photo.Jpeg },
        };
    }

    private static async Task<Results<Ok<WorkbookResult>, BadRequest<WorkbookResult>>> Import(HttpRequest request, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        var result = await ProjectWorkbook.ImportFileAsync(db, file, Clock.Today(time), ct);
        return result.Problems.Count > 0 ? TypedResults.BadRequest(result) : TypedResults.Ok(result);
    }
}
