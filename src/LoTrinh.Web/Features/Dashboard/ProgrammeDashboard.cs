using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Dashboard;

/// <summary>Tasks by status class, as the government counts them: the six classes and both completion rates.</summary>
public sealed record StatusTally(int Total, IReadOnlyDictionary<string, int> ByStatus, CompletionRates Rates)
{
    public int Of(TaskStatusClass status) => ByStatus.GetValueOrDefault(status.Code());

    public static StatusTally From(IReadOnlyDictionary<TaskStatusClass, int> counts) =>
        new(counts.Values.Sum(), counts.ToDictionary(c => c.Key.Code(), c => c.Value), TaskStatusRules.Rates(counts));
}

/// <summary>
/// Đến hạn: the tasks whose dated deadline is on or before the cut-off, counted apart as the Government Office does —
/// of them, done on time, done late, and overdue not done.
/// </summary>
public sealed record FallenDue(int Total, int DoneOnTime, int DoneLate, int Overdue)
{
    public decimal? DonePercent => Total == 0 ? null : Math.Round(100m * (DoneOnTime + DoneLate) / Total, 1);
}

/// <summary>A directive's or a lead agency's tasks by class (the accountability tables).</summary>
public sealed record TallyLine(long Id, string Name, StatusTally Tasks);

/// <summary>
/// The accountability heat table: the lead agencies shown (rows) × the directives where they have the most overdue
/// tasks (columns); each cell the overdue tasks that agency leads under that directive.
/// </summary>
public sealed record OverdueHeat(IReadOnlyList<HeatColumn> Directives, IReadOnlyList<HeatRow> Agencies)
{
    public int Max => Agencies.SelectMany(a => a.Overdue).DefaultIfEmpty(0).Max();
}

public sealed record HeatColumn(long Id, string Name);

public sealed record HeatRow(long AgencyId, string Agency, IReadOnlyList<int> Overdue);

/// <summary>A task of the overdue or due-soon lists.</summary>
/// <param name="Due">The due date as the deadline reads.</param>
/// <param name="LastDay">The day it ends: <paramref name="Due"/>, or the next working day when that is a day off (Điều 148 BLDS).</param>
/// <param name="Days">Days overdue (positive) or days left (due soon), counted from <paramref name="LastDay"/>.</param>
/// <param name="Urged">How many times the agencies were urged about it (đôn đốc) up to the cut-off, as the task's page counts.</param>
public sealed record DashboardTask(
    long Id, string Text, long DirectiveId, string Directive, long? LeadId, string? Lead, string Deadline, DateOnly Due, DateOnly LastDay, int Days,
    DateOnly? LastProgressOn, int Urged);

/// <summary>The leadership dashboard as of a cut-off date: every figure one SQL aggregate over the status PostgreSQL computes.</summary>
/// <param name="Localities">The tasks by the locality of their directive (the province or city that issued it, địa bàn).</param>
public sealed record DashboardView(
    DateOnly AsOf, StatusTally Tasks, FallenDue FallenDue,
    IReadOnlyList<TallyLine> Directives, int DirectivesTotal, IReadOnlyList<TallyLine> Agencies, int AgenciesTotal,
    IReadOnlyList<DashboardTask> Overdue, int OverdueTotal, IReadOnlyList<DashboardTask> DueSoon, int DueIn7, int DueIn30,
    OverdueHeat Heat, IReadOnlyList<TallyLine> Localities, int LocalitiesTotal);

public static class ProgrammeDashboard
{
    /// <summary>How many rows each table and list shows; every one links to the full list on /Tasks.</summary>
    public const int Listed = 20;

    /// <summary>The heat table's columns: the directives where the agencies shown are most overdue.</summary>
    public const int HeatColumns = 8;

    /// <summary>The overdue list is a meeting's agenda: longer than the tables.</summary>
    public const int OverdueListed = 50;

    // When a deadline falls against the cut-off.
    private const int Fallen = 0;
    private const int Within7 = 1;
    private const int Within30 = 2;
    private const int Later = 3;

    /// <summary>
    /// The dashboard as of <paramref name="asOf"/>, in the scope of the request's viewer. Its three parts — the
    /// programme's and the directives' tallies, the lead agencies' tallies, the two lists — are independent scans of
    /// the tasks, so each runs on a connection of its own at the same time (the request's context and two more of
    /// the same request's viewer, reading the same server): the page waits for the slowest, not for their sum.
    /// </summary>
    /// <param name="only">Only the tasks of these directives (a programme and its cascade, for the IOC feed); all when null.</param>
    /// <param name="listed">How many directives and lead agencies to name (the feed names every one).</param>
    public static Task<DashboardView> LoadAsync(AppDbContext db, IServiceScopeFactory scopes, DateOnly asOf, CancellationToken ct,
        IReadOnlyCollection<long>? only = null, int listed = Listed) =>
        db.CachedAsync($"dashboard:{asOf:O}:{FiguresCacheExtensions.Key(only)}:{listed}", [FiguresCache.Tasks], () => ComputeAsync(db, scopes, asOf, only, listed, ct), ct);

    private static async Task<DashboardView> ComputeAsync(AppDbContext db, IServiceScopeFactory scopes, DateOnly asOf,
        IReadOnlyCollection<long>? only, int listed, CancellationToken ct)
    {
        await using var second = scopes.CreateAsyncScope();
        await using var third = scopes.CreateAsyncScope();
        var tallies = TalliesAsync(db, Of(db, only), asOf, listed, ct);
        var leadDb = Beside(db, second);
        var leads = LeadsAsync(leadDb, Of(leadDb, only), asOf, listed, ct);
        var listDb = Beside(db, third);
        var lists = ListsAsync(listDb, Of(listDb, only), asOf, ct);
        await Task.WhenAll(tallies, leads, lists);
        var (overall, fallenDue, directives, directivesTotal, dueIn7, dueIn30, localities, localitiesTotal) = await tallies;
        var (agencies, agenciesTotal, heat) = await leads;
        var (overdue, dueSoon) = await lists;
        return new DashboardView(asOf, overall, fallenDue, directives, directivesTotal, agencies, agenciesTotal,
            overdue, overall.Of(TaskStatusClass.InProgressOverdue), dueSoon, dueIn7, dueIn30, heat, localities, localitiesTotal);
    }

    private static IQueryable<TaskItem> Of(AppDbContext db, IReadOnlyCollection<long>? directives) =>
        directives is null ? db.Tasks.AsNoTracking() : db.Tasks.AsNoTracking().Where(t => directives.Contains(t.DirectiveId));

    /// <summary>A context of the same viewer on the same server as the request's (primary or standby).</summary>
    public static AppDbContext Beside(AppDbContext db, AsyncServiceScope scope)
    {
        var other = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        other.Database.SetConnectionString(db.Database.GetConnectionString());
        return other;
    }

    /// <summary>
    /// One pass over the tasks gives the whole programme, the fallen-due count, the due-soon counts, the
    /// directives' lines and the localities' (each directive's lines added up by its locality): grouped by directive,
    /// class and when the deadline falls against the cut-off.
    /// </summary>
    private static async Task<(StatusTally Overall, FallenDue FallenDue, IReadOnlyList<TallyLine> Directives, int DirectivesTotal, int DueIn7, int DueIn30,
        IReadOnlyList<TallyLine> Localities, int LocalitiesTotal)>
        TalliesAsync(AppDbContext db, IQueryable<TaskItem> tasks, DateOnly asOf, int listed, CancellationToken ct)
    {
        var in7 = asOf.AddDays(7);
        var in30 = asOf.AddDays(30);
        var groups = await TaskBoard.Classify(tasks, asOf)
            .GroupBy(c => new
            {
                c.Task.DirectiveId,
                c.Status,
                When = c.Task.DueRolledOn == null ? Later : c.Task.DueRolledOn <= asOf ? Fallen : c.Task.DueRolledOn <= in7 ? Within7 : c.Task.DueRolledOn <= in30 ? Within30 : Later,
            })
            .Select(g => new { g.Key.DirectiveId, g.Key.Status, g.Key.When, Count = g.Count() }).ToListAsync(ct);
        var overall = groups.GroupBy(g => g.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        int Count(int when, TaskStatusClass status) => groups.Where(g => g.When == when && g.Status == status).Sum(g => g.Count);
        // Đến hạn: a dated deadline on or before the cut-off (a recurring task has none to fall due).
        var fallenDue = new FallenDue(
            groups.Where(g => g.When == Fallen && g.Status != TaskStatusClass.Recurring).Sum(g => g.Count),
            Count(Fallen, TaskStatusClass.CompletedOnTime), Count(Fallen, TaskStatusClass.CompletedLate), Count(Fallen, TaskStatusClass.InProgressOverdue));
        // Due soon counts from today: a task due on the cut-off day and not done is the most pressing of all.
        var dueIn7 = Count(Fallen, TaskStatusClass.InProgressWithinDeadline) + Count(Within7, TaskStatusClass.InProgressWithinDeadline);
        var dueIn30 = dueIn7 + Count(Within30, TaskStatusClass.InProgressWithinDeadline);

        var directives = Rank(groups.Select(g => (g.DirectiveId, g.Status, g.Count)));
        var shown = directives.Take(listed).Select(d => d.Id).ToList();
        var names = await db.Directives.Where(d => shown.Contains(d.Id))
            .Select(d => new { d.Id, Name = d.Number ?? d.Kind + " — " + d.IssuerName }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        // A directive without a locality (a national one) counts in the programme, not under any locality.
        var ids = directives.Select(d => d.Id).ToList();
        var localityOf = await db.Directives.Where(d => ids.Contains(d.Id) && d.LocalityUnitId != null)
            .Select(d => new { d.Id, Locality = d.LocalityUnitId!.Value }).ToDictionaryAsync(d => d.Id, d => d.Locality, ct);
        var localities = Rank(groups.Where(g => localityOf.ContainsKey(g.DirectiveId)).Select(g => (localityOf[g.DirectiveId], g.Status, g.Count)));
        var localitiesShown = localities.Take(listed).Select(l => l.Id).ToList();
        var localityNames = await db.Units.Where(u => localitiesShown.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return (StatusTally.From(overall), fallenDue,
            [.. directives.Take(listed).Select(d => new TallyLine(d.Id, names.GetValueOrDefault(d.Id, "?"), d.Tally))], directives.Count, dueIn7, dueIn30,
            [.. localities.Take(listed).Select(l => new TallyLine(l.Id, localityNames.GetValueOrDefault(l.Id, "?"), l.Tally))], localities.Count);
    }

    /// <summary>Accountability is the lead's (chủ trì): each task counts for its lead agencies.</summary>
    private static async Task<(IReadOnlyList<TallyLine> Lines, int Total, OverdueHeat Heat)> LeadsAsync(AppDbContext db, IQueryable<TaskItem> tasks, DateOnly asOf, int listed, CancellationToken ct)
    {
        // The task's own lead column (kept from its lead link by the database): one scan, no join of the country's links.
        var byLead = await TaskBoard.Classify(tasks.Where(t => t.LeadAgencyId != null), asOf)
            .GroupBy(c => new { c.Task.LeadAgencyId, c.Status })
            .Select(g => new { Id = g.Key.LeadAgencyId!.Value, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var agencies = Rank(byLead.Select(r => (r.Id, r.Status, r.Count)));
        var shown = agencies.Take(listed).Select(a => a.Id).ToList();
        var names = await db.Agencies.Where(a => shown.Contains(a.Id))
            .Select(a => new { a.Id, Name = a.ShortName ?? a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var lines = agencies.Take(listed).Select(a => new TallyLine(a.Id, names.GetValueOrDefault(a.Id, "?"), a.Tally)).ToList();
        return (lines, agencies.Count, await HeatAsync(db, tasks, asOf, lines.Take(Listed).Where(l => l.Tasks.Of(TaskStatusClass.InProgressOverdue) > 0).ToList(), ct));
    }

    /// <summary>The overdue tasks of the agencies shown, by directive: a small aggregate on the lead column's index.</summary>
    private static async Task<OverdueHeat> HeatAsync(AppDbContext db, IQueryable<TaskItem> tasks, DateOnly asOf, List<TallyLine> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var cells = await TaskBoard.InStatus(tasks.Where(t => t.LeadAgencyId != null && ids.Contains(t.LeadAgencyId.Value)), TaskStatusClass.InProgressOverdue, asOf)
            .GroupBy(t => new { Agency = t.LeadAgencyId!.Value, t.DirectiveId })
            .Select(g => new { g.Key.Agency, g.Key.DirectiveId, Count = g.Count() }).ToListAsync(ct);
        var columns = cells.GroupBy(c => c.DirectiveId).OrderByDescending(g => g.Sum(c => c.Count)).ThenBy(g => g.Key)
            .Take(HeatColumns).Select(g => g.Key).ToList();
        var names = await db.Directives.Where(d => columns.Contains(d.Id))
            .Select(d => new { d.Id, Name = d.Number ?? d.Kind + " — " + d.IssuerName }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var count = cells.ToDictionary(c => (c.Agency, c.DirectiveId), c => c.Count);
        return new OverdueHeat(
            [.. columns.Select(c => new HeatColumn(c, names.GetValueOrDefault(c, "?")))],
            [.. rows.Select(r => new HeatRow(r.Id, r.Name, [.. columns.Select(c => count.GetValueOrDefault((r.Id, c)))]))]);
    }

    /// <summary>
    /// The longest overdue and the soonest due. Written on the columns (the same rules as TaskBoard.Classify for
    /// these two classes) so PostgreSQL walks the deadline index in order and stops at the page.
    /// </summary>
    private static async Task<(IReadOnlyList<DashboardTask> Overdue, IReadOnlyList<DashboardTask> DueSoon)> ListsAsync(AppDbContext db, IQueryable<TaskItem> tasks, DateOnly asOf, CancellationToken ct)
    {
        var dated = tasks.Where(t => t.DueRolledOn != null && (t.CompletedOn == null || t.CompletedOn > asOf)
            && t.DeadlinePrecision != LoTrinh.Core.Deadlines.DeadlinePrecision.Recurring);
        var in30 = asOf.AddDays(30);
        var overdue = await ListAsync(db, dated.Where(t => t.DueRolledOn < asOf).OrderBy(t => t.DueRolledOn).ThenBy(t => t.Id), OverdueListed, asOf, ct);
        var dueSoon = await ListAsync(db, dated.Where(t => t.DueRolledOn >= asOf && t.DueRolledOn <= in30).OrderBy(t => t.DueRolledOn).ThenBy(t => t.Id), Listed, asOf, ct);
        return (overdue, dueSoon);
    }

    /// <summary>Lines ordered as a meeting reads them: most overdue first, then the lowest on-time share among those due.</summary>
    private static List<(long Id, StatusTally Tally)> Rank(IEnumerable<(long Id, TaskStatusClass Status, int Count)> rows) =>
        [.. rows.GroupBy(r => r.Id)
            .Select(g => (g.Key, Tally: StatusTally.From(g.GroupBy(r => r.Status).ToDictionary(s => s.Key, s => s.Sum(r => r.Count)))))
            .OrderByDescending(l => l.Tally.Of(TaskStatusClass.InProgressOverdue))
            .ThenBy(l => l.Tally.Rates.AmongDuePercent ?? 101m)
            .ThenByDescending(l => l.Tally.Total)
            .ThenBy(l => l.Key)];

    private static async Task<IReadOnlyList<DashboardTask>> ListAsync(AppDbContext db, IQueryable<TaskItem> tasks, int take, DateOnly asOf, CancellationToken ct)
    {
        var rows = await tasks.Take(take).Select(t => new
        {
            t.Id,
            t.Text,
            t.DirectiveId,
            Directive = t.Directive.Number ?? t.Directive.Kind + " — " + t.Directive.IssuerName,
            t.DeadlineText,
            Due = t.DueOn!.Value,
            LastDay = t.DueRolledOn!.Value,
            LastProgressOn = t.ProgressUpdates.Where(p => p.ReportedOn <= asOf).Max(p => (DateOnly?)p.ReportedOn),
        }).ToListAsync(ct);
        // The leads of these tasks only (asked inside the query above, EF numbers every lead link of the country).
        var ids = rows.Select(r => r.Id).ToList();
        var leads = (await tasks.SelectMany(t => t.Agencies).Where(a => ids.Contains(a.TaskId) && a.Role == TaskRoles.Lead)
                .Select(a => new { a.TaskId, a.Ordinal, a.AgencyId, Name = a.Agency.ShortName ?? a.Agency.Name }).ToListAsync(ct))
            .GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.MinBy(a => a.Ordinal)!);
        // Urges to the agencies up to the cut-off — not the secretariat's own lists nor the reminders before a deadline
        // (the task page's count) — for these tasks by their ids, so PostgreSQL reads the task index of the urging log.
        var urged = await db.Urgings.Where(u => u.TaskId != null && ids.Contains(u.TaskId.Value) && u.Day <= asOf
                && u.Audience != LoTrinh.Core.Urging.Audience.Secretariat && u.Kind != LoTrinh.Core.Urging.UrgeKind.DueSoon)
            .GroupBy(u => u.TaskId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. rows.Select(r =>
        {
            var lead = leads.GetValueOrDefault(r.Id);
            return new DashboardTask(r.Id, r.Text, r.DirectiveId, r.Directive, lead?.AgencyId, lead?.Name,
                r.DeadlineText ?? string.Empty, r.Due, r.LastDay, Math.Abs(asOf.DayNumber - r.LastDay.DayNumber), r.LastProgressOn, urged.GetValueOrDefault(r.Id));
        })];
    }
}
