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
