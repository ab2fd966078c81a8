using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Indicators;

public sealed record ChartPoint(DateOnly On, decimal Value, string Label);

public sealed record ChartTarget(int Year, decimal Value, string Directive);

/// <summary>
/// An indicator's values over time for one locality, the targets set for that locality, and the path that
/// reaches them: a straight line from the first value through each target at the end of its year (the pace a
/// target requires, as the progress category measures against it).
/// </summary>
public sealed record IndicatorChart(long UnitId, string Unit, string Measure, IReadOnlyList<ChartPoint> Values, IReadOnlyList<ChartTarget> Targets, IReadOnlyList<ChartPoint> Trajectory)
{
    /// <summary>A locality's figures are a handful a year: this many is decades of monthly figures.</summary>
    public const int MaxPoints = 400;

    /// <summary>The chart for the locality asked (a unit id), or for that of the first target in force with a level.</summary>
    public static async Task<IndicatorChart?> LoadAsync(AppDbContext db, long indicatorId, long? unitId, CancellationToken ct)
    {
        var inForce = LoTrinh.Web.Features.Targets.TargetStatus.InForce(db).AsNoTracking()
            .Where(t => t.IndicatorId == indicatorId && t.Value != null && t.Year != null && t.AdministrativeUnitId != null);
        var unit = unitId ?? await inForce.OrderBy(t => t.Directive.IssuedOn).ThenBy(t => t.Id).Select(t => t.AdministrativeUnitId).FirstOrDefaultAsync(ct);
        if (unit is not { } chosen)
        {
            return null;
        }

        var header = await db.Indicators.Where(i => i.Id == indicatorId)
            .Select(i => new { i.Unit, Locality = db.Units.Where(u => u.Id == chosen).Select(u => u.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (header?.Locality is null)
        {
            return null;
        }

        var values = await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicatorId && m.AdministrativeUnitId == chosen)
            .OrderBy(m => m.PeriodEnd).Take(MaxPoints).Select(m => new ChartPoint(m.PeriodEnd, m.Value, m.PeriodLabel)).ToListAsync(ct);
        var targets = await inForce.Where(t => t.AdministrativeUnitId == chosen).OrderBy(t => t.Year)
            .Select(t => new ChartTarget(t.Year!.Value, t.Value!.Value, t.Directive.Number ?? t.Directive.Kind)).ToListAsync(ct);
        IReadOnlyList<ChartPoint> trajectory = values.Count == 0 || targets.Count == 0
            ? []
            : [values[0], .. targets.Where(t => new DateOnly(t.Year, 12, 31) > values[0].On)
                .Select(t => new ChartPoint(new DateOnly(t.Year, 12, 31), t.Value, $"Chỉ tiêu {t.Year}"))];
        return new IndicatorChart(chosen, header.Locality, header.Unit, values, targets, trajectory);
    }
}
