using LoTrinh.Core.Targets;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Indicators;
using LoTrinh.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Dashboard;

/// <summary>How many targets in force are in a progress category (Open SDG's, in words).</summary>
public sealed record CategoryCount(string Code, string Label, int Count);

/// <summary>A target behind its path, with its values up to the cut-off for a sparkline.</summary>
public sealed record TargetTrend(TargetRow Target, IReadOnlyList<ChartPoint> Values);

/// <summary>A target whose progress category changed: from which (code and words) and whether for the worse.</summary>
public sealed record ChangedTarget(TargetRow Target, string From, string FromLabel, bool Worse);

/// <summary>The targets whose category changed between two cut-offs: how many, how many for the worse, the first of them.</summary>
public sealed record TargetChanges(DateOnly Since, int Total, int Worse, IReadOnlyList<ChangedTarget> Targets);

/// <summary>
/// The results half of the dashboard: the targets in force by progress category as of a cut-off, and those furthest
/// behind — going down first, then slow, then needing a push — each with its values as a sparkline.
/// </summary>
/// <param name="Changes">With an earlier cut-off (the last meeting): the targets whose category changed since.</param>
public sealed record TargetsAtGlance(DateOnly AsOf, int Total, IReadOnlyList<CategoryCount> Categories, IReadOnlyList<TargetTrend> Behind, TargetChanges? Changes)
{
    /// <summary>How many of the targets behind are named; the rest are a link away (/Targets?progress=…).</summary>
    public const int Listed = 10;

    /// <summary>A sparkline is the recent trend, not the history: the last values up to the cut-off.</summary>
    public const int SparkPoints = 12;

    /// <summary>Most behind first: the order a meeting should discuss them.</summary>
    private static readonly ProgressCategory[] BehindOrder =
        [ProgressCategory.Deteriorating, ProgressCategory.LimitedProgress, ProgressCategory.NeedsAcceleration];

    /// <param name="since">An earlier cut-off: the targets whose category changed since are listed too.</param>
    /// <param name="only">Only the targets of these directives (a programme and its cascade, for the IOC feed); all when null.</param>
    public static async Task<TargetsAtGlance> LoadAsync(AppDbContext db, DateOnly asOf, CancellationToken ct, DateOnly? since = null, IReadOnlyCollection<long>? only = null)
    {
        var targets = await AssessAsync(db, asOf, ct, only);
        var counts = targets.GroupBy(t => t.Progress).ToDictionary(g => g.Key, g => g.Count());
        var behind = targets.Where(t => BehindOrder.Any(c => c.Code() == t.Progress))
            .OrderBy(t => Array.FindIndex(BehindOrder, c => c.Code() == t.Progress)).ThenBy(t => t.ProgressRatio ?? 0).ThenBy(t => t.Id)
            .Take(Listed).ToList();
        var series = await SeriesAsync(db, behind.Select(t => t.Id).ToList(), asOf, ct);
        return new TargetsAtGlance(asOf, targets.Count,
            [.. TargetStatus.Categories.Select(c => new CategoryCount(c.Code(), c.Vietnamese(), counts.GetValueOrDefault(c.Code())))],
            [.. behind.Select(t => new TargetTrend(t, series.GetValueOrDefault(t.Id, [])))],
            since is { } earlier ? await ChangesAsync(db, earlier, targets, only, ct) : null);
    }

    /// <summary>
    /// The targets whose progress category differs between two cut-offs (the last meeting and this one), each
    /// assessed with the values reported up to that day; those that moved to a worse category first.
    /// </summary>
    private static async Task<TargetChanges> ChangesAsync(AppDbContext db, DateOnly since, IReadOnlyList<TargetRow> now, IReadOnlyCollection<long>? only, CancellationToken ct)
    {
        var before = (await AssessAsync(db, since, ct, only)).ToDictionary(t => t.Id);
        // Worse: further from the target among categories with a verdict (a target losing its data is not "worse").
        var order = TargetStatus.Categories.Where(c => c != ProgressCategory.InsufficientData).Select(c => c.Code()).ToList();
        bool Worse(string from, string to) => order.IndexOf(from) >= 0 && order.IndexOf(to) > order.IndexOf(from);
        var changed = now
            .Where(t => before.TryGetValue(t.Id, out var was) && was.Progress != t.Progress)
            .Select(t => new ChangedTarget(t, before[t.Id].Progress, before[t.Id].ProgressLabel, Worse(before[t.Id].Progress, t.Progress)))
            .OrderByDescending(c => c.Worse).ThenBy(c => c.Target.DirectiveId).ThenBy(c => c.Target.Id).ToList();
        return new TargetChanges(since, changed.Count, changed.Count(c => c.Worse), [.. changed.Take(ProgrammeDashboard.Listed)]);
    }

    /// <summary>Every target in force (of <paramref name="only"/>'s directives) with its progress as of <paramref name="asOf"/>.</summary>
    public static Task<IReadOnlyList<TargetRow>> AssessAsync(AppDbContext db, DateOnly asOf, CancellationToken ct, IReadOnlyCollection<long>? only = null) =>
        db.CachedAsync($"targets:{asOf:O}:{FiguresCacheExtensions.Key(only)}", db.TargetKinds(), () =>
        {
            var inForce = TargetStatus.InForce(db);
            return TargetStatus.QueryAsync(db, only is null ? inForce : inForce.Where(t => only.Contains(t.DirectiveId)), asOf, ct);
        }, ct);

    /// <summary>The last values up to the cut-off of these targets' indicator and locality: one query for all of them.</summary>
    private static async Task<Dictionary<long, IReadOnlyList<ChartPoint>>> SeriesAsync(AppDbContext db, List<long> ids, DateOnly asOf, CancellationToken ct)
    {
        var rows = await db.Targets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .SelectMany(t => db.Measurements.Where(m => m.IndicatorId == t.IndicatorId && m.AdministrativeUnitId == t.AdministrativeUnitId && m.PeriodEnd <= asOf)
                .OrderByDescending(m => m.PeriodEnd).ThenByDescending(m => m.Id).Take(SparkPoints)
                .Select(m => new { TargetId = t.Id, m.PeriodEnd, m.Value, m.PeriodLabel }))
            .ToListAsync(ct);
        return rows.GroupBy(r => r.TargetId).ToDictionary(
            g => g.Key, IReadOnlyList<ChartPoint> (g) => [.. g.OrderBy(r => r.PeriodEnd).Select(r => new ChartPoint(r.PeriodEnd, r.Value, r.PeriodLabel))]);
    }
}

/// <summary>
/// A sparkline drawn by the server as SVG (no script: it prints, and a phone shows it as soon as the page is there):
/// the values left to right in time, the target level as a dashed line when it falls in range of the values.
/// </summary>
public sealed record Sparkline(string Points, double? TargetY, string Description)
{
    public const double Width = 120;
    public const double Height = 28;
    private const double Pad = 2;

    public static Sparkline? Of(IReadOnlyList<ChartPoint> values, decimal? target, string measure)
    {
        if (values.Count < 2)
        {
            return null;
        }

        var low = (double)Math.Min(values.Min(v => v.Value), target ?? decimal.MaxValue);
        var high = (double)Math.Max(values.Max(v => v.Value), target ?? decimal.MinValue);
        var span = high - low;
        double Y(decimal value) => span == 0 ? Height / 2 : Pad + ((high - (double)value) / span * (Height - (2 * Pad)));
        var first = values[0].On.DayNumber;
        var days = Math.Max(1, values[^1].On.DayNumber - first);
        var points = string.Join(' ', values.Select(v => FormattableString.Invariant($"{Pad + ((v.On.DayNumber - first) / (double)days * (Width - (2 * Pad))):0.#},{Y(v.Value):0.#}")));
        var said = string.Join("; ", values.Select(v => $"{v.Label}: {Core.Text.VietnameseText.FormatNumber(v.Value)}"));
        return new Sparkline(points, target is { } t ? Y(t) : null, $"Số liệu {measure} — {said}");
    }
}
