namespace LoTrinh.Core.Calendar;

/// <summary>How a date differs from the Monday–Friday week.</summary>
public enum DayKind
{
    /// <summary>Ngày nghỉ: a holiday, a day given in its place (nghỉ bù), or a weekday swapped off (hoán đổi).</summary>
    DayOff,

    /// <summary>Ngày làm việc bù: a Saturday (or Sunday) worked in exchange for a weekday off.</summary>
    WorkingDay,
}

/// <summary>One exception to the Monday–Friday week.</summary>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string Note);

/// <summary>
/// The working days of public bodies: Monday to Friday, less the days off, plus the make-up working days. Deadlines
/// counted in working days and a deadline that falls on a day off (Bộ luật Dân sự 2015, Điều 148) are reckoned here.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>No holidays known: Monday to Friday.</summary>
    public static WorkingCalendar MondayToFriday { get; } = new([]);

    private static readonly DateOnly CountedFrom = new(1990, 1, 1);
    private static readonly DateOnly CountedTo = new(2200, 12, 31);

    private readonly Dictionary<DateOnly, CalendarDay> _exceptions;

    /// <summary>The number of working days from <see cref="CountedFrom"/> to each day, that day included.</summary>
    private readonly Lazy<int[]> _runningCounts;

    public WorkingCalendar(IEnumerable<CalendarDay> exceptions)
    {
        ArgumentNullException.ThrowIfNull(exceptions);
        _exceptions = [];
        foreach (var day in exceptions)
        {
            _exceptions[day.Date] = day;
        }

        _runningCounts = new(() =>
        {
            var counts = new int[CountedTo.DayNumber - CountedFrom.DayNumber + 1];
            var total = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                total += IsWorkingDay(CountedFrom.AddDays(i)) ? 1 : 0;
                counts[i] = total;
            }

            return counts;
        });
    }

    public IReadOnlyCollection<CalendarDay> Exceptions => _exceptions.Values;

    public bool IsWorkingDay(DateOnly date) => _exceptions.TryGetValue(date, out var day)
        ? day.Kind == DayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Why a date is not worked ("Tết Nguyên đán", "Chủ nhật"), or null on a working day.</summary>
    public string? WhyOff(DateOnly date) => IsWorkingDay(date) ? null
        : _exceptions.TryGetValue(date, out var day) ? day.Note
        : date.DayOfWeek == DayOfWeek.Saturday ? "Thứ Bảy" : "Chủ nhật";

    /// <summary>The date itself when worked, else the next working day: a deadline on a day off ends at the close of
    /// the working day after it (Bộ luật Dân sự 2015, Điều 148).</summary>
    public DateOnly RollForward(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The working day <paramref name="days"/> working days after (or before, when negative) a date; the date
    /// itself is not counted, as a period starts the day after its event (Điều 147).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = days >= 0 ? 1 : -1;
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>How many working days of <paramref name="day"/> and the days before it fall after <paramref name="after"/>:
    /// a report due on the 20th and sent on the 21st (a working day) is 1 working day late.</summary>
    public int WorkingDaysAfter(DateOnly after, DateOnly day)
    {
        // The daily urging run asks this for every open task of the country: counted from a table of running totals.
        var counts = _runningCounts.Value;
        if (after >= CountedFrom && day < CountedFrom.AddDays(counts.Length) && after < day)
        {
            return counts[day.DayNumber - CountedFrom.DayNumber] - counts[after.DayNumber - CountedFrom.DayNumber];
        }

        var count = 0;
        for (var d = after.AddDays(1); d <= day; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// How late something due on <paramref name="due"/> and done on <paramref name="doneOn"/> is, in working days: 0 when
    /// done by the due date (rolled to a working day, Điều 148); something done on a day off counts as done on the next
    /// working day, so a report sent on the Saturday after a Friday deadline is 1 working day late, not 0.
    /// </summary>
    public int WorkingDaysLate(DateOnly due, DateOnly doneOn)
    {
        var end = RollForward(due);
        return doneOn <= end ? 0 : WorkingDaysAfter(end, RollForward(doneOn));
    }
}
