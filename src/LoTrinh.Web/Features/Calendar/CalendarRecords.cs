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

/// <summary>Settings of the programme as a whole (one row).</summary>
public sealed class ProgrammeSetting
{
    public int Id { get; set; }

    /// <summary>A task deadline on a day off ends with the next working day (Bộ luật Dân sự 2015, Điều 148).</summary>
    public bool RollDeadlinesForward { get; set; }

    public long? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A day off and the working day a deadline on it moves to (written by <see cref="DeadlineRolls"/>).</summary>
public sealed class DeadlineRoll
{
    public DateOnly Day { get; set; }
    public DateOnly RolledTo { get; set; }
}
