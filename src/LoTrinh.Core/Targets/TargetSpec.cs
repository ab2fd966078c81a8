namespace LoTrinh.Core.Targets;

/// <summary>What a target asks for: a comparator on a value, or a range [low, high].</summary>
public sealed record TargetSpec(Comparator Comparator, decimal? Value, decimal? Low, decimal? High)
{
    /// <summary>
    /// Why these fields do not make a target, or null when they do: a range takes low ≤ high and no
    /// value; every other comparator takes a value and no bounds.
    /// </summary>
    public static string? Problem(Comparator comparator, decimal? value, decimal? low, decimal? high)
    {
        if (comparator == Comparator.Range)
        {
            if (value is not null)
            {
                return "Chỉ tiêu dạng khoảng (range) chỉ có cận dưới và cận trên, không có giá trị đơn.";
            }

            if (low is null || high is null)
            {
                return "Chỉ tiêu dạng khoảng (range) cần cả cận dưới và cận trên.";
            }

            return low > high ? $"Cận dưới {low} lớn hơn cận trên {high}." : null;
        }

        if (value is null)
        {
            return $"Phép so sánh {comparator.Code()} cần một giá trị.";
        }

        return low is not null || high is not null
            ? $"Phép so sánh {comparator.Code()} không nhận cận dưới/cận trên; chỉ dạng khoảng (range) mới có."
            : null;
    }

    public static TargetSpec Create(Comparator comparator, decimal? value, decimal? low, decimal? high) =>
        Problem(comparator, value, low, high) is { } problem
            ? throw new ArgumentException(problem)
            : new TargetSpec(comparator, value, low, high);

    /// <summary>The single number progress is measured toward: the bound on the side of improvement.</summary>
    public decimal GoalValue(Direction direction) => Comparator switch
    {
        Comparator.Range => direction == Direction.Decrease ? High!.Value : Low!.Value,
        _ => Value!.Value,
    };

    /// <summary>The direction a target implies when the indicator does not state one.</summary>
    public Direction ImpliedDirection => Comparator switch
    {
        Comparator.Gt or Comparator.Gte => Direction.Increase,
        Comparator.Lt or Comparator.Lte => Direction.Decrease,
        _ => Direction.Unspecified,
    };
}
