using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Units;

public sealed record UnitRefView(long Id, string Code, string Name, DateOnly? ValidFrom, DateOnly? ValidTo, string? Kind = null);

public sealed record UnitView(
    long Id, string Code, string Name, string Kind, string Level, DateOnly? ValidFrom, DateOnly? ValidTo,
    UnitRefView? Parent, IReadOnlyList<UnitRefView> Predecessors, IReadOnlyList<UnitRefView> Successors, IReadOnlyList<UnitRefView> Children);

public sealed record UnitRow(long Id, string Code, string Name, string Kind, string Level, DateOnly? ValidFrom, DateOnly? ValidTo, string? Parent);

public static class UnitsApi
{
    public static void MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units").WithTags("Đơn vị hành chính");
        group.MapGet("/", Search).AllowAnonymous().WithSummary("Tìm đơn vị hành chính theo tên hay mã, còn hiệu lực vào một ngày.");
        group.MapGet("/options", Options).AllowAnonymous()
            .WithSummary("Tìm đơn vị để chọn (q: tên hay mã): former=false — trên bản đồ hiện nay (mặc định), former=true — trước 01/07/2025; 20 kết quả đầu.");
        group.MapGet("/{code}", GetByCode).AllowAnonymous().WithSummary("Đơn vị mang mã này vào ngày đã cho, với đơn vị tiền thân và kế thừa.");
        group.MapPut("/{id:id}/seat", SetSeat).Requires(LoTrinh.Core.Accounts.Permission.ManageProgramme)
            .WithSummary("Vị trí trụ sở của đơn vị (latitude, longitude) và nguồn cho biết vị trí đó; để trống cả hai để bỏ. Dự án chưa có vị trí được đặt tạm tại đây.");
    }

    private static async Task<Ok<IReadOnlyList<Directives.DirectiveOption>>> Options(AppDbContext db, TimeProvider time, string? q, bool? former, CancellationToken ct)
    {
        var today = time.Today();
        var query = former == true ? db.Units.AsNoTracking().Where(u => u.ValidTo != null && u.ValidTo < today) : ValidOn(db.Units.AsNoTracking(), today);
        if (Input.Clean(q) is { } text)
        {
            query = query.Where(u => u.Code == text || EF.Functions.ILike(u.Name, $"%{text.Replace("%", "", StringComparison.Ordinal)}%"));
        }

        var rows = await query.OrderBy(u => u.Level).ThenBy(u => u.Name).Take(20)
            .Select(u => new { u.Id, u.Name, u.Code, Parent = u.Parent == null ? null : u.Parent.Name }).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<Directives.DirectiveOption>>([.. rows.Select(u => new Directives.DirectiveOption(u.Id, Label(u.Name, u.Code, u.Parent)))]);
    }

    /// <summary>"Xã Đức Trọng (24958), Tỉnh Lâm Đồng": enough to tell two communes of one name apart.</summary>
    public static string Label(string name, string code, string? parent) => $"{name} ({code}){(parent is null ? "" : ", " + parent)}";

    public sealed record SeatInput(decimal? Latitude, decimal? Longitude, string? Source);

    private static async Task<Results<Ok<UnitRefView>, ValidationProblem, NotFound>> SetSeat(long id, SeatInput? body, AppDbContext db, CancellationToken ct)
    {
        if (await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var errors = await SetSeatAsync(db, unit, body ?? new(null, null, null), ct);
        return errors.Any ? errors.Problem() : TypedResults.Ok(new UnitRefView(unit.Id, unit.Code, unit.Name, unit.ValidFrom, unit.ValidTo, unit.Kind));
    }

    /// <summary>Sets (or clears) where the unit's People's Committee sits; a seat needs the source that says so.</summary>
    public static async Task<InputErrors> SetSeatAsync(AppDbContext db, AdministrativeUnit unit, SeatInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        Projects.ProjectRegister.CheckPoint(errors, input.Latitude, input.Longitude);
        var source = errors.Text("source", input.Source, 1000, required: input.Latitude is not null);
        if (!errors.Any)
        {
            (unit.SeatLatitude, unit.SeatLongitude, unit.SeatSource) = (input.Latitude, input.Longitude, input.Latitude is null ? null : source);
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>The id of the unit with this code on that day, or null.</summary>
    public static Task<long?> ResolveAsync(AppDbContext db, string code, DateOnly on, CancellationToken ct) =>
        ValidOn(db.Units, on).Where(u => u.Code == code.Trim()).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);

    private static IQueryable<AdministrativeUnit> ValidOn(IQueryable<AdministrativeUnit> units, DateOnly on) =>
        units.Where(u => (u.ValidFrom == null || u.ValidFrom <= on) && (u.ValidTo == null || u.ValidTo >= on));

    public static async Task<(IReadOnlyList<UnitRow> Rows, int Total)> SearchAsync(
        AppDbContext db, string? q, string? level, DateOnly? on, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Units.AsNoTracking();
        if (on is { } day)
        {
            query = ValidOn(query, day);
        }

        if (Input.Clean(q) is { } text)
        {
            query = query.Where(u => u.Code == text || EF.Functions.ILike(u.Name, $"%{text}%"));
        }

        if (Input.Clean(level) is { } l)
        {
            query = query.Where(u => u.Level == l);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.Code).ThenBy(u => u.ValidFrom)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Kind, u.Level, u.ValidFrom, u.ValidTo, u.Parent == null ? null : u.Parent.Name))
            .ToListAsync(ct);
        return (rows, total);
    }

    private static async Task<Results<Ok<IReadOnlyList<UnitRow>>, ValidationProblem>> Search(
        AppDbContext db, HttpResponse response, string? q, string? level, string? on, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("on", on);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var (p, size) = Input.Paging(page, pageSize, 100);
        var (rows, total) = await SearchAsync(db, q, level, day, p, size, ct);
        response.SetTotal(total);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<UnitView>, ProblemHttpResult, ValidationProblem>> GetByCode(
        string code, string? on, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("on", on) ?? time.Today();
        if (errors.Any)
        {
            return errors.Problem();
        }

        var id = await ResolveAsync(db, code, day, ct);
        return id is { } found && await LoadAsync(db, found, ct) is { } unit
            ? TypedResults.Ok(unit)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Không có đơn vị hành chính này",
                detail: $"Không có đơn vị hành chính mã {code} còn hiệu lực vào ngày {day:dd/MM/yyyy}.");
    }

    public static async Task<UnitView?> LoadAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Include(u => u.Parent).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return null;
        }

        var predecessors = await db.UnitLineages.AsNoTracking().Where(l => l.SuccessorId == id)
            .OrderBy(l => l.Predecessor.Code)
            .Select(l => new UnitRefView(l.PredecessorId, l.Predecessor.Code, l.Predecessor.Name, l.Predecessor.ValidFrom, l.Predecessor.ValidTo, l.Kind))
            .ToListAsync(ct);
        var successors = await db.UnitLineages.AsNoTracking().Where(l => l.PredecessorId == id)
            .OrderBy(l => l.Successor.Code)
            .Select(l => new UnitRefView(l.SuccessorId, l.Successor.Code, l.Successor.Name, l.Successor.ValidFrom, l.Successor.ValidTo, l.Kind))
            .ToListAsync(ct);
        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.Code)
            .Select(u => new UnitRefView(u.Id, u.Code, u.Name, u.ValidFrom, u.ValidTo, u.Kind))
            .ToListAsync(ct);
        return new UnitView(unit.Id, unit.Code, unit.Name, unit.Kind, unit.Level, unit.ValidFrom, unit.ValidTo,
            unit.Parent is { } p ? new UnitRefView(p.Id, p.Code, p.Name, p.ValidFrom, p.ValidTo, p.Kind) : null,
            predecessors, successors, children);
    }
}
