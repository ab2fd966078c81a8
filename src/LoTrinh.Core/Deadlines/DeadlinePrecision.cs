namespace LoTrinh.Core.Deadlines;

/// <summary>How precisely a deadline was written; the due date is the last day of that period.</summary>
public enum DeadlinePrecision
{
    /// <summary>Unreadable or absent ("theo tiến độ dự án"): kept as written, never guessed.</summary>
    None,
    Day,
    Month,
    Quarter,
    /// <summary>Half a year ("6 tháng đầu năm").</summary>
    Half,
    Year,
    /// <summary>No single due date ("thường xuyên", "hằng năm", "định kỳ"): judged per period.</summary>
    Recurring,
}

public static class DeadlinePrecisionCodes
{
    /// <summary>The code of the annotation schema and the API: "day", "month", "quarter", "half", "year", "recurring", "none".</summary>
    public static string Code(this DeadlinePrecision precision) => precision switch
    {
        DeadlinePrecision.Day => "day",
        DeadlinePrecision.Month => "month",
        DeadlinePrecision.Quarter => "quarter",
        DeadlinePrecision.Half => "half",
        DeadlinePrecision.Year => "year",
        DeadlinePrecision.Recurring => "recurring",
        _ => "none",
    };
}
