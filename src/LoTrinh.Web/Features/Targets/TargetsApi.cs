using LoTrinh.Core.Accounts;
using LoTrinh.Core.Targets;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Targets;

public sealed record TargetInput(
    string? Directive, string? Indicator, string? Unit, string? Scope, string? UnitCode, int? Year, string? Comparator,
    decimal? Value, decimal? Low, decimal? High, string? Section, long? Revises);

public static class TargetsApi
{
    public static void MapTargetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/targets").WithTags("Chỉ tiêu");
        group.MapGet("/", List).AllowAnonymous()
            .WithSummary("Chỉ tiêu của một văn bản hay một chỉ số, với tình trạng so với mục tiêu; theo trang (page, pageSize ≤ 1000), tổng số ở X-Total-Count.");
        group.MapPost("/", Create).Requires(Permission.ManageProgramme).WithSummary("Thêm một chỉ tiêu (hoặc sửa đổi một chỉ tiêu cũ, giữ lịch sử).");
    }

    private static async Task<Results<Ok<IReadOnlyList<TargetRow>>, ValidationProblem>> List(
        AppDbContext db, TimeProvider time, HttpResponse response, string? directive, long? indicator, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Targets.AsQueryable();
        var (directiveId, directiveProblem) = await DirectivesApi.FindAsync(db, directive, ct);
        if (directiveProblem is not null)
        {
            var errors = new InputErrors();
            errors.Add("directive", directiveProblem);
            return errors.Problem();
        }

        if (directiveId is { } d)
        {
            query = query.Where(t => t.DirectiveId == d);
        }

        if (indicator is { } i)
        {
            query = query.Where(t => t.IndicatorId == i);
        }

        if (year is { } y)
        {
            query = query.Where(t => t.Year == y);
        }

        var (p, size) = Input.Paging(page, pageSize, 100);
        var (rows, total) = await TargetStatus.PageAsync(db, query, time.Today(), p, size, ct);
        response.SetTotal(total);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Created<TargetRow>, ValidationProblem>> Create(TargetInput input, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var (directiveId, directiveProblem) = await DirectivesApi.FindAsync(db, input.Directive, ct);
        if (directiveId is null)
        {
            errors.Add("directive", directiveProblem ?? "Cần chọn văn bản đặt chỉ tiêu.");
        }

        var indicatorName = errors.Required("indicator", input.Indicator);
        var unit = errors.Required("unit", input.Unit);
        var scope = Input.Clean(input.Scope) ?? "toàn tỉnh";
        if (!ComparatorCodes.TryParse(input.Comparator, out Comparator comparator))
        {
            errors.Add("comparator", "Phép so sánh phải là một trong: gt, gte, lt, lte, eq, range, approx.");
        }
        else if (TargetSpec.Problem(comparator, input.Value, input.Low, input.High) is { } problem)
        {
            errors.Add(comparator == Comparator.Range ? "low" : "value", problem);
        }

        if (input.Year is < 1945 or > 2200)
        {
            errors.Add("year", $"Năm {input.Year} không hợp lý.");
        }

        long? unitId = null;
        if (Input.Clean(input.UnitCode) is { } code)
        {
            // A year already refused above is not a date to look the unit up on.
            var on = input.Year is >= 1945 and <= 2200 and var y ? new DateOnly(y, 1, 1) : time.Today();
            unitId = await UnitsApi.ResolveAsync(db, code, on, ct);
            if (unitId is null)
            {
                errors.Add("unitCode", $"Không có đơn vị hành chính mã {code} vào {on:dd/MM/yyyy}.");
            }
        }
        else if (directiveId is > 0)
        {
            unitId = await db.Directives.Where(x => x.Id == directiveId).Select(x => x.LocalityUnitId).FirstAsync(ct);
        }

        if (input.Revises is { } revises && !await db.Targets.AnyAsync(t => t.Id == revises, ct))
        {
            errors.Add("revises", $"Không có chỉ tiêu số {revises} để sửa đổi.");
        }

        var key = indicatorName is null ? null : VietnameseText.MatchKey(indicatorName);
        var known = key is null ? null : await db.Indicators.FirstOrDefaultAsync(i => i.NameKey == key && i.Unit == unit, ct);

        // A number of urban areas, counted from the register: a whole number, never negative.
        if (known is { CountsUrbanAreas: true } && new[] { input.Value, input.Low, input.High }.FirstOrDefault(v => v is { } x && (x < 0 || x % 1 != 0)) is { } count)
        {
            errors.Add(comparator == Comparator.Range ? "low" : "value", $"Số đô thị phải là số nguyên không âm; {count} không phải.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var indicator = known ?? db.Indicators.Add(new Indicator { Name = indicatorName!, NameKey = key!, Unit = unit! }).Entity;
        var target = new Target
        {
            Indicator = indicator,
            DirectiveId = directiveId!.Value,
            Section = Input.Clean(input.Section),
            Scope = scope,
            AdministrativeUnitId = unitId,
            Year = input.Year,
            Comparator = comparator,
            Value = input.Value,
            Low = input.Low,
            High = input.High,
            RevisesTargetId = input.Revises,
        };
        db.Targets.Add(target);
        await db.SaveChangesAsync(ct);
        var row = await Edits.ReadBackAsync(async () => (await TargetStatus.QueryAsync(db, db.Targets.Where(t => t.Id == target.Id), time.Today(), ct)) is [var first, ..] ? first : null);
        return TypedResults.Created($"/api/targets?indicator={indicator.Id}", row);
    }
}
