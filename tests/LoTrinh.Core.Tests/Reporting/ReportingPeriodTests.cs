using LoTrinh.Core.Calendar;
using LoTrinh.Core.Reporting;

namespace LoTrinh.Core.Tests.Reporting;

public sealed class ReportingPeriodTests
{
    private static readonly WorkingCalendar Year2026 = new(AnnouncedYear.Shipped.Single(y => y.Year == 2026).Days);

    private static DateOnly D(int day, int month, int year) => new(year, month, day);

    public static TheoryData<ReportingFrequency, int, DateOnly, DateOnly> Decree09Windows => new()
    {
        // Decree 09, Điều 12, with the examples of vn-conventions §2.2.
        { ReportingFrequency.Month, 3, D(15, 2, 2025), D(14, 3, 2025) },
        { ReportingFrequency.Month, 1, D(15, 12, 2024), D(14, 1, 2025) },
        { ReportingFrequency.Quarter, 1, D(15, 12, 2024), D(14, 3, 2025) },
        { ReportingFrequency.Quarter, 2, D(15, 3, 2025), D(14, 6, 2025) },
        { ReportingFrequency.Quarter, 4, D(15, 9, 2025), D(14, 12, 2025) },
        { ReportingFrequency.HalfYear, 1, D(15, 12, 2024), D(14, 6, 2025) },
        { ReportingFrequency.HalfYear, 2, D(15, 6, 2025), D(14, 12, 2025) },
        { ReportingFrequency.NineMonths, 1, D(15, 12, 2024), D(14, 9, 2025) },
        { ReportingFrequency.Year, 1, D(15, 12, 2024), D(14, 12, 2025) },
    };

    [Theory]
    [MemberData(nameof(Decree09Windows))]
    public void Decree09_RunsFromThe15thToThe14th(ReportingFrequency frequency, int number, DateOnly from, DateOnly to) =>
        Assert.Equal(new PeriodWindow(from, to), new ReportingPeriod(2025, frequency, number).Window(CutOffRule.Decree09));

    public static TheoryData<ReportingFrequency, int, DateOnly, DateOnly> CalendarWindows => new()
    {
        { ReportingFrequency.Month, 2, D(1, 2, 2024), D(29, 2, 2024) },
        { ReportingFrequency.Quarter, 2, D(1, 4, 2024), D(30, 6, 2024) },
        { ReportingFrequency.HalfYear, 1, D(1, 1, 2024), D(30, 6, 2024) },
        { ReportingFrequency.HalfYear, 2, D(1, 7, 2024), D(31, 12, 2024) },
        { ReportingFrequency.NineMonths, 1, D(1, 1, 2024), D(30, 9, 2024) },
        { ReportingFrequency.Year, 1, D(1, 1, 2024), D(31, 12, 2024) },
    };

    [Theory]
    [MemberData(nameof(CalendarWindows))]
    public void StatisticalIndicators_UseCalendarPeriods(ReportingFrequency frequency, int number, DateOnly from, DateOnly to) =>
        Assert.Equal(new PeriodWindow(from, to), new ReportingPeriod(2024, frequency, number).Window(CutOffRule.Calendar));

    [Fact]
    public void EveryPeriodOfAYear_FollowsTheLastWithoutGapOrOverlap()
    {
        foreach (var frequency in new[] { ReportingFrequency.Month, ReportingFrequency.Quarter, ReportingFrequency.HalfYear })
        {
            foreach (var rule in Enum.GetValues<CutOffRule>())
            {
                var windows = Enumerable.Range(2024, 3)
                    .SelectMany(y => Enumerable.Range(1, ReportingPeriod.CountInYear(frequency)).Select(n => new ReportingPeriod(y, frequency, n).Window(rule)))
                    .ToList();
                for (var i = 1; i < windows.Count; i++)
                {
                    Assert.Equal(windows[i - 1].To.AddDays(1), windows[i].From);
                }
            }
        }
    }

    [Theory]
    [InlineData(ReportingFrequency.Month, 3, "Tháng 3/2026")]
    [InlineData(ReportingFrequency.Quarter, 2, "Quý II/2026")]
    [InlineData(ReportingFrequency.Quarter, 4, "Quý IV/2026")]
    [InlineData(ReportingFrequency.HalfYear, 1, "6 tháng đầu năm 2026")]
    [InlineData(ReportingFrequency.HalfYear, 2, "6 tháng cuối năm 2026")]
    [InlineData(ReportingFrequency.NineMonths, 1, "9 tháng năm 2026")]
    [InlineData(ReportingFrequency.Year, 1, "Năm 2026")]
    public void Labels_AreWrittenAsOfficialsWriteThem(ReportingFrequency frequency, int number, string label) =>
        Assert.Equal(label, new ReportingPeriod(2026, frequency, number).Label);

    [Fact]
    public void ARegimeInForceSinceApril_OpensTheQuartersThatHaveStarted()
    {
        var opened = ReportingPeriod.StartedBetween(ReportingFrequency.Quarter, CutOffRule.Decree09, D(1, 4, 2026), D(20, 6, 2026)).ToList();
        Assert.Equal([new ReportingPeriod(2026, ReportingFrequency.Quarter, 2), new ReportingPeriod(2026, ReportingFrequency.Quarter, 3)], opened);
        // The year's Decree 09 window starts in the December before it.
        var years = ReportingPeriod.StartedBetween(ReportingFrequency.Year, CutOffRule.Decree09, D(1, 12, 2026), D(20, 12, 2026)).ToList();
        Assert.Equal([new ReportingPeriod(2026, ReportingFrequency.Year, 1), new ReportingPeriod(2027, ReportingFrequency.Year, 1)], years);
    }

    [Fact]
    public void ADueDayOnASaturday_RollsToMonday()
    {
        var q2 = new ReportingPeriod(2026, ReportingFrequency.Quarter, 2);
        var rule = new SubmissionRule(DeadlineRule.DayOfLastMonth, 20);
        Assert.Equal(D(22, 6, 2026), rule.DueOn(q2, q2.Window(CutOffRule.Decree09), Year2026));
    }

    [Fact]
    public void WorkingDaysAfterTheCutOff_CountFromTheDayAfter()
    {
        var q2 = new ReportingPeriod(2026, ReportingFrequency.Quarter, 2);
        // Cut-off Sunday 14/6; two working days: Monday 15, Tuesday 16.
        Assert.Equal(D(16, 6, 2026), new SubmissionRule(DeadlineRule.WorkingDaysAfterCutOff, 2).DueOn(q2, q2.Window(CutOffRule.Decree09), Year2026));
        // January 2026 as a calendar month: cut-off Saturday 31/1; five working days are 2–6/2.
        var january = new ReportingPeriod(2026, ReportingFrequency.Month, 1);
        Assert.Equal(D(6, 2, 2026), new SubmissionRule(DeadlineRule.WorkingDaysAfterCutOff, 5).DueOn(january, january.Window(CutOffRule.Calendar), Year2026));
    }

    [Theory]
    [InlineData(DeadlineRule.DayOfLastMonth, 14, CutOffRule.Decree09, "không sau ngày chốt")]
    [InlineData(DeadlineRule.DayOfLastMonth, 1, CutOffRule.Decree09, "không sau ngày chốt")]
    [InlineData(DeadlineRule.DayOfLastMonth, 20, CutOffRule.Calendar, "số ngày làm việc")]
    [InlineData(DeadlineRule.DayOfLastMonth, 32, CutOffRule.Decree09, "từ 1 đến 31")]
    [InlineData(DeadlineRule.WorkingDaysAfterCutOff, 0, CutOffRule.Calendar, "từ 1 đến 60")]
    [InlineData(DeadlineRule.WorkingDaysAfterCutOff, -3, CutOffRule.Decree09, "từ 1 đến 60")]
    public void ADeadlineNotAfterTheCutOff_IsRefused(DeadlineRule kind, int value, CutOffRule cutOff, string said) =>
        Assert.Contains(said, new SubmissionRule(kind, value).Problem(cutOff), StringComparison.Ordinal);

    [Theory]
    [InlineData(DeadlineRule.DayOfLastMonth, 15, CutOffRule.Decree09)]
    [InlineData(DeadlineRule.DayOfLastMonth, 20, CutOffRule.Decree09)]
    [InlineData(DeadlineRule.WorkingDaysAfterCutOff, 1, CutOffRule.Calendar)]
    public void ADeadlineAfterTheCutOff_Stands(DeadlineRule kind, int value, CutOffRule cutOff) =>
        Assert.Null(new SubmissionRule(kind, value).Problem(cutOff));
}
