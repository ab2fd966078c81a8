namespace LoTrinh.Core.Targets;

/// <summary>A reported value at the end of its period.</summary>
public sealed record Observation(DateOnly At, decimal Value);

/// <summary>Open SDG's progress categories (peers.md §2.2).</summary>
public enum ProgressCategory
{
    /// <summary>Fewer than two values, or values CAGR cannot be computed from.</summary>
    InsufficientData,
    Achieved,
    OnTrack,
    NeedsAcceleration,
    LimitedProgress,
    Deteriorating,

    /// <summary>The target's year is over and the value of that year does not meet it.</summary>
    NotAchieved,
}

public sealed record ProgressAssessment(
    ProgressCategory Category,
    Observation? Baseline,
    Observation? Latest,
    double? ObservedGrowth,
    double? RequiredGrowth,
    double? Ratio,
    bool YearOver = false)
{
    public bool IsOffTrack => Category is ProgressCategory.NeedsAcceleration
        or ProgressCategory.LimitedProgress or ProgressCategory.Deteriorating;

    /// <summary>
    /// The headline a dashboard shows: achieved, not_achieved (its year is over), on_track, off_track, no_trend (a
    /// value that does not meet it, but too few to see a trend) or no_data (no value at all).
    /// </summary>
    public string StatusCode => Category switch
    {
        ProgressCategory.Achieved => "achieved",
        ProgressCategory.NotAchieved => "not_achieved",
        ProgressCategory.OnTrack => "on_track",
        ProgressCategory.InsufficientData when YearOver => "no_data_for_year",
        ProgressCategory.InsufficientData => Latest is null ? "no_data" : "no_trend",
        _ => "off_track",
    };

    public string StatusVietnamese => Category switch
    {
        ProgressCategory.Achieved => "Đã đạt",
        ProgressCategory.NotAchieved => "Không đạt",
        ProgressCategory.OnTrack => "Đúng lộ trình",
        // "không đủ số liệu" is never said beside a figure: there is one, it falls short, and one value shows no trend.
        ProgressCategory.InsufficientData when YearOver => "Đã hết năm chỉ tiêu, chưa có số liệu của năm đó",
        ProgressCategory.InsufficientData => Latest is null ? "Chưa có số liệu" : "Chưa đạt, chưa đủ số liệu để tính xu hướng",
        _ => "Chệch lộ trình",
    };

    /// <summary>
    /// The Open SDG ratio in words: the growth a year needed to reach the target on time and the growth seen so far
    /// ("cần tăng 7,7 %/năm, thực tế 2,8 %/năm"); null when there is no ratio to explain.
    /// </summary>
    public string? Explanation => RequiredGrowth is { } needed && ObservedGrowth is { } seen
        ? $"cần {Move(needed)} {Percent(needed)} %/năm, thực tế {Move(seen)} {Percent(seen)} %/năm"
        : null;

    private static string Move(double growth) => growth < 0 ? "giảm" : "tăng";

    private static string Percent(double growth) =>
        Math.Round(Math.Abs(growth) * 100, 1).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
}

/// <summary>
/// Progress toward a milestone by Open SDG's method (open-sdg docs/progress-methodology.md):
/// R = observed compound annual growth since the baseline ÷ the growth needed to reach the target
/// by its date. R ≥ 0.95 on track; 0.60–0.95 needs acceleration; 0–0.60 limited progress; below 0
/// deterioration; a latest value that meets the target is achieved. Zero values are replaced by
/// 0.001 as Open SDG does. The baseline is the earliest value on file; time is counted in years of
/// 365.25 days between period ends. Growth rates are ratios of powers, so they use double; the
/// category they give is the only output that decides anything.
/// </summary>
public static class ProgressAssessor
{
    public const double OnTrackRatio = 0.95;
    public const double AccelerationRatio = 0.60;
    private const double ZeroReplacement = 0.001;

    /// <param name="asOf">
    /// Today, for a target whose date may be past: once its year is over, the verdict is the value of that year
    /// against the target — achieved or not achieved —, not a projection; with no value of that year, no data.
    /// </param>
    public static ProgressAssessment Assess(TargetSpec target, Direction direction, DateOnly targetDate,
        IEnumerable<Observation> observations, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(observations);
        var series = observations.OrderBy(o => o.At).ToList();
        if (asOf is { } today && today > targetDate)
        {
            var ofThatYear = series.LastOrDefault(o => o.At.Year == targetDate.Year && o.At <= targetDate);
            var verdict = ofThatYear is null ? ProgressCategory.InsufficientData
                : TargetEvaluator.Evaluate(target, ofThatYear.Value, direction) == TargetOutcome.Met ? ProgressCategory.Achieved
                : ProgressCategory.NotAchieved;
            return new(verdict, series.Count > 0 ? series[0] : null, ofThatYear, null, null, null, YearOver: true);
        }

        if (series.Count == 0)
        {
            return new(ProgressCategory.InsufficientData, null, null, null, null, null);
        }

        var baseline = series[0];
        var latest = series[^1];
        if (TargetEvaluator.Evaluate(target, latest.Value, direction) == TargetOutcome.Met)
        {
            return new(ProgressCategory.Achieved, baseline, latest, null, null, null);
        }

        var insufficient = new ProgressAssessment(ProgressCategory.InsufficientData, baseline, latest, null, null, null);
        var observedYears = Years(baseline.At, latest.At);
        if (series.Count < 2 || observedYears <= 0)
        {
            return insufficient;
        }

        if (direction == Direction.Unspecified)
        {
            direction = target.ImpliedDirection;
        }

        if (direction == Direction.Unspecified)
        {
            direction = target.GoalValue(Direction.Increase) >= baseline.Value ? Direction.Increase : Direction.Decrease;
        }

        var start = NonZero(baseline.Value);
        var now = NonZero(latest.Value);
        var goal = NonZero(target.GoalValue(direction));
        if (Math.Sign(start) != Math.Sign(now) || Math.Sign(start) != Math.Sign(goal))
        {
            return insufficient;
        }

        var observed = Math.Pow(now / start, 1 / observedYears) - 1;
        var sign = direction == Direction.Increase ? 1 : -1;
        var requiredYears = Years(baseline.At, targetDate);
        var required = requiredYears > 0 ? Math.Pow(goal / start, 1 / requiredYears) - 1 : 0;

        // The baseline already met the goal (or the milestone is not after it): any move the right
        // way keeps it on track, any move the wrong way is deterioration.
        if (required * sign <= 0)
        {
            var category = observed * sign >= 0 ? ProgressCategory.OnTrack : ProgressCategory.Deteriorating;
            return new(category, baseline, latest, observed, required, null);
        }

        var ratio = observed / required;
        var result = ratio switch
        {
            >= OnTrackRatio => ProgressCategory.OnTrack,
            >= AccelerationRatio => ProgressCategory.NeedsAcceleration,
            >= 0 => ProgressCategory.LimitedProgress,
            _ => ProgressCategory.Deteriorating,
        };
        return new(result, baseline, latest, observed, required, ratio);
    }

    private static double Years(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / 365.25;

    private static double NonZero(decimal value) => value == 0 ? ZeroReplacement : (double)value;
}

public static class ProgressCategoryNames
{
    public static string Code(this ProgressCategory category) => category switch
    {
        ProgressCategory.InsufficientData => "insufficient_data",
        ProgressCategory.Achieved => "achieved",
        ProgressCategory.OnTrack => "on_track",
        ProgressCategory.NeedsAcceleration => "needs_acceleration",
        ProgressCategory.LimitedProgress => "limited_progress",
        ProgressCategory.Deteriorating => "deteriorating",
        ProgressCategory.NotAchieved => "not_achieved",
    };

    public static string Vietnamese(this ProgressCategory category) => category switch
    {
        ProgressCategory.InsufficientData => "Chưa đủ số liệu",
        ProgressCategory.Achieved => "Đã đạt",
        ProgressCategory.OnTrack => "Đúng lộ trình",
        ProgressCategory.NeedsAcceleration => "Cần đẩy nhanh",
        ProgressCategory.LimitedProgress => "Tiến triển chậm",
        ProgressCategory.Deteriorating => "Đang đi xuống",
        ProgressCategory.NotAchieved => "Không đạt",
    };
}
