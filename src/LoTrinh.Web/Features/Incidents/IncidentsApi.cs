using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Incidents;

public sealed record MeasureView(long Id, string Kind, string Name, DateOnly TakenOn, string? Decision, decimal? AmountVnd, string? Note);

public sealed record IncidentDetails(IncidentRow Incident, IReadOnlyList<MeasureView> Measures, IReadOnlyList<PhotoView> Photos);

public sealed record IncidentKindInput(string? Code, string? Name, int? Sort, bool? Active);

public static class IncidentsApi
{
    public const int DefaultPageSize = 200;

    public static void MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Sự cố, vi phạm hiện trường").Requires(Permission.ReadInternal);
        group.MapGet("/", List).WithSummary("Sổ theo dõi vụ việc hiện trường đến ngày asOf, lọc theo kind, status (open: chưa xử lý xong; unassigned; in_progress_overdue…), unit, agency, from, to; phân trang (X-Total-Count).");
        group.MapGet("/{id:id}", Get).WithSummary("Một vụ việc: nơi, lúc, ảnh, cơ quan xử lý và hạn, các biện pháp đã áp dụng.");
        group.MapPost("/", Report).Requires(Permission.ReportProgress)
            .WithSummary("Báo một vụ việc: kind, description, occurredOn, latitude/longitude hoặc unitId, address, projectId; ảnh gửi riêng (/{id}/photos).");
        group.MapPost("/{id:id}/photos", AddPhoto).Requires(Permission.ReportProgress).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Thêm một ảnh hiện trường (trường file): mã hóa lại thành JPEG, bỏ mọi siêu dữ liệu; vị trí EXIF được giữ và dùng khi vụ việc chưa có vị trí.");
        group.MapPost("/{id:id}/assign", Assign).Requires(Permission.ManageProgramme)
            .WithSummary("Giao vụ việc cho một cơ quan chủ trì xử lý (agencyId) với hạn xử lý (dueOn); gửi kèm version.");
        group.MapPost("/{id:id}/measures", AddMeasure).Requires(Permission.ReportProgress)
            .WithSummary("Ghi một biện pháp: record (lập biên bản), suspension (đình chỉ), fine (xử phạt: số tiền, số quyết định), remedy, other.");
        group.MapPost("/{id:id}/resolve", Resolve).Requires(Permission.ReportProgress)
            .WithSummary("Ghi nhận đã xử lý xong (resolvedOn, resolution); ngày trống mở lại vụ việc (thường trực).");
        app.MapGet("/api/incident-kinds", Kinds).Requires(Permission.ReadInternal).WithTags("Sự cố, vi phạm hiện trường").WithSummary("Các loại vụ việc đang dùng.");
        app.MapPut("/api/incident-kinds", SetKind).Requires(Permission.ManageProgramme).WithTags("Sự cố, vi phạm hiện trường")
            .WithSummary("Thêm hoặc sửa một loại vụ việc (code, name, sort, active); không xóa được loại đã dùng, chỉ ngừng dùng.");
    }

    private static async Task<Results<Ok<IReadOnlyList<IncidentRow>>, ValidationProblem>> List(HttpResponse response, AppDbContext db, TimeProvider time,
        string? asOf, string? kind, string? status, long? unit, long? agency, string? from, string? to, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? Clock.Today(time);
        var filter = new IncidentFilter(kind, status, unit, agency, errors.Date("from", from), errors.Date("to", to));
        if (!IncidentBook.IsStatus(status))
        {
            errors.Add("status", $"Không có tình trạng này; dùng {string.Join(", ", IncidentBook.Statuses.Select(s => s.Code))}.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var rows = await IncidentBook.LoadAsync(db, day, filter, ct);
        var (p, size) = Input.Paging(page, pageSize, DefaultPageSize);
        response.SetTotal(rows.Count);
        return TypedResults.Ok<IReadOnlyList<IncidentRow>>([.. rows.Skip((p - 1) * size).Take(size)]);
    }

    private static async Task<Results<Ok<IncidentDetails>, NotFound>> Get(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await DetailsAsync(db, id, Clock.Today(time), ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    public static async Task<IncidentDetails?> DetailsAsync(AppDbContext db, long id, DateOnly asOf, CancellationToken ct)
    {
        if (await IncidentBook.LoadAsync(db, asOf, new IncidentFilter(), ct, id) is not [var row])
        {
            return null;
        }

        var measures = await db.IncidentMeasures.AsNoTracking().Where(m => m.IncidentId == id).OrderBy(m => m.TakenOn).ThenBy(m => m.Id).ToListAsync(ct);
        var photos = await db.Photos.AsNoTracking().Where(f => f.IncidentId == id).OrderBy(f => f.Id).ToListAsync(ct);
        return new IncidentDetails(row,
            [.. measures.Select(m => new MeasureView(m.Id, Core.Incidents.IncidentRules.Code(m.Kind), Core.Incidents.IncidentRules.Vietnamese(m.Kind), m.TakenOn, m.Decision, m.AmountVnd, m.Note))],
            [.. photos.Select(ProjectsApi.View)]);
    }

    private static async Task<Results<Created<IncidentDetails>, ValidationProblem>> Report(IncidentReport? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var (incident, errors) = await IncidentLog.ReportAsync(db, body ?? new(null, null, null, null, null, null, null, null), null, null, today, ct);
        return incident is null ? errors.Problem()
            : TypedResults.Created($"/api/incidents/{incident.Id}", (await Edits.ReadBackAsync(() => DetailsAsync(db, incident.Id, today, ct)))!);
    }

    private static async Task<Results<Created<PhotoView>, ValidationProblem, NotFound>> AddPhoto(long id, HttpRequest request, AppDbContext db, CancellationToken ct)
    {
        if (await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        var (row, errors) = await PhotoUpload.FromRequestAsync(request, db.Viewer.Name, ct);
        if (row is null)
        {
            return errors.Problem();
        }

        incident.Photos.Add(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ProjectsApi.View(row).Url, ProjectsApi.View(row));
    }

    private static async Task<Results<Ok<IncidentDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Assign(
        long id, IncidentAssignment? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        return await Edits.AnswerAsync(await IncidentLog.AssignAsync(db, id, body ?? new(null, null, null, null), today, ct), () => DetailsAsync(db, id, today, ct));
    }

    private static async Task<Results<Ok<IncidentDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> AddMeasure(
        long id, MeasureInput? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        return await Edits.AnswerAsync(await IncidentLog.AddMeasureAsync(db, id, body ?? new(null, null, null, null, null), today, ct), () => DetailsAsync(db, id, today, ct));
    }

    private static async Task<Results<Ok<IncidentDetails>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Resolve(
        long id, ResolutionInput? body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        return await Edits.AnswerAsync(await IncidentLog.ResolveAsync(db, id, body ?? new(null, null, null), today, ct), () => DetailsAsync(db, id, today, ct));
    }

    private static async Task<Ok<List<IncidentKind>>> Kinds(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.IncidentKinds.AsNoTracking().OrderBy(k => k.Sort).ThenBy(k => k.Name).ToListAsync(ct));

    private static async Task<Results<Ok<List<IncidentKind>>, ValidationProblem>> SetKind(IncidentKindInput? body, AppDbContext db, CancellationToken ct)
    {
        var errors = new InputErrors();
        var code = errors.Text("code", body?.Code, 40, required: true);
        var name = errors.Text("name", body?.Name, 200, required: true);
        if (code is not null && !System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z][a-z0-9_]{1,39}$"))
        {
            errors.Add("code", "Mã gồm chữ thường không dấu, số và gạch dưới, bắt đầu bằng chữ (ví dụ: sat_lo_dat).");
        }

        if (name is not null && await db.IncidentKinds.AnyAsync(k => k.Name == name && k.Code != code, ct))
        {
            errors.Add("name", $"Đã có loại \"{name}\".");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        if (await db.IncidentKinds.FirstOrDefaultAsync(k => k.Code == code, ct) is not { } kind)
        {
            db.IncidentKinds.Add(kind = new IncidentKind { Code = code!, Name = name! });
        }

        (kind.Name, kind.Sort, kind.Active) = (name!, body?.Sort ?? kind.Sort, body?.Active ?? true);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await Kinds(db, ct)).Value!);
    }
}
