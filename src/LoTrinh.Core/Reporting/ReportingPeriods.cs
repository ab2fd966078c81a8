using LoTrinh.Core.Calendar;

namespace LoTrinh.Core.Reporting;

/// <summary>Chế độ báo cáo (Nghị định 09/2019/NĐ-CP, Điều 4): periodic, thematic or ad hoc.</summary>
public enum RegimeKind
{
    /// <summary>Định kỳ: on a fixed cycle.</summary>
    Periodic,

    /// <summary>Chuyên đề: on one topic, once or a few times.</summary>
    Thematic,

    /// <summary>Đột xuất: about something unexpected.</summary>
    AdHoc,
}

public enum ReportingFrequency
{
    Month,
    Quarter,
    HalfYear,

    /// <summary>9 tháng: not in Decree 09, added by provincial rules.</summary>
    NineMonths,
    Year,
}

/// <summary>Thời gian chốt số liệu: which days a period's data covers.</summary>
public enum CutOffRule
{
    /// <summary>Decree 09, Điều 12: from the 15th of the month before the period to the 14th of its last month.</summary>
    Decree09,

    /// <summary>Calendar periods, as statistical indicators are reported (the Statistics Law, not Decree 09).</summary>
    Calendar,
}

/// <summary>The days a period's data covers, both included.</summary>
public sealed record PeriodWindow(DateOnly From, DateOnly To);

/// <summary>A period of a frequency: the month 1–12, quarter 1–4, half 1–2, or 1 for nine months and the year.</summary>
public sealed record ReportingPeriod(int Year, ReportingFrequency Frequency, int Number)
{
    /// <summary>The calendar month the period ends in.</summary>
    public int LastMonth => Frequency switch
    {
        ReportingFrequency.Month => Number,
        ReportingFrequency.Quarter => Number * 3,
        ReportingFrequency.HalfYear => Number * 6,
        ReportingFrequency.NineMonths => 9,
        _ => 12,
    };

    private int FirstMonth => Frequency switch
    {
        ReportingFrequency.Month => Number,
        ReportingFrequency.Quarter => (Number * 3) - 2,
        ReportingFrequency.HalfYear => (Number * 6) - 5,
        _ => 1,
    };

    public PeriodWindow Window(CutOffRule rule)
    {
        var first = new DateOnly(Year, FirstMonth, 1);
        var last = new DateOnly(Year, LastMonth, 1);
        return rule == CutOffRule.Calendar
            ? new PeriodWindow(first, last.AddMonths(1).AddDays(-1))
            : new PeriodWindow(first.AddMonths(-1).AddDays(14), last.AddDays(13));
    }

    /// <summary>As officials write it: "Tháng 3/2026", "Quý II/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026".</summary>
    public string Label => Frequency switch
    {
        ReportingFrequency.Month => $"Tháng {Number}/{Year}",
        ReportingFrequency.Quarter => $"Quý {new[] { "I", "II", "III", "IV" }[Number - 1]}/{Year}",
        ReportingFrequency.HalfYear => Number == 1 ? $"6 tháng đầu năm {Year}" : $"6 tháng cuối năm {Year}",
        ReportingFrequency.NineMonths => $"9 tháng năm {Year}",
        _ => $"Năm {Year}",
    };

    public static int CountInYear(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Month => 12,
        ReportingFrequency.Quarter => 4,
        ReportingFrequency.HalfYear => 2,
        _ => 1,
    };

    /// <summary>The periods whose window has started by <paramref name="today"/> and ends on or after
    /// <paramref name="since"/>, in order: what a regime in force since then must have opened.</summary>
    public static IEnumerable<ReportingPeriod> StartedBetween(ReportingFrequency frequency, CutOffRule rule, DateOnly since, DateOnly today)
    {
        // A Decree 09 window starts in the December before its year.
        for (var year = since.Year; year <= today.Year + 1; year++)
        {
            for (var number = 1; number <= CountInYear(frequency); number++)
            {
                var period = new ReportingPeriod(year, frequency, number);
                var window = period.Window(rule);
                if (window.From <= today && window.To >= since)
                {
                    yield return period;
                }
            }
        }
    }
}

/// <summary>When the report of a period is due (hạn gửi báo cáo).</summary>
public enum DeadlineRule
{
    /// <summary>Day N of the period's last month (Decree 09, Điều 13: "chậm nhất vào ngày N của tháng cuối kỳ").</summary>
    DayOfLastMonth,

    /// <summary>N working days after the cut-off, as provinces set for their departments.</summary>
    WorkingDaysAfterCutOff,
}

public sealed record SubmissionRule(DeadlineRule Kind, int Value)
{
    /// <summary>The due date of a period, rolled to a working day when it falls on a day off (Bộ luật Dân sự, Điều 148).</summary>
    public DateOnly DueOn(ReportingPeriod period, PeriodWindow window, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(calendar);
        return Kind == DeadlineRule.WorkingDaysAfterCutOff
            ? calendar.AddWorkingDays(window.To, Value)
            : calendar.RollForward(new DateOnly(period.Year, period.LastMonth, Math.Min(Value, DateTime.DaysInMonth(period.Year, period.LastMonth))));
    }

    /// <summary>Why a rule cannot stand: the deadline must leave at least one working day after the cut-off
    /// (Decree 09, Điều 8 khoản 5) — a due date after the cut-off does, as it is rolled to a working day. Null when it can.</summary>
    public string? Problem(CutOffRule cutOff)
    {
        if (Kind == DeadlineRule.WorkingDaysAfterCutOff)
        {
            return Value is < 1 or > 60 ? "Số ngày làm việc sau ngày chốt số liệu phải từ 1 đến 60." : null;
        }

        if (Value is < 1 or > 31)
        {
            return "Ngày gửi báo cáo trong tháng phải từ 1 đến 31.";
        }

        return cutOff == CutOffRule.Calendar
            ? "Kỳ theo tháng dương lịch chốt số liệu vào ngày cuối tháng: hạn gửi phải tính bằng số ngày làm việc sau ngày chốt."
            : Value <= 14
                ? $"Hạn gửi ngày {Value} không sau ngày chốt số liệu (ngày 14): phải còn ít nhất 1 ngày làm việc sau ngày chốt (Nghị định 09/2019/NĐ-CP, Điều 8)."
                : null;
    }
}
