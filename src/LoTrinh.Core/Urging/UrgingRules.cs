using LoTrinh.Core.Calendar;

namespace LoTrinh.Core.Urging;

/// <summary>Why someone is urged (đôn đốc) about a task or a report.</summary>
public enum UrgeKind
{
    /// <summary>The deadline is N working days away (sắp đến hạn).</summary>
    DueSoon,

    /// <summary>The deadline is today (đến hạn).</summary>
    DueToday,

    /// <summary>Past the deadline and not done (quá hạn), repeated every N working days.</summary>
    Overdue,

    /// <summary>Overdue long enough that the agency's head is told (báo cáo thủ trưởng).</summary>
    EscalatedToHead,

    /// <summary>Overdue long enough that the secretariat (and leadership, if chosen) is told.</summary>
    EscalatedToSecretariat,

    /// <summary>No progress reported for N days (không cập nhật tiến độ).</summary>
    Stale,

    /// <summary>Assigned N days ago and still without a lead or a deadline (chưa rõ người chủ trì, thời hạn).</summary>
    Unassigned,

    /// <summary>A note the secretariat wrote and sent (văn bản đôn đốc).</summary>
    Manual,
}

/// <summary>Who hears of an urge.</summary>
public enum Audience
{
    /// <summary>The responsible agency's officers and head.</summary>
    Agency,

    /// <summary>The responsible agency's head only.</summary>
    AgencyHead,

    /// <summary>The secretariat (thường trực, tổ giúp việc), and leadership when the rules say so.</summary>
    Secretariat,
}

/// <summary>What an urge is about, as of the day the rules run.</summary>
/// <param name="LastDay">The last day on time (rolled forward when deadlines roll); null without a single deadline.</param>
/// <param name="Done">Completed (a task) or submitted (a report) by that day: nobody is urged about it.</param>
/// <param name="Since">When it was given (a task's assignment, a period's opening): the start of "stale" and "unassigned".</param>
/// <param name="HasLead">A lead agency is named; an item without one can only be urged to the secretariat.</param>
/// <param name="LastProgressOn">The last progress reported, if any.</param>
/// <param name="TracksProgress">A task (progress is expected); a report has none of its own.</param>
/// <param name="Recurring">A standing task (thường xuyên): no single deadline, and none missing.</param>
/// <param name="Before">The last urges of the kinds that follow a state rather than a date (escalations, stale, unassigned).</param>
public sealed record UrgedItem(DateOnly? LastDay, bool Done, DateOnly Since, bool HasLead, DateOnly? LastProgressOn = null, bool TracksProgress = true,
    bool Recurring = false, UrgedBefore? Before = null);

/// <summary>
/// When an item was last escalated or flagged. These urges follow a state ("overdue 5 working days or more", "30 days
/// without progress"), not a date, so a day missed — downtime, a fresh install — is caught up on the next run, and what
/// was said once is not said again: an escalation once per deadline, stale once per quiet spell of N days.
/// </summary>
public sealed record UrgedBefore(DateOnly? EscalatedToHead = null, DateOnly? EscalatedToSecretariat = null, DateOnly? Stale = null, DateOnly? Unassigned = null);

public sealed record Urge(UrgeKind Kind, Audience Audience, string Reason);

/// <summary>
/// The secretariat's urging rules (quy tắc đôn đốc). Reminders are counted in working days on the working-day
/// calendar; "stale" and "unassigned" in calendar days, as offices say "30 ngày không cập nhật".
/// </summary>
/// <param name="DaysBefore">Remind the agency this many working days before the deadline (default 7, 3, 1).</param>
/// <param name="OnTheDay">Remind on the deadline itself.</param>
/// <param name="OverdueEvery">While overdue, remind on the first working day late and then every N working days.</param>
/// <param name="StaleAfterDays">A task with no progress for N days is stale, and urged again every N days.</param>
/// <param name="UnassignedAfterDays">A task without a lead or a deadline N days after it was given is flagged to the secretariat.</param>
/// <param name="EscalateToHeadAfter">Working days overdue after which the agency's head is told.</param>
/// <param name="EscalateToSecretariatAfter">Working days overdue after which the secretariat is told.</param>
/// <param name="EscalateToLeadership">The secretariat's escalations go to leadership too.</param>
public sealed record UrgingRules(
    IReadOnlyList<int> DaysBefore,
    bool OnTheDay = true,
    int OverdueEvery = 5,
    int StaleAfterDays = 30,
    int UnassignedAfterDays = 90,
    int EscalateToHeadAfter = 5,
    int EscalateToSecretariatAfter = 15,
    bool EscalateToLeadership = false)
{
    public const int MaxDays = 365;

    public static UrgingRules Default { get; } = new([7, 3, 1]);

    /// <summary>What is wrong with these rules, by field; empty when they can be used.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        void Days(string field, int value, string what)
        {
            if (value is < 1 or > MaxDays)
            {
                problems.Add((field, $"{what} phải từ 1 đến {MaxDays} ngày (đã ghi {value})."));
            }
        }

        if (DaysBefore is null)
        {
            problems.Add(("daysBefore", "Cần ghi các mốc nhắc trước hạn (có thể để trống danh sách)."));
        }
        else
        {
            foreach (var (day, i) in DaysBefore.Select((d, i) => (d, i)))
            {
                Days($"daysBefore[{i}]", day, "Mốc nhắc trước hạn");
            }

            if (DaysBefore.Distinct().Count() != DaysBefore.Count)
            {
                problems.Add(("daysBefore", "Một mốc nhắc trước hạn ghi hai lần."));
            }
        }

        Days("overdueEvery", OverdueEvery, "Chu kỳ nhắc khi quá hạn");
        Days("staleAfterDays", StaleAfterDays, "Số ngày không cập nhật tiến độ");
        Days("unassignedAfterDays", UnassignedAfterDays, "Số ngày chưa có chủ trì, thời hạn");
        Days("escalateToHeadAfter", EscalateToHeadAfter, "Số ngày quá hạn trước khi báo thủ trưởng");
        Days("escalateToSecretariatAfter", EscalateToSecretariatAfter, "Số ngày quá hạn trước khi báo thường trực");
        if (EscalateToSecretariatAfter <= EscalateToHeadAfter)
        {
            problems.Add(("escalateToSecretariatAfter",
                $"Báo thường trực ({EscalateToSecretariatAfter} ngày làm việc) phải sau khi báo thủ trưởng cơ quan ({EscalateToHeadAfter} ngày làm việc)."));
        }

        return problems;
    }

    /// <summary>
    /// What to urge about an item on a day. Nothing on a day off (an urge waits for the next working day) nor about
    /// what is done. Reminders fall on their dates (7, 3, 1 working days before, the day, every N working days late);
    /// escalations and flags on the first working day their state holds and they were not yet made (see <see cref="UrgedBefore"/>).
    /// </summary>
    public IReadOnlyList<Urge> For(UrgedItem item, DateOnly day, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        var urges = new List<Urge>();
        var before = item.Before ?? new UrgedBefore();
        if (item.Done || !calendar.IsWorkingDay(day))
        {
            return urges;
        }

        if (item.LastDay is { } last && item.HasLead)
        {
            if (last > day)
            {
                var left = calendar.WorkingDaysAfter(day, last);
                if (DaysBefore.Contains(left))
                {
                    urges.Add(new(UrgeKind.DueSoon, Audience.Agency, $"Còn {left} ngày làm việc đến hạn {last:dd/MM/yyyy}."));
                }
            }
            else if (last == day)
            {
                if (OnTheDay)
                {
                    urges.Add(new(UrgeKind.DueToday, Audience.Agency, $"Đến hạn hôm nay ({last:dd/MM/yyyy})."));
                }
            }
            else
            {
                var late = calendar.WorkingDaysAfter(last, day);
                // Written only when said: most overdue tasks get nothing on most days, and the run reads the country's.
                string Reason() => $"Quá hạn {late} ngày làm việc (hạn {last:dd/MM/yyyy}).";
                if ((late - 1) % OverdueEvery == 0)
                {
                    urges.Add(new(UrgeKind.Overdue, Audience.Agency, Reason()));
                }

                // Once per deadline: an escalation made before the deadline was moved is about another one.
                if (late >= EscalateToHeadAfter && !(before.EscalatedToHead > last))
                {
                    urges.Add(new(UrgeKind.EscalatedToHead, Audience.AgencyHead, Reason()));
                }

                if (late >= EscalateToSecretariatAfter && !(before.EscalatedToSecretariat > last))
                {
                    urges.Add(new(UrgeKind.EscalatedToSecretariat, Audience.Secretariat, Reason()));
                }
            }
        }

        if (!item.TracksProgress)
        {
            return urges;
        }

        if (!item.HasLead || (item.LastDay is null && !item.Recurring))
        {
            var days = day.DayNumber - item.Since.DayNumber;
            if (days >= UnassignedAfterDays && before.Unassigned is null)
            {
                urges.Add(new(UrgeKind.Unassigned, Audience.Secretariat,
                    $"Đã giao {days} ngày mà chưa có {(item.HasLead ? "thời hạn" : "cơ quan chủ trì")}."));
            }
        }
        else
        {
            // Quiet since the last progress (or since it was given); urged again every N days while it stays quiet.
            var quietFrom = item.LastProgressOn ?? item.Since;
            var quiet = day.DayNumber - quietFrom.DayNumber;
            if (quiet >= StaleAfterDays && !(before.Stale >= quietFrom && day.DayNumber - before.Stale!.Value.DayNumber < StaleAfterDays))
            {
                urges.Add(new(UrgeKind.Stale, Audience.Agency, item.LastProgressOn is { } on
                    ? $"{quiet} ngày không cập nhật tiến độ (lần cuối {on:dd/MM/yyyy})."
                    : $"{quiet} ngày từ khi giao chưa báo cáo tiến độ."));
            }
        }

        return urges;
    }
}
