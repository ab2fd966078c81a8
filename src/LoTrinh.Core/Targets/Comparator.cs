namespace LoTrinh.Core.Targets;

/// <summary>How a target's value is stated: "trên" gt, "tối thiểu" gte, "dưới" lt, "không quá" lte,
/// "100%" eq, "khoảng a - b" range, "khoảng a" approx.</summary>
public enum Comparator
{
    Gt,
    Gte,
    Lt,
    Lte,
    Eq,
    Range,
    Approx,
}

/// <summary>Which way an indicator improves.</summary>
public enum Direction
{
    /// <summary>Not stated: inferred from the target and the baseline where needed.</summary>
    Unspecified,
    Increase,
    Decrease,
}

public static class ComparatorCodes
{
    public static string Code(this Comparator comparator) => comparator switch
    {
        Comparator.Gt => "gt",
        Comparator.Gte => "gte",
        Comparator.Lt => "lt",
        Comparator.Lte => "lte",
        Comparator.Eq => "eq",
        Comparator.Range => "range",
        Comparator.Approx => "approx",
    };

    public static bool TryParse(string? code, out Comparator comparator) => Text.Codes.TryParse(code, Code, out comparator);

    /// <summary>How the comparator reads in Vietnamese, for pages and reports.</summary>
    public static string Describe(this Comparator comparator, decimal? value, decimal? low, decimal? high, string unit)
    {
        static string N(decimal? d) => d is { } v ? Text.VietnameseText.FormatNumber(v) : "?";
        return comparator switch
        {
            Comparator.Gt => $"trên {N(value)} {unit}",
            Comparator.Gte => $"tối thiểu {N(value)} {unit}",
            Comparator.Lt => $"dưới {N(value)} {unit}",
            Comparator.Lte => $"không quá {N(value)} {unit}",
            Comparator.Eq => $"{N(value)} {unit}",
            Comparator.Range => $"{N(low)} – {N(high)} {unit}",
            Comparator.Approx => $"khoảng {N(value)} {unit}",
        };
    }

    public static string Code(this Direction direction) => direction switch
    {
        Direction.Unspecified => "unspecified",
        Direction.Increase => "increase",
        Direction.Decrease => "decrease",
    };

    public static bool TryParse(string? code, out Direction direction) => Text.Codes.TryParse(code, Code, out direction);
}
