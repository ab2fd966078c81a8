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
}
