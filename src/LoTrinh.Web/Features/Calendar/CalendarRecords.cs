using LoTrinh.Core.Calendar;

namespace LoTrinh.Web.Features.Calendar;

/// <summary>A year of the working-day calendar as an administrator entered it, replacing what LoTrinh ships or foresees.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }
    public required string Source { get; set; }
    public bool Provisional { get; set; }
    public long? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<CalendarDayRow> Days { get; set; } = [];
}

public sealed class CalendarDayRow
{
    public DateOnly Day { get; set; }
    public int Year { get; set; }
    public DayKind Kind { get; set; }
    public required string Note { get; set; }
}
