namespace LoTrinh.Core.Targets;

/// <summary>Whether a reported value meets a target.</summary>
public enum TargetOutcome
{
    NoData,
    Met,
    NotMet,
}

public static class TargetEvaluator
{
    /// <summary>
    /// "khoảng 75%" is met within 5 % of the stated value (71.25–78.75). Where the indicator has a
    /// direction, overshooting it in that direction also meets the target: a GRDP share of 80 % meets
    /// "khoảng 75%". Five per cent is the tolerance the secretariat can reason about aloud; it is a
    /// parameter, not a law.
    /// </summary>
    public const decimal DefaultApproxTolerance = 0.05m;

    public static TargetOutcome Evaluate(TargetSpec target, decimal? actual, Direction direction = Direction.Unspecified,
        decimal approxTolerance = DefaultApproxTolerance)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (actual is not { } v)
        {
            return TargetOutcome.NoData;
        }

        var met = target.Comparator switch
        {
            Comparator.Gt => v > target.Value!.Value,
            Comparator.Gte => v >= target.Value!.Value,
            Comparator.Lt => v < target.Value!.Value,
            Comparator.Lte => v <= target.Value!.Value,
            Comparator.Eq => v == target.Value!.Value,
            Comparator.Range => v >= target.Low!.Value && v <= target.High!.Value,
            Comparator.Approx => WithinApprox(target.Value!.Value, v, direction, approxTolerance),
        };
        return met ? TargetOutcome.Met : TargetOutcome.NotMet;
    }

    private static bool WithinApprox(decimal goal, decimal v, Direction direction, decimal tolerance)
    {
        var margin = Math.Abs(goal) * tolerance;
        return direction switch
        {
            Direction.Increase => v >= goal - margin,
            Direction.Decrease => v <= goal + margin,
            _ => v >= goal - margin && v <= goal + margin,
        };
    }
}
