using LoTrinh.Core.Agencies;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Agencies;

public sealed record AgencyRow(long Id, string Name, string? ShortName, string Kind, string KindLabel, string? Unit, int Tasks);

public sealed record AgencyDetails(AgencyRow Agency, TaskPage Tasks);

public static class AgenciesApi
{
    public static void MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agencies").WithTags("Cơ quan");
        group.MapGet("/", List).AllowAnonymous().WithSummary("Các cơ quan (tìm theo tên, loại), theo trang (page, pageSize ≤ 1000), tổng số ở X-Total-Count.");
        group.MapGet("/options", Options).AllowAnonymous()
            .WithSummary("Cơ quan có thể được giao việc hôm nay có tên, tên viết tắt hoặc đơn vị hành chính chứa q (tối đa 30): cho ô chọn cơ quan.");
        group.MapGet("/{id:id}", Get).AllowAnonymous().WithSummary("Một cơ quan và các nhiệm vụ được giao, với tình trạng tại một ngày.");
        group.MapGet("/successions", PendingSuccessions).Requires(Core.Accounts.Permission.ManageProgramme)
            .WithSummary("Cơ quan đã giải thể (cải cách 2025) còn nhiệm vụ chưa xong, với cơ quan kế thừa được gợi ý theo đơn vị hành chính.");
        group.MapPost("/{id:id}/succession", ConfirmSuccession).Requires(Core.Accounts.Permission.ManageProgramme)
            .WithSummary("Xác nhận cơ quan kế thừa và chuyển mọi nhiệm vụ chưa xong sang đó ({successor, outsideLineage}).");
        group.MapPost("/{id:id}/merge", Merge).Requires(Core.Accounts.Permission.ManageProgramme)
            .WithSummary("Gộp một bản ghi trùng vào bản ghi được giữ lại ({into}); nhiệm vụ, tài khoản đi theo.");
    }

    private static async Task<Ok<IReadOnlyList<DissolvedAgency>>> PendingSuccessions(AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await Successions.PendingAsync(db, time.Today(), ct));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ConfirmSuccession(
        long id, SuccessionInput input, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await Successions.ConfirmAsync(db, id, input, time.Today(), ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.NoContent(),
        };

    /// <summary>The agency that stays.</summary>
    public sealed record MergeInput(long? Into);

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Merge(long id, MergeInput input, AppDbContext db, CancellationToken ct) =>
        await Successions.MergeAsync(db, id, input.Into, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.NoContent(),
        };

    /// <summary>One page of the agencies matching, by name, and how many match.</summary>
    public static async Task<(IReadOnlyList<AgencyRow> Rows, int Total)> QueryAsync(AppDbContext db, string? q, string? kind, int page, int size, CancellationToken ct)
    {
        var query = Matching(db.Agencies, q, kind);
        return (await RowsAsync(db, query.OrderBy(a => a.Name).ThenBy(a => a.Id).Skip((page - 1) * size).Take(size), ct), await query.CountAsync(ct));
    }

    private static IQueryable<Agency> Matching(IQueryable<Agency> agencies, string? q, string? kind)
    {
        var query = agencies.AsNoTracking();
        if (Input.Clean(q) is { } text)
        {
            query = query.Where(a => EF.Functions.ILike(a.Name, $"%{text}%") || (a.ShortName != null && EF.Functions.ILike(a.ShortName, $"%{text}%")));
        }

        if (Input.Clean(kind) is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }

        return query;
    }

    /// <summary>The rows with their task counts, counted for these agencies only (one grouped query, not one per row).</summary>
    private static async Task<IReadOnlyList<AgencyRow>> RowsAsync(AppDbContext db, IQueryable<Agency> agencies, CancellationToken ct)
    {
        var rows = await agencies
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.ShortName,
                a.Kind,
                Unit = a.AdministrativeUnit == null ? null : a.AdministrativeUnit.Name,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var tasks = await db.Tasks.SelectMany(t => t.Agencies).Where(x => ids.Contains(x.AgencyId)).GroupBy(x => x.AgencyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. rows.Select(r => new AgencyRow(r.Id, r.Name, r.ShortName, r.Kind, AgencyKinds.Vietnamese(r.Kind), r.Unit, tasks.GetValueOrDefault(r.Id)))];
    }

    private static async Task<Ok<IReadOnlyList<AgencyRow>>> List(
        AppDbContext db, HttpResponse response, string? q, string? kind, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Input.Paging(page, pageSize, 100);
        var (rows, total) = await QueryAsync(db, q, kind, p, size, ct);
        response.SetTotal(total);
        return TypedResults.Ok(rows);
    }

    private static async Task<Ok<IReadOnlyList<AgencyOption>>> Options(AppDbContext db, TimeProvider time, string? q, CancellationToken ct) =>
        TypedResults.Ok(await AgencyOption.SearchAsync(db, time.Today(), q, AgencyOption.PickerSize, ct));

    public static async Task<AgencyDetails?> LoadAsync(AppDbContext db, long id, DateOnly asOf, int page, int pageSize, CancellationToken ct)
    {
        var row = (await RowsAsync(db, db.Agencies.AsNoTracking().Where(a => a.Id == id), ct)).SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        return new AgencyDetails(row, await TaskBoard.QueryAsync(db, new TaskFilter(asOf, AgencyId: id), page, pageSize, ct));
    }

    private static async Task<Results<Ok<AgencyDetails>, NotFound, ValidationProblem>> Get(
        long id, string? asOf, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? time.Today();
        if (errors.Any)
        {
            return errors.Problem();
        }

        return await LoadAsync(db, id, day, 1, Input.MaxPageSize, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();
    }
}
