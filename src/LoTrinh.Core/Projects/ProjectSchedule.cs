using System.Globalization;

namespace LoTrinh.Core.Projects;

/// <summary>The milestones a key project (công trình, dự án trọng điểm) passes, in their usual order.</summary>
public enum MilestoneKind
{
    /// <summary>Phê duyệt (chủ trương đầu tư, dự án, quy hoạch): what a plan such as Liên Nghĩa's expansion waits for.</summary>
    Approval,

    /// <summary>Giải phóng mặt bằng hoàn thành.</summary>
    SiteClearance,

    /// <summary>Bàn giao đất (mặt bằng) cho chủ đầu tư.</summary>
    LandHandover,

    /// <summary>Khởi công.</summary>
    GroundBreaking,

    /// <summary>Hoàn thành xây dựng.</summary>
    Completion,

    /// <summary>Bàn giao đưa vào sử dụng.</summary>
    Handover,
}

/// <summary>A milestone as planned and, once reached, as it happened.</summary>
public sealed record Milestone(MilestoneKind Kind, DateOnly? Planned, DateOnly? Actual);

public enum ScheduleState
{
    /// <summary>Completed (or handed over) on or before the cut-off.</summary>
    Completed,

    /// <summary>No milestone planned before the cut-off is missing.</summary>
    OnSchedule,

    /// <summary>A milestone planned before the cut-off is not reached (chậm tiến độ).</summary>
    Behind,

    /// <summary>Nothing has moved for the stalled window (dự án "treo", chậm triển khai).</summary>
    Stalled,

    /// <summary>No milestone has a planned date: no schedule to judge against.</summary>
    NotPlanned,
}

/// <param name="Late">The earliest planned milestone not reached by the cut-off, when there is one.</param>
/// <param name="DaysBehind">Days from that milestone's planned date to the cut-off.</param>
/// <param name="DaysQuiet">Days since the last sign of progress (a milestone reached, a task report, a disbursement); null when there was none.</param>
public sealed record ScheduleStatus(ScheduleState State, MilestoneKind? Late, int DaysBehind, int? DaysQuiet);

/// <summary>A key project's schedule as of a date, and its disbursement against plan (kế hoạch vốn / giải ngân).</summary>
public static class ProjectSchedule
{
    /// <summary>A project with no progress for this many days is stalled, unless the programme sets another window.</summary>
    public const int DefaultStalledAfterDays = 90;

    /// <summary>
    /// The project's state on <paramref name="asOf"/>: completed; otherwise stalled when quiet for
    /// <paramref name="stalledAfterDays"/> days or more; otherwise behind when a milestone planned before that day is not
    /// reached (its planned day itself is not yet late); otherwise on schedule — or not planned when no date is set.
    /// What happened after the cut-off is not known on it.
    /// </summary>
    /// <param name="lastProgress">The latest progress outside the milestones (a linked task's report, a disbursement).</param>
    public static ScheduleStatus Assess(IReadOnlyList<Milestone> milestones, DateOnly? lastProgress, DateOnly asOf, int stalledAfterDays = DefaultStalledAfterDays)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        ArgumentOutOfRangeException.ThrowIfLessThan(stalledAfterDays, 1);
        bool Reached(Milestone m) => m.Actual is { } on && on <= asOf;

        var late = milestones.Where(m => m.Planned is { } planned && planned < asOf && !Reached(m))
            .OrderBy(m => m.Planned).ThenBy(m => m.Kind).FirstOrDefault();
        var daysBehind = late is null ? 0 : asOf.DayNumber - late.Planned!.Value.DayNumber;
        var signs = milestones.Where(Reached).Select(m => m.Actual!.Value).Concat(lastProgress is { } p && p <= asOf ? [p] : Array.Empty<DateOnly>()).ToList();
        int? quiet = signs.Count == 0 ? null : asOf.DayNumber - signs.Max().DayNumber;

        if (milestones.Any(m => m.Kind is MilestoneKind.Completion or MilestoneKind.Handover && Reached(m)))
        {
            return new(ScheduleState.Completed, null, 0, quiet);
        }

        var state = quiet >= stalledAfterDays ? ScheduleState.Stalled
            : late is not null ? ScheduleState.Behind
            : milestones.Any(m => m.Planned is not null) ? ScheduleState.OnSchedule
            : ScheduleState.NotPlanned;
        return new(state, late?.Kind, daysBehind, quiet);
    }

    /// <summary>Disbursed over planned capital (tỷ lệ giải ngân); null when nothing was planned.</summary>
    public static decimal? DisbursementRate(decimal planned, decimal disbursed) =>
        planned <= 0 ? null : Math.Round(disbursed / planned, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// What is wrong with a milestone, by field: reached before the project existed (its decision), reached in the future,
    /// planned before the project existed.
    /// </summary>
    /// <param name="decidedOn">The date of the decision that set up the project (chủ trương, phê duyệt), when known.</param>
    public static IReadOnlyList<(string Field, string Message)> Check(Milestone milestone, DateOnly? decidedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var problems = new List<(string, string)>();
        if (milestone.Actual is { } actual && actual > today)
        {
            problems.Add(("actual", $"Ngày {Day(actual)} chưa đến."));
        }

        if (decidedOn is { } decided && milestone.Actual is { } done && done < decided)
        {
            problems.Add(("actual", $"Ngày {Day(done)} trước khi dự án được quyết định ({Day(decided)})."));
        }

        if (decidedOn is { } start && milestone.Planned is { } planned && planned < start)
        {
            problems.Add(("planned", $"Ngày {Day(planned)} trước khi dự án được quyết định ({Day(start)})."));
        }

        return problems;
    }

    /// <summary>What is wrong with a period's capital: negative amounts, or disbursed over the project's total investment.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckDisbursement(decimal planned, decimal disbursed, decimal disbursedBefore, decimal? totalInvestment)
    {
        var problems = new List<(string, string)>();
        if (planned < 0)
        {
            problems.Add(("planned", "Kế hoạch vốn không âm."));
        }

        if (disbursed < 0)
        {
            problems.Add(("disbursed", "Số giải ngân không âm."));
        }

        if (totalInvestment is { } total && disbursedBefore + disbursed > total)
        {
            problems.Add(("disbursed", $"Lũy kế giải ngân {Money(disbursedBefore + disbursed)} vượt tổng mức đầu tư {Money(total)}."));
        }

        return problems;
    }

    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Money(decimal vnd) => vnd.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " đồng";
}
