using LoTrinh.Core.Accounts;
using LoTrinh.Core.Targets;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Classification;
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
    /// <summary>
    /// One page of the targets (by directive, then as written) and how many there are; with <paramref name="progress"/>
    /// (a category's code), only the targets in that category as of <paramref name="asOf"/> — which every target must
    /// be assessed to know, three index probes each.
    /// </summary>
    public static async Task<(IReadOnlyList<TargetRow> Rows, int Total)> PageAsync(
        AppDbContext db, IQueryable<Target> targets, DateOnly asOf, int page, int size, CancellationToken ct, string? progress = null)
    {
        if (progress is null)
        {
            return (await QueryOrderedAsync(db, Ordered(targets).Skip((page - 1) * size).Take(size), asOf, ct), await targets.CountAsync(ct));
        }

        var inCategory = (await QueryAsync(db, targets, asOf, ct)).Where(t => t.Progress == progress).ToList();
        return ([.. inCategory.Skip((page - 1) * size).Take(size)], inCategory.Count);
    }

    /// <summary>Targets in force: a target a later one revised is history, not a figure to watch.</summary>
    public static IQueryable<Target> InForce(AppDbContext db) => db.Targets.Where(t => !db.Targets.Any(r => r.RevisesTargetId == t.Id));

    /// <summary>The codes of the progress categories, in the order a meeting reads them (done, on the way, behind, unknown).</summary>
    public static readonly IReadOnlyList<ProgressCategory> Categories =
    [
        ProgressCategory.Achieved, ProgressCategory.OnTrack, ProgressCategory.NeedsAcceleration, ProgressCategory.LimitedProgress,
        ProgressCategory.Deteriorating, ProgressCategory.NotAchieved, ProgressCategory.InsufficientData,
    ];

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
                t.Indicator.CountsUrbanAreas,
                t.Indicator.CountsClass,
                t.Indicator.CountsBasis,
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
                Superseded = db.Targets.Any(r => r.RevisesTargetId == t.Id),
            })
            .ToListAsync(ct);

        // Số đô thị loại …: where the province keeps its urban-area register, the figures are the register's counts on
        // each day they changed (issue 21); where it holds nothing yet, the figures reported like any other.
        var counted = new Dictionary<(long IndicatorId, long Unit), List<Figure>>();
        var registers = new Dictionary<long, IReadOnlyList<Core.Classification.RegisteredArea>>();
        foreach (var r in rows.Where(r => r.CountsUrbanAreas && r.AdministrativeUnitId != null).DistinctBy(r => (r.IndicatorId, r.AdministrativeUnitId)))
        {
            var unit = r.AdministrativeUnitId!.Value;
            if (!registers.TryGetValue(unit, out var areas))
            {
                registers[unit] = areas = await RegisterCounts.AreasAsync(db, unit, ct);
            }

            if (Core.Classification.UrbanRegister.Series(areas, asOf, r.CountsClass, r.CountsBasis ?? "") is { Count: > 0 } series)
            {
                counted[(r.IndicatorId, unit)] = [.. series.Select(p => new Figure(0, r.IndicatorId, unit, p.Day, p.Count, $"Sổ đô thị, ngày {p.Day:dd/MM/yyyy}"))];
            }
        }

        // A figure can be both the first and the latest, or the latest of two targets' years: each counts once.
        var figures = (await RuledFiguresAsync(db, [.. rows.Where(r => r.AdministrativeUnitId is { } u && !counted.ContainsKey((r.IndicatorId, u)))
                .Select(r => (r.IndicatorId, r.AdministrativeUnitId!.Value, r.Year))], asOf, ct))
            .DistinctBy(m => m.Id).ToLookup(m => (m.IndicatorId, m.AdministrativeUnitId));

        return [.. rows.Select(r =>
        {
            var spec = new TargetSpec(r.Comparator, r.Value, r.Low, r.High);
            var series = r.AdministrativeUnitId is not { } unit ? []
                : counted.TryGetValue((r.IndicatorId, unit), out var fromRegister) ? fromRegister
                : figures[(r.IndicatorId, unit)].OrderBy(m => m.PeriodEnd).ThenBy(m => m.Id).ToList();
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
                r.RevisesTargetId, r.Superseded, assessment.Explanation);
        })];
    }

    private sealed record Figure(long Id, long IndicatorId, long AdministrativeUnitId, DateOnly PeriodEnd, decimal Value, string PeriodLabel);

    /// <summary>
    /// The figures the progress rules read, up to the cut-off, for each (indicator, locality, target year): the first
    /// (the baseline), the latest, and the last of the target's year — three probes of the (indicator, unit) index
    /// each, whatever the length of the series or the size of the country. Rules given only these decide as they
    /// would given the whole series. The viewer's filters on figures apply on top; the public's (approved figures
    /// only) is also asked inside, so that an unapproved latest figure gives way to the approved one before it.
    /// </summary>
    private static async Task<List<Figure>> RuledFiguresAsync(AppDbContext db, List<(long Indicator, long Unit, int? Year)> wanted, DateOnly asOf, CancellationToken ct)
    {
        var distinct = wanted.Distinct().ToList();
        var indicators = distinct.Select(w => w.Indicator).ToArray();
        var units = distinct.Select(w => w.Unit).ToArray();
        var years = distinct.Select(w => w.Year).ToArray();
        var approvedOnly = db.Viewer.Scope == ReadScope.Published;
        return await db.Measurements.FromSql($"""
                select m.* from unnest({indicators}, {units}, {years}) as p(indicator_id, unit_id, year)
                cross join lateral (
                  (select * from measurement m where m.indicator_id = p.indicator_id and m.administrative_unit_id = p.unit_id
                      and m.period_end <= {asOf} and m.deleted_at is null and not (m.awaiting_approval and {approvedOnly})
                    order by m.period_end, m.id limit 1)
                  union all
                  (select * from measurement m where m.indicator_id = p.indicator_id and m.administrative_unit_id = p.unit_id
                      and m.period_end <= {asOf} and m.deleted_at is null and not (m.awaiting_approval and {approvedOnly})
                    order by m.period_end desc, m.id desc limit 1)
                  union all
                  (select * from measurement m where m.indicator_id = p.indicator_id and m.administrative_unit_id = p.unit_id
                      and m.period_end <= {asOf} and m.deleted_at is null and not (m.awaiting_approval and {approvedOnly})
                      and m.period_end >= make_date(p.year, 1, 1) and m.period_end <= make_date(p.year, 12, 31)
                    order by m.period_end desc, m.id desc limit 1)) m
                """)
            .AsNoTracking()
            .Select(m => new Figure(m.Id, m.IndicatorId, m.AdministrativeUnitId, m.PeriodEnd, m.Value, m.PeriodLabel))
            .ToListAsync(ct);
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
