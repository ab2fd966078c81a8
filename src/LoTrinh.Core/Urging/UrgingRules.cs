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
public sealed record UrgedItem(DateOnly? LastDay, bool Done, DateOnly Since, bool HasLead, DateOnly? LastProgressOn = null, bool TracksProgress = true);

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
    /// what is done. Each urge falls on exactly one day, so running the rules for every day (a missed day caught up
    /// later) urges each step once.
    /// </summary>
    public IReadOnlyList<Urge> For(UrgedItem item, DateOnly day, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        var urges = new List<Urge>();
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
                var reason = $"Quá hạn {late} ngày làm việc (hạn {last:dd/MM/yyyy}).";
                if ((late - 1) % OverdueEvery == 0)
                {
                    urges.Add(new(UrgeKind.Overdue, Audience.Agency, reason));
                }

                if (late == EscalateToHeadAfter)
                {
                    urges.Add(new(UrgeKind.EscalatedToHead, Audience.AgencyHead, reason));
                }

                if (late == EscalateToSecretariatAfter)
                {
                    urges.Add(new(UrgeKind.EscalatedToSecretariat, Audience.Secretariat, reason));
                }
            }
        }

        if (!item.TracksProgress)
        {
            return urges;
        }

        if (!item.HasLead || item.LastDay is null)
        {
            if (ReachedToday(item.Since, day, UnassignedAfterDays, calendar, out var days))
            {
                urges.Add(new(UrgeKind.Unassigned, Audience.Secretariat,
                    $"Đã giao {days} ngày mà chưa có {(item.HasLead ? "thời hạn" : "cơ quan chủ trì")}."));
            }
        }
        else if (ReachedToday(item.LastProgressOn ?? item.Since, day, StaleAfterDays, calendar, out var quiet))
        {
            urges.Add(new(UrgeKind.Stale, Audience.Agency, item.LastProgressOn is { } on
                ? $"{quiet} ngày không cập nhật tiến độ (lần cuối {on:dd/MM/yyyy})."
                : $"{quiet} ngày từ khi giao chưa báo cáo tiến độ."));
        }

        return urges;
    }

    /// <summary>
    /// A count of calendar days since <paramref name="from"/> reached a multiple of <paramref name="every"/> on this
    /// working day or on the days off just before it (so a threshold met on a Sunday is urged on Monday, once).
    /// </summary>
    private static bool ReachedToday(DateOnly from, DateOnly day, int every, WorkingCalendar calendar, out int days)
    {
        days = day.DayNumber - from.DayNumber;
        var previous = day.AddDays(-1);
        while (!calendar.IsWorkingDay(previous))
        {
            previous = previous.AddDays(-1);
        }

        var before = previous.DayNumber - from.DayNumber;
        return days >= every && days / every > Math.Max(before, 0) / every;
    }
}
