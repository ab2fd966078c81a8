using LoTrinh.Core.Calendar;
using LoTrinh.Core.Urging;

namespace LoTrinh.Core.Tests.Urging;

public sealed class UrgingRulesTests
{
    private static readonly WorkingCalendar Year2026 = new(AnnouncedYear.Shipped.Single(y => y.Year == 2026).Days);
    private static readonly UrgingRules Rules = UrgingRules.Default;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<UrgeKind> Kinds(UrgedItem item, string day) => [.. Rules.For(item, D(day), Year2026).Select(u => u.Kind)];

    private static readonly UrgedItem DueFriday27March = new(D("2026-03-27"), Done: false, Since: D("2026-03-01"), HasLead: true, LastProgressOn: D("2026-03-16"));

    [Theory]
    [InlineData("2026-03-17")]
    [InlineData("2026-03-19")]
    [InlineData("2026-03-25")]
    [InlineData("2026-03-31")]
    [InlineData("2026-04-02")]
    public void NothingOnDaysBetweenTheSteps(string day) => Assert.Empty(Kinds(DueFriday27March, day));

    [Theory]
    // 7, 3 and 1 working days before Friday 27/3.
    [InlineData("2026-03-18", UrgeKind.DueSoon)]
    [InlineData("2026-03-24", UrgeKind.DueSoon)]
    [InlineData("2026-03-26", UrgeKind.DueSoon)]
    [InlineData("2026-03-27", UrgeKind.DueToday)]
    // The first working day late, then every 5 working days.
    [InlineData("2026-03-30", UrgeKind.Overdue)]
    [InlineData("2026-04-06", UrgeKind.Overdue)]
    [InlineData("2026-04-13", UrgeKind.Overdue)]
    public void TheDeadlineSteps_FallOnTheirWorkingDays(string day, UrgeKind kind) =>
        Assert.Equal([kind], Kinds(DueFriday27March with { Before = new UrgedBefore(EscalatedToHead: D("2026-04-03")) }, day));

    [Fact]
    public void Escalation_ReachesTheHeadAfter5WorkingDays_AndTheSecretariatAfter15()
    {
        var head = Assert.Single(Rules.For(DueFriday27March with { LastProgressOn = D("2026-04-01") }, D("2026-04-03"), Year2026));
        Assert.Equal((UrgeKind.EscalatedToHead, Audience.AgencyHead), (head.Kind, head.Audience));
        Assert.Contains("Quá hạn 5 ngày làm việc", head.Reason, StringComparison.Ordinal);
        var escalated = new UrgedBefore(EscalatedToHead: D("2026-04-03"));
        var secretariat = Assert.Single(Rules.For(DueFriday27March with { LastProgressOn = D("2026-04-16"), Before = escalated }, D("2026-04-17"), Year2026));
        Assert.Equal((UrgeKind.EscalatedToSecretariat, Audience.Secretariat), (secretariat.Kind, secretariat.Audience));
    }

    [Fact]
    public void DayByDay_EachStepIsUrgedOnce_AndNothingOnDaysOff()
    {
        var urges = Simulate(DueFriday27March, D("2026-03-01"), D("2026-05-31"), progressDaily: true);

        Assert.All(urges, u => Assert.True(Year2026.IsWorkingDay(u.Day), $"{u.Day} is a day off"));
        Assert.Equal(3, urges.Count(u => u.Urge.Kind == UrgeKind.DueSoon));
        Assert.Single(urges, u => u.Urge.Kind == UrgeKind.DueToday);
        Assert.Equal(D("2026-04-03"), Assert.Single(urges, u => u.Urge.Kind == UrgeKind.EscalatedToHead).Day);
        Assert.Equal(D("2026-04-17"), Assert.Single(urges, u => u.Urge.Kind == UrgeKind.EscalatedToSecretariat).Day);
        var overdue = urges.Where(u => u.Urge.Kind == UrgeKind.Overdue).Select(u => u.Day).ToList();
        Assert.Equal(D("2026-03-30"), overdue[0]);
        // Consecutive overdue reminders are 5 working days apart, across 30/4, 1/5 (days off).
        Assert.All(overdue.Zip(overdue.Skip(1)), p => Assert.Equal(5, Year2026.WorkingDaysAfter(p.First, p.Second)));
    }

    [Fact]
    public void AFreshStartLongAfterTheDeadline_EscalatesOnce_ThenNotAgain()
    {
        // LoTrinh installed on 15/4/2026, the task 12 working days late: the head is told that day, once.
        var urges = Simulate(DueFriday27March, D("2026-04-15"), D("2026-05-15"), progressDaily: true);

        Assert.Equal(D("2026-04-15"), Assert.Single(urges, u => u.Urge.Kind == UrgeKind.EscalatedToHead).Day);
        Assert.Single(urges, u => u.Urge.Kind == UrgeKind.EscalatedToSecretariat);
        // A new deadline is a new story: escalated again once it is missed too.
        var moved = DueFriday27March with { LastDay = D("2026-06-30"), Before = new UrgedBefore(EscalatedToHead: D("2026-04-15")) };
        Assert.DoesNotContain(UrgeKind.EscalatedToHead, Kinds(moved, "2026-07-06"));
        Assert.Contains(UrgeKind.EscalatedToHead, Kinds(moved, "2026-07-07"));
    }

    /// <summary>The rules run every day over a span, each urge remembered as the log remembers it.</summary>
    private static List<(DateOnly Day, Urge Urge)> Simulate(UrgedItem item, DateOnly from, DateOnly to, bool progressDaily)
    {
        var urges = new List<(DateOnly Day, Urge Urge)>();
        var before = new UrgedBefore();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var today = Rules.For(item with { LastProgressOn = progressDaily ? day.AddDays(-1) : item.LastProgressOn, Before = before }, day, Year2026);
            foreach (var urge in today)
            {
                before = urge.Kind switch
                {
                    UrgeKind.EscalatedToHead => before with { EscalatedToHead = day },
                    UrgeKind.EscalatedToSecretariat => before with { EscalatedToSecretariat = day },
                    UrgeKind.Stale => before with { Stale = day },
                    UrgeKind.Unassigned => before with { Unassigned = day },
                    _ => before,
                };
                urges.Add((day, urge));
            }
        }

        return urges;
    }

    [Fact]
    public void AcrossTet_TheFirstOverdueReminderIsOnTheFirstWorkingDayAfter()
    {
        var dueBeforeTet = new UrgedItem(D("2026-02-13"), false, D("2026-01-01"), true, D("2026-02-12"));

        Assert.Empty(Kinds(dueBeforeTet, "2026-02-16"));
        Assert.Equal([UrgeKind.Overdue], Kinds(dueBeforeTet, "2026-02-23"));
    }

    [Fact]
    public void DoneItems_AndDaysOff_AreNeverUrged()
    {
        Assert.Empty(Kinds(DueFriday27March with { Done = true }, "2026-03-30"));
        Assert.Empty(Kinds(DueFriday27March, "2026-03-28"));
        // Saturday 10/1/2026 is a make-up working day: it is a day like any other.
        var due = new UrgedItem(D("2026-01-12"), false, D("2026-01-01"), true, D("2026-01-09"));
        Assert.Equal([UrgeKind.DueSoon], Kinds(due, "2026-01-10"));
    }

    [Fact]
    public void Stale_IsUrgedOnTheFirstWorkingDayAfter30QuietDays_ThenEvery30_AndProgressResetsIt()
    {
        var quiet = new UrgedItem(D("2026-12-31"), false, Since: D("2026-01-02"), HasLead: true);

        Assert.Empty(Kinds(quiet, "2026-01-30"));
        var stale = Simulate(quiet, D("2026-01-02"), D("2026-03-31"), progressDaily: false).Where(u => u.Urge.Kind == UrgeKind.Stale).ToList();
        // Day 30 is Sunday 1/2: urged on Monday 2/2; then 30 days later, Wednesday 4/3.
        Assert.Equal([D("2026-02-02"), D("2026-03-04")], stale.Select(s => s.Day));
        Assert.Equal(UrgeKind.Stale, stale[0].Urge.Kind);
        Assert.Equal(Audience.Agency, stale[0].Urge.Audience);
        Assert.Contains("31 ngày từ khi giao", stale[0].Urge.Reason, StringComparison.Ordinal);
        // Progress on 20/2 starts a new quiet spell: nothing until 30 days after it, whatever was urged before.
        var reported = quiet with { LastProgressOn = D("2026-02-20"), Before = new UrgedBefore(Stale: D("2026-02-02")) };
        Assert.Empty(Kinds(reported, "2026-03-04"));
        Assert.Equal([UrgeKind.Stale], Kinds(reported, "2026-03-23"));
    }

    [Fact]
    public void WithoutALeadOrADeadline_OnlyTheSecretariatIsTold_After90Days()
    {
        var noLead = new UrgedItem(D("2026-03-27"), false, D("2026-01-02"), HasLead: false);

        Assert.Empty(Kinds(noLead, "2026-03-31"));
        var flagged = Assert.Single(Rules.For(noLead, D("2026-04-02"), Year2026));
        Assert.Equal((UrgeKind.Unassigned, Audience.Secretariat), (flagged.Kind, flagged.Audience));
        Assert.Contains("cơ quan chủ trì", flagged.Reason, StringComparison.Ordinal);
        Assert.Empty(Kinds(noLead with { Before = new UrgedBefore(Unassigned: D("2026-04-02")) }, "2026-04-03"));
        var noDeadline = new UrgedItem(null, false, D("2026-01-02"), HasLead: true);
        Assert.Contains("thời hạn", Assert.Single(Rules.For(noDeadline, D("2026-04-02"), Year2026)).Reason, StringComparison.Ordinal);
        // A standing task (thường xuyên) lacks nothing; it goes stale like any other.
        Assert.Equal([UrgeKind.Stale], Kinds(noDeadline with { Recurring = true }, "2026-04-02"));
    }

    [Fact]
    public void AReport_HasDeadlineReminders_ButIsNeverStale()
    {
        var report = new UrgedItem(D("2026-03-27"), false, D("2026-01-01"), true, TracksProgress: false);

        Assert.Equal([UrgeKind.DueToday], Kinds(report, "2026-03-27"));
        Assert.Empty(Kinds(report, "2026-03-02"));
    }

    [Fact]
    public void Problems_NameTheField_ForImpossibleRules()
    {
        Assert.Empty(UrgingRules.Default.Problems());
        var bad = new UrgingRules([7, 0, 7], OverdueEvery: -1, EscalateToHeadAfter: 20, EscalateToSecretariatAfter: 10, StaleAfterDays: 100_000);
        var fields = bad.Problems().Select(p => p.Field).ToList();

        Assert.Contains("daysBefore[1]", fields);
        Assert.Contains("daysBefore", fields);
        Assert.Contains("overdueEvery", fields);
        Assert.Contains("staleAfterDays", fields);
        Assert.Contains("escalateToSecretariatAfter", fields);
    }
}
