using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Indicators;

/// <summary>A figure as the locality table shows it: its value, period and the end of the period.</summary>
public sealed record LocalityFigure(decimal Value, string PeriodLabel, DateOnly PeriodEnd);

/// <summary>A unit that took over a retired one (sáp nhập, 1/7/2025): whole or in part.</summary>
public sealed record Successor(long Id, string Name, bool Whole, DateOnly EffectiveOn);

/// <summary>
/// An indicator's latest figure in one locality up to the cut-off and the one before it; a unit retired by the 2025
/// reorganisation keeps its figures as they were reported and names the units that took it over.
/// </summary>
public sealed record LocalityLine(long UnitId, string Code, string Name, DateOnly? ValidTo, LocalityFigure? Latest, LocalityFigure? Previous,
    IReadOnlyList<Successor> Successors)
{
    /// <summary>The change from the figure before; null with fewer than two.</summary>
    public decimal? Change => Latest is { } now && Previous is { } before ? now.Value - before.Value : null;
}

/// <summary>The locality table of an indicator's page: every unit with a figure of it, by code, a page at a time.</summary>
public static class IndicatorLocalities
{
    public const int PageSize = 50;

    public static void MapIndicatorLocalitiesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/indicators/{id:id}/localities", Get).WithTags("Chỉ tiêu").AllowAnonymous()
            .WithSummary("Số liệu của một chỉ số theo địa bàn: mỗi đơn vị có số liệu (theo mã), số liệu gần nhất đến ngày asOf và số liệu trước đó; "
                + "đơn vị đã sắp xếp lại (1/7/2025) giữ số liệu như đã báo cáo và nêu đơn vị kế thừa. Theo trang (page, pageSize ≤ 1000), tổng số ở X-Total-Count.");

    private static async Task<Results<Ok<IReadOnlyList<LocalityLine>>, NotFound, ValidationProblem>> Get(
        long id, string? asOf, int? page, int? pageSize, AppDbContext db, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? time.Today();
        if (errors.Any)
        {
            return errors.Problem();
        }

        if (!await db.Indicators.AnyAsync(i => i.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (p, size) = Input.Paging(page, pageSize, PageSize);
        var (lines, total) = await LoadAsync(db, id, day, p, size, ct);
        response.SetTotal(total);
        return TypedResults.Ok(lines);
    }

    public static async Task<(IReadOnlyList<LocalityLine> Lines, int Total)> LoadAsync(AppDbContext db, long indicatorId, DateOnly asOf, int page, int size, CancellationToken ct)
    {
        var figures = db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicatorId && m.PeriodEnd <= asOf);
        var units = db.Units.AsNoTracking().Where(u => figures.Any(m => m.AdministrativeUnitId == u.Id));
        var shown = await units.OrderBy(u => u.Code).ThenBy(u => u.Id).Skip((page - 1) * size).Take(size)
            .Select(u => new { u.Id, u.Code, u.Name, u.ValidTo }).ToListAsync(ct);
        var ids = shown.Select(u => u.Id).ToList();
        // The two latest figures of each unit shown: two descents of the (indicator, unit, period end) index each.
        var latest = (await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
                .SelectMany(u => figures.Where(m => m.AdministrativeUnitId == u.Id).OrderByDescending(m => m.PeriodEnd).ThenByDescending(m => m.Id).Take(2)
                    .Select(m => new { UnitId = u.Id, m.Value, m.PeriodLabel, m.PeriodEnd }))
                .ToListAsync(ct))
            .GroupBy(f => f.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.PeriodEnd).Select(f => new LocalityFigure(f.Value, f.PeriodLabel, f.PeriodEnd)).ToList());
        var successors = (await db.UnitLineages.AsNoTracking().Where(l => ids.Contains(l.PredecessorId))
                .Select(l => new { l.PredecessorId, l.SuccessorId, l.Successor.Name, l.Kind, l.EffectiveOn }).ToListAsync(ct))
            .ToLookup(l => l.PredecessorId, l => new Successor(l.SuccessorId, l.Name, l.Kind == "full", l.EffectiveOn));
        var lines = shown.Select(u =>
        {
            var two = latest.GetValueOrDefault(u.Id) ?? [];
            return new LocalityLine(u.Id, u.Code, u.Name, u.ValidTo, two.ElementAtOrDefault(0), two.ElementAtOrDefault(1), [.. successors[u.Id]]);
        }).ToList();
        return (lines, await units.CountAsync(ct));
    }
}
