using LoTrinh.Core.Targets;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Targets;

public sealed record LatestValue(decimal Value, DateOnly PeriodEnd, string PeriodLabel);

public sealed record TargetRow(
    long Id, long IndicatorId, string Indicator, string Unit, string Scope, string? Locality, int? Year, string Comparator,
    decimal? Value, decimal? Low, decimal? High, string Wording, long DirectiveId, string Directive, string? Section, string? Quote,
    string Status, string StatusLabel, string Progress, string ProgressLabel, double? ProgressRatio, string Evaluation,
    LatestValue? Latest, long? RevisesTargetId, bool Superseded, string? ProgressExplanation = null);

/// <summary>Targets with their status from the values reported for the same indicator and locality.</summary>
public static class TargetStatus
{
    /// <summary>One page of the targets (by directive, then as written) and how many there are.</summary>
    public static async Task<(IReadOnlyList<TargetRow> Rows, int Total)> PageAsync(
        AppDbContext db, IQueryable<Target> targets, DateOnly asOf, int page, int size, CancellationToken ct) =>
        (await QueryOrderedAsync(db, Ordered(targets).Skip((page - 1) * size).Take(size), asOf, ct), await targets.CountAsync(ct));

    /// <summary>Every target of <paramref name="targets"/>: for sets bounded by their filter (one directive, one indicator).</summary>
    public static Task<IReadOnlyList<TargetRow>> QueryAsync(AppDbContext db, IQueryable<Target> targets, DateOnly asOf, CancellationToken ct) =>
        QueryOrderedAsync(db, Ordered(targets), asOf, ct);

    private static IOrderedQueryable<Target> Ordered(IQueryable<Target> targets) => targets.OrderBy(t => t.DirectiveId).ThenBy(t => t.Id);

    private static async Task<IReadOnlyList<TargetRow>> QueryOrderedAsync(AppDbContext db, IQueryable<Target> targets, DateOnly asOf, CancellationToken ct)
    {
        var rows = await targets.AsNoTracking()
            .Select(t => new
            {
                t.Id,
                t.IndicatorId,
                Indicator = t.Indicator.Name,
                t.Indicator.Unit,
                t.Indicator.Direction,
                t.Scope,
                t.AdministrativeUnitId,
                Locality = t.AdministrativeUnit == null ? null : t.AdministrativeUnit.Name,
                t.Year,
                t.Comparator,
                t.Value,
                t.Low,
                t.High,
                t.DirectiveId,
                Directive = t.Directive.Number ?? t.Directive.Kind + " — " + t.Directive.IssuerName,
                t.Section,
                t.Quote,
                t.RevisesTargetId,
            })
            .ToListAsync(ct);

        // The figures of the page's (indicator, locality) pairs, not of every indicator × every locality on the page
        // (at national scale that cross product is most of the table); the viewer's filters still apply.
        var pairs = rows.Where(r => r.AdministrativeUnitId != null).Select(r => (r.IndicatorId, Unit: r.AdministrativeUnitId!.Value)).Distinct().ToList();
        var indicatorIds = pairs.Select(p => p.IndicatorId).ToArray();
        var unitIds = pairs.Select(p => p.Unit).ToArray();
        var measurements = (await db.Measurements
                .FromSql($"select m.* from measurement m join unnest({indicatorIds}, {unitIds}) as pair(indicator_id, unit_id) on m.indicator_id = pair.indicator_id and m.administrative_unit_id = pair.unit_id")
                .AsNoTracking()
                .Select(m => new { m.IndicatorId, m.AdministrativeUnitId, m.PeriodEnd, m.PeriodLabel, m.Value })
                .ToListAsync(ct))
            .ToLookup(m => (m.IndicatorId, m.AdministrativeUnitId));
        // Only the figures and revisions of these targets: a page costs the same whatever the country holds.
        var ids = rows.Select(r => r.Id).ToList();
        var superseded = (await db.Targets.Where(t => t.RevisesTargetId != null && ids.Contains(t.RevisesTargetId.Value))
            .Select(t => t.RevisesTargetId!.Value).ToListAsync(ct)).ToHashSet();

        return [.. rows.Select(r =>
        {
            var spec = new TargetSpec(r.Comparator, r.Value, r.Low, r.High);
            var series = r.AdministrativeUnitId is { } unit ? measurements[(r.IndicatorId, unit)].OrderBy(m => m.PeriodEnd).ToList() : [];
            var latest = series.Count > 0 ? series[^1] : null;
            var evaluation = TargetEvaluator.Evaluate(spec, latest?.Value, r.Direction);
            var assessment = r.Year is { } year
                ? ProgressAssessor.Assess(spec, r.Direction, new DateOnly(year, 12, 31), series.Select(m => new Observation(m.PeriodEnd, m.Value)), asOf)
                : Undated(evaluation);
            return new TargetRow(r.Id, r.IndicatorId, r.Indicator, r.Unit, r.Scope, r.Locality, r.Year, r.Comparator.Code(),
                r.Value, r.Low, r.High, r.Comparator.Describe(r.Value, r.Low, r.High, r.Unit), r.DirectiveId, r.Directive, r.Section, r.Quote,
                assessment.StatusCode, assessment.StatusVietnamese, assessment.Category.Code(), assessment.Category.Vietnamese(),
                assessment.Ratio is { } ratio ? Math.Round(ratio, 3) : null, evaluation.ToString().ToLowerInvariant(),
                latest is null ? null : new LatestValue(latest.Value, latest.PeriodEnd, latest.PeriodLabel),
                r.RevisesTargetId, superseded.Contains(r.Id), assessment.Explanation);
        })];
    }

    /// <summary>A target with no year ("duy trì … trên 53%") has no milestone to project to: met or not.</summary>
    private static ProgressAssessment Undated(TargetOutcome outcome) => new(
        outcome switch
        {
            TargetOutcome.Met => ProgressCategory.Achieved,
            TargetOutcome.NotMet => ProgressCategory.LimitedProgress,
            _ => ProgressCategory.InsufficientData,
        }, null, null, null, null, null);
}
