using LoTrinh.Core.Calendar;
using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Tasks;

namespace LoTrinh.Core.Tests.Tasks;

public sealed class TaskStatusRulesTests
{
    private static readonly Deadline DueEndOfQ1 = new("chậm nhất tháng Quý I/2024", new DateOnly(2024, 3, 31), DeadlinePrecision.Quarter);
    private static readonly Deadline BeforeJune30 = new("trước ngày 30/6/2023", new DateOnly(2023, 6, 30), DeadlinePrecision.Day, Exclusive: true);

    [Theory]
    // Not completed: the day itself is within the deadline, the next day is overdue.
    [InlineData(null, "2024-03-30", TaskStatusClass.InProgressWithinDeadline)]
    [InlineData(null, "2024-03-31", TaskStatusClass.InProgressWithinDeadline)]
    [InlineData(null, "2024-04-01", TaskStatusClass.InProgressOverdue)]
    [InlineData(null, "2024-06-30", TaskStatusClass.InProgressOverdue)]
    // Completed on, before, or after the deadline.
    [InlineData("2024-03-31", "2024-06-30", TaskStatusClass.CompletedOnTime)]
    [InlineData("2024-01-15", "2024-06-30", TaskStatusClass.CompletedOnTime)]
    [InlineData("2024-04-01", "2024-06-30", TaskStatusClass.CompletedLate)]
    // A completion after the as-of date is not yet known on that date.
    [InlineData("2024-04-01", "2024-03-31", TaskStatusClass.InProgressWithinDeadline)]
    [InlineData("2024-05-01", "2024-04-15", TaskStatusClass.InProgressOverdue)]
    [InlineData("2024-04-15", "2024-04-15", TaskStatusClass.CompletedLate)]
    public void Classify_DatedDeadline_FollowsGovernmentClasses(string? completedOn, string asOf, TaskStatusClass expected)
    {
        var status = TaskStatusRules.Classify(DueEndOfQ1, completedOn is null ? null : DateOnly.Parse(completedOn, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("2030-01-01")]
    [InlineData("2020-01-01")]
    public void Classify_RecurringTask_IsNeverOverdue(string asOf)
    {
        var recurring = new Deadline("thường xuyên", null, DeadlinePrecision.Recurring);

        Assert.Equal(TaskStatusClass.Recurring, TaskStatusRules.Classify(recurring, null, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Classify_NoDeadline_IsItsOwnClass()
    {
        Assert.Equal(TaskStatusClass.NoDeadline, TaskStatusRules.Classify(null, null, new DateOnly(2030, 1, 1)));
        Assert.Equal(TaskStatusClass.NoDeadline, TaskStatusRules.Classify(Deadline.Unreadable("theo tiến độ dự án"), null, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Classify_CompletedWithoutDeadline_IsOnTime()
    {
        Assert.Equal(TaskStatusClass.CompletedOnTime, TaskStatusRules.Classify(null, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1)));
        Assert.Equal(TaskStatusClass.CompletedOnTime,
            TaskStatusRules.Classify(new Deadline("định kỳ", null, DeadlinePrecision.Recurring), new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)));
    }

    [Theory]
    [InlineData(false, "2023-06-30", TaskStatusClass.CompletedOnTime)]
    [InlineData(true, "2023-06-30", TaskStatusClass.CompletedLate)]
    [InlineData(true, "2023-06-29", TaskStatusClass.CompletedOnTime)]
    public void Classify_BeforeDay_DependsOnTheReadingChosen(bool strict, string completedOn, TaskStatusClass expected)
    {
        var status = TaskStatusRules.Classify(BeforeJune30, DateOnly.Parse(completedOn, System.Globalization.CultureInfo.InvariantCulture),
            new DateOnly(2023, 12, 31), new TaskStatusOptions(StrictBefore: strict));

        Assert.Equal(expected, status);
    }

    [Fact]
    public void Rates_GovernmentOfficeReport_MatchesPublishedFigure()
    {
        // Báo cáo 1270/BC-TCTTTg: 16,051 completed, 223 overdue not completed → 98.63 % among due
        // (published as 98.62 %, truncated).
        var rates = TaskStatusRules.Rates(new Dictionary<TaskStatusClass, int>
        {
            [TaskStatusClass.CompletedOnTime] = 16_051,
            [TaskStatusClass.InProgressOverdue] = 223,
            [TaskStatusClass.InProgressWithinDeadline] = 500,
        });

        Assert.Equal(98.63m, rates.AmongDuePercent);
        Assert.Equal(Math.Round(100m * 16_051 / 16_774, 2), rates.AmongAllPercent);
    }

    [Fact]
    public void Rates_AmongAllAssigned_MatchesDaNangFigure()
    {
        // Đà Nẵng 2022: 6,932 of 8,282 assigned = 83.70 %.
        var rates = TaskStatusRules.Rates(new Dictionary<TaskStatusClass, int>
        {
            [TaskStatusClass.CompletedLate] = 6_932,
            [TaskStatusClass.Recurring] = 1_350,
        });

        Assert.Equal(83.70m, rates.AmongAllPercent);
        Assert.Equal(100m, rates.AmongDuePercent);
    }

    [Fact]
    public void Rates_NoTasks_AreUndefinedNotZero()
    {
        var rates = TaskStatusRules.Rates(new Dictionary<TaskStatusClass, int>());

        Assert.Null(rates.AmongDuePercent);
        Assert.Null(rates.AmongAllPercent);
    }

    private static readonly TaskStatusOptions Rolling = new(RollForward: new WorkingCalendar(AnnouncedYear.Shipped.Single(y => y.Year == 2026).Days));

    [Theory]
    // Due Sunday 15/2/2026, inside Tết (14–22/2): the last day is Monday 23/2.
    [InlineData("2026-02-15", null, "2026-02-23", TaskStatusClass.InProgressWithinDeadline)]
    [InlineData("2026-02-15", null, "2026-02-24", TaskStatusClass.InProgressOverdue)]
    [InlineData("2026-02-15", "2026-02-23", "2026-03-01", TaskStatusClass.CompletedOnTime)]
    [InlineData("2026-02-15", "2026-02-24", "2026-03-01", TaskStatusClass.CompletedLate)]
    // Due Sunday 26/4/2026: Monday 27/4 is the day off given for Giỗ Tổ, so the last day is Tuesday 28/4.
    [InlineData("2026-04-26", null, "2026-04-28", TaskStatusClass.InProgressWithinDeadline)]
    [InlineData("2026-04-26", null, "2026-04-29", TaskStatusClass.InProgressOverdue)]
    // Saturdays 10/1 and 22/8/2026 are make-up working days: a deadline on them does not move.
    [InlineData("2026-01-10", null, "2026-01-11", TaskStatusClass.InProgressOverdue)]
    [InlineData("2026-08-22", "2026-08-24", "2026-08-31", TaskStatusClass.CompletedLate)]
    // An ordinary Saturday moves to Monday.
    [InlineData("2026-08-29", "2026-08-31", "2026-09-30", TaskStatusClass.CompletedOnTime)]
    // A working day stays.
    [InlineData("2026-02-24", null, "2026-02-25", TaskStatusClass.InProgressOverdue)]
    public void Classify_RollingDeadlines_ALastDayOffMovesToTheNextWorkingDay(string due, string? completedOn, string asOf, TaskStatusClass expected)
    {
        var deadline = new Deadline($"trước {due}", DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DeadlinePrecision.Day);
        DateOnly? done = completedOn is null ? null : DateOnly.Parse(completedOn, System.Globalization.CultureInfo.InvariantCulture);
        var on = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, TaskStatusRules.Classify(deadline, done, on, Rolling));
    }

    [Fact]
    public void Classify_WithoutRolling_ADeadlineOnADayOffIsOverdueTheNextDay()
    {
        var sunday = new Deadline("26/4/2026", new DateOnly(2026, 4, 26), DeadlinePrecision.Day);

        Assert.Equal(TaskStatusClass.InProgressOverdue, TaskStatusRules.Classify(sunday, null, new DateOnly(2026, 4, 27)));
        Assert.Equal(TaskStatusClass.InProgressWithinDeadline, TaskStatusRules.Classify(sunday, null, new DateOnly(2026, 4, 27), Rolling));
    }

    [Fact]
    public void Classify_StrictBeforeAndRolling_RollTheDayBeforeTheNamedDay()
    {
        // "trước ngày 27/4/2026" read strictly: the last day is Sunday 26/4, which rolls past the Giỗ Tổ day off to 28/4.
        var before = new Deadline("trước ngày 27/4/2026", new DateOnly(2026, 4, 27), DeadlinePrecision.Day, Exclusive: true);

        Assert.Equal(TaskStatusClass.InProgressWithinDeadline,
            TaskStatusRules.Classify(before, null, new DateOnly(2026, 4, 28), Rolling with { StrictBefore = true }));
    }
}
