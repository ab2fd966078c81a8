using LoTrinh.Core.Deadlines;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Dashboard;

/// <summary>A task that changed between two cut-offs: on which day, and (for a moved deadline) from what to what.</summary>
public sealed record ChangedTask(long Id, string Text, long DirectiveId, string Directive, DateOnly On, string? Detail);

/// <summary>One kind of change: how many, and the first of them.</summary>
public sealed record ChangeList(int Total, IReadOnlyList<ChangedTask> Tasks);

/// <summary>
/// What changed between the last meeting and this one (issue 15): tasks that fell overdue, were completed, had their
/// deadline moved (điều chỉnh thời hạn) or were added, after <see cref="Since"/> and up to <see cref="AsOf"/>.
/// </summary>
public sealed record DashboardChanges(DateOnly Since, DateOnly AsOf, ChangeList BecameOverdue, ChangeList Completed, ChangeList DeadlineMoved, ChangeList Added);

public static class DashboardChangesQuery
{
    /// <summary>
    /// Each kind is a query on the task's own dates in the viewer's scope: overdue at the later cut-off and not at the
    /// earlier (its dated deadline falls between them and it was not done by the later), completed between them,
    /// a deadline adjusted by an assignment between them, created between them.
    /// </summary>
    public static async Task<DashboardChanges> LoadAsync(AppDbContext db, DateOnly since, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = Clock.EndOf(since);
        var to = Clock.EndOf(asOf);
        var tasks = db.Tasks.AsNoTracking();
        var becameOverdue = tasks.Where(t => t.DueRolledOn >= since && t.DueRolledOn < asOf && (t.CompletedOn == null || t.CompletedOn > asOf)
            && t.DeadlinePrecision != DeadlinePrecision.Recurring);
        var completed = tasks.Where(t => t.CompletedOn > since && t.CompletedOn <= asOf);
        var added = tasks.Where(t => t.CreatedAt >= from && t.CreatedAt < to);
        var moved = db.TaskAssignments.AsNoTracking()
            .Where(a => a.PreviousDeadlineText != null && a.CreatedAt >= from && a.CreatedAt < to && tasks.Any(t => t.Id == a.TaskId));

        var overdueRows = await becameOverdue.OrderBy(t => t.DueRolledOn).ThenBy(t => t.Id).Take(ProgrammeDashboard.Listed)
            .Select(t => new ChangedTask(t.Id, t.Text, t.DirectiveId, t.Directive.Number ?? t.Directive.Kind, t.DueOn!.Value, t.DeadlineText)).ToListAsync(ct);
        var completedRows = await completed.OrderByDescending(t => t.CompletedOn).ThenBy(t => t.Id).Take(ProgrammeDashboard.Listed)
            .Select(t => new ChangedTask(t.Id, t.Text, t.DirectiveId, t.Directive.Number ?? t.Directive.Kind, t.CompletedOn!.Value, null)).ToListAsync(ct);
        var addedRows = await added.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).Take(ProgrammeDashboard.Listed)
            .Select(t => new { t.Id, t.Text, t.DirectiveId, Directive = t.Directive.Number ?? t.Directive.Kind, t.CreatedAt }).ToListAsync(ct);
        var movedRows = await moved.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).Take(ProgrammeDashboard.Listed)
            .Join(tasks, a => a.TaskId, t => t.Id, (a, t) => new { t.Id, t.Text, t.DirectiveId, Directive = t.Directive.Number ?? t.Directive.Kind, a.CreatedAt, a.PreviousDeadlineText, a.DeadlineText })
            .ToListAsync(ct);

        return new DashboardChanges(since, asOf,
            new ChangeList(await becameOverdue.CountAsync(ct), overdueRows),
            new ChangeList(await completed.CountAsync(ct), completedRows),
            new ChangeList(await moved.CountAsync(ct), [.. movedRows.Select(r => new ChangedTask(r.Id, r.Text, r.DirectiveId, r.Directive, Day(r.CreatedAt), $"{r.PreviousDeadlineText} → {r.DeadlineText}"))]),
            new ChangeList(await added.CountAsync(ct), [.. addedRows.Select(r => new ChangedTask(r.Id, r.Text, r.DirectiveId, r.Directive, Day(r.CreatedAt), null))]));
    }

    /// <summary>The day an instant falls on in Việt Nam.</summary>
    private static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(Clock.Local(instant).DateTime);
}
