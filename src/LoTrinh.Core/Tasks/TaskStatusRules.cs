using LoTrinh.Core.Calendar;
using LoTrinh.Core.Deadlines;

namespace LoTrinh.Core.Tasks;

/// <summary>How a task's status is read as of a date.</summary>
/// <param name="StrictBefore">
/// Read "trước ngày X" literally (the last day is X − 1). Off by default: offices usually read it as
/// "by X" (vn-conventions §3.2, open point 4).
/// </param>
/// <param name="RollForward">
/// The working-day calendar when a last day that falls on a day off moves to the next working day (Bộ luật Dân sự
/// 2015, Điều 148); null to read deadlines on the calendar day as written.
/// </param>
public sealed record TaskStatusOptions(bool StrictBefore = false, WorkingCalendar? RollForward = null)
{
    public static TaskStatusOptions Default { get; } = new();
}

public static class TaskStatusRules
{
    /// <summary>
    /// The status of a task as of <paramref name="asOf"/>. A completion dated after <paramref name="asOf"/>
    /// is not yet known on that date, so the snapshot of a past cut-off never changes.
    /// </summary>
    public static TaskStatusClass Classify(Deadline? deadline, DateOnly? completedOn, DateOnly asOf,
        TaskStatusOptions? options = null)
    {
        options ??= TaskStatusOptions.Default;
        var lastDay = deadline?.LastDay(options.StrictBefore) is { } last && options.RollForward is { } calendar
            ? calendar.RollForward(last)
            : deadline?.LastDay(options.StrictBefore);
        return ClassifyByLastDay(lastDay, deadline is { IsRecurring: true }, completedOn, asOf);
    }

    /// <summary>The status from the last day on which finishing counts as on time (already rolled, when deadlines roll).</summary>
    public static TaskStatusClass ClassifyByLastDay(DateOnly? lastDay, bool recurring, DateOnly? completedOn, DateOnly asOf)
    {
        var completed = completedOn is { } done && done <= asOf;
        if (completed)
        {
            // Nothing to be late against when there was no single deadline.
            return lastDay is { } last && completedOn!.Value > last
                ? TaskStatusClass.CompletedLate
                : TaskStatusClass.CompletedOnTime;
        }

        if (recurring)
        {
            return TaskStatusClass.Recurring;
        }

        return lastDay switch
        {
            null => TaskStatusClass.NoDeadline,
            { } last when asOf > last => TaskStatusClass.InProgressOverdue,
            _ => TaskStatusClass.InProgressWithinDeadline,
        };
    }

    /// <summary>Both completion rates that real reports use (vn-conventions §3.1), from the number of tasks in each class.</summary>
    public static CompletionRates Rates(IReadOnlyDictionary<TaskStatusClass, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var completed = counts.Where(c => c.Key.IsCompleted()).Sum(c => c.Value);
        return new CompletionRates(completed, counts.GetValueOrDefault(TaskStatusClass.InProgressOverdue), counts.Values.Sum());
    }
}

/// <summary>
/// Completion rates: among the tasks that have fallen due (Government Office style, 1270/BC-TCTTTg:
/// completed ÷ (completed + overdue not completed)) and among all assigned tasks (Đà Nẵng, Hải Phòng).
/// Percentages are rounded half away from zero to two decimals.
/// </summary>
public sealed record CompletionRates(int Completed, int OverdueNotCompleted, int Assigned)
{
    public decimal? AmongDuePercent => Percent(Completed, Completed + OverdueNotCompleted);

    public decimal? AmongAllPercent => Percent(Completed, Assigned);

    private static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);
}
