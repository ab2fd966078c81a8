using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Tasks;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Tasks;

/// <param name="RolledTo">The working day the deadline ends when <paramref name="Due"/> falls on a day off (Điều 148 BLDS).</param>
public sealed record DeadlineView(string Text, DateOnly? Due, string Precision, bool Exclusive, DateOnly? RolledTo = null);

/// <param name="LeadReceivedFrom">The dissolved agency the lead took the task over from (nhận từ …).</param>
/// <param name="LeadDissolved">The lead no longer exists and no successor took the task yet: it must be given again.</param>
/// <param name="OriginalDeadline">The deadline first set, when it was adjusted since.</param>
/// <param name="StaleDays">An open task quiet for at least the urging rules' "stale" days (không cập nhật tiến độ): days
/// since its last progress, or since it was given; null otherwise.</param>
public sealed record TaskRow(
    long Id, string Text, long DirectiveId, string Directive, string? Section,
    string? Lead, IReadOnlyList<string> CoLeads, IReadOnlyList<string> Cooperating,
    DeadlineView? Deadline, DateOnly? CompletedOn, string Status, string StatusLabel,
    string? LeadReceivedFrom = null, bool LeadDissolved = false, string? OriginalDeadline = null, int? StaleDays = null);

/// <param name="LeadOnly">The agency's tasks as lead (chủ trì) only: what it answers for, as the dashboard counts it.</param>
/// <param name="LocalityId">The tasks of the directives of this locality (their issuer's province or city, địa bàn).</param>
/// <param name="Sort">The order of the rows: by directive as written (the default), or by deadline.</param>
/// <param name="Directives">The tasks of these directives only (a programme and its cascade).</param>
public sealed record TaskFilter(DateOnly AsOf, TaskStatusClass? Status = null, long? AgencyId = null, long? DirectiveId = null, string? Text = null, bool LeadOnly = false,
    long? LocalityId = null, TaskOrder Sort = TaskOrder.Directive, IReadOnlyCollection<long>? Directives = null);

/// <summary>How a list of tasks is ordered.</summary>
public enum TaskOrder
{
    /// <summary>By directive, then as the directive lists them.</summary>
    Directive,

    /// <summary>The earliest last day first (on the overdue board: the most overdue first); no deadline last.</summary>
    DueFirst,

    /// <summary>The latest last day first; no deadline last.</summary>
    DueLast,
}

public static class TaskOrders
{
    public static string Code(this TaskOrder order) => order switch
    {
        TaskOrder.DueFirst => "due",
        TaskOrder.DueLast => "due_desc",
        _ => "directive",
    };

    public static string Vietnamese(this TaskOrder order) => order switch
    {
        TaskOrder.DueFirst => "Thời hạn sớm nhất trước (quá hạn lâu nhất trước)",
        TaskOrder.DueLast => "Thời hạn muộn nhất trước",
        _ => "Theo văn bản",
    };

    /// <summary>The order a code names; empty is the default; null for an unknown code.</summary>
    public static TaskOrder? Parse(string? code) =>
        string.IsNullOrWhiteSpace(code) ? TaskOrder.Directive : Enum.GetValues<TaskOrder>().Cast<TaskOrder?>().FirstOrDefault(o => o!.Value.Code() == code.Trim());
}

public sealed record TaskPage(IReadOnlyList<TaskRow> Rows, int Total, IReadOnlyDictionary<TaskStatusClass, int> CountByStatus, CompletionRates Rates);

/// <summary>A task with its status class as of a date, computed by PostgreSQL (<see cref="TaskBoard.Classify"/>).</summary>
public sealed class ClassifiedTask
{
    public required TaskItem Task { get; init; }
    public TaskStatusClass Status { get; init; }
}

/// <summary>
/// The task list as of a date, for the page and the API. Status, the counts per class and the page are all
/// computed by PostgreSQL: a request reads one aggregate and one page, however many tasks the country has.
/// </summary>
public static class TaskBoard
{
    /// <summary>
    /// Core's <see cref="TaskStatusRules.Classify"/> ("trước ngày X" read as "by X"; a last day on a day off rolled
    /// forward when the setting says so, as the database keeps it in due_rolled_on) written as a query, so PostgreSQL
    /// classifies, counts and pages. Kept equal to Core's rules by a property test on random tasks (TaskBoardTests).
    /// </summary>
    public static IQueryable<ClassifiedTask> Classify(IQueryable<TaskItem> tasks, DateOnly asOf) =>
        tasks.Select(t => new ClassifiedTask
        {
            Task = t,
            Status = t.CompletedOn != null && t.CompletedOn <= asOf
                ? (t.DueRolledOn != null && t.CompletedOn > t.DueRolledOn ? TaskStatusClass.CompletedLate : TaskStatusClass.CompletedOnTime)
                // A recurring precision always has its text (constraint task_item_recurring_is_written): the index holds the precision.
                : t.DeadlinePrecision == DeadlinePrecision.Recurring ? TaskStatusClass.Recurring
                : t.DueRolledOn == null ? TaskStatusClass.NoDeadline
                : asOf > t.DueRolledOn ? TaskStatusClass.InProgressOverdue
                : TaskStatusClass.InProgressWithinDeadline,
        });

    /// <summary>The page, how many match, and the counts per class and the completion rates the pages show.</summary>
    public static async Task<TaskPage> QueryAsync(AppDbContext db, TaskFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var classified = Classify(Filtered(db, filter), filter.AsOf);
        var counts = (await classified.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        var total = filter.Status is { } w ? counts.GetValueOrDefault(w) : counts.Values.Sum();
        return new TaskPage(await RowsAsync(db, Matching(db, filter), filter.AsOf, filter.Sort, page, pageSize, ct), total, counts, TaskStatusRules.Rates(counts));
    }

    /// <summary>The page and how many match, without the counts per class: the API's list, which returns no more.</summary>
    public static async Task<(IReadOnlyList<TaskRow> Rows, int Total)> PageAsync(AppDbContext db, TaskFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var matching = Matching(db, filter);
        return (await RowsAsync(db, matching, filter.AsOf, filter.Sort, page, pageSize, ct), await matching.CountAsync(ct));
    }

    /// <summary>How many tasks match, and one page of them without counting: an export reads the list a page at a time.</summary>
    public static Task<int> CountAsync(AppDbContext db, TaskFilter filter, CancellationToken ct) => Matching(db, filter).CountAsync(ct);

    /// <inheritdoc cref="CountAsync"/>
    public static Task<IReadOnlyList<TaskRow>> RowsAsync(AppDbContext db, TaskFilter filter, int page, int pageSize, CancellationToken ct) =>
        RowsAsync(db, Matching(db, filter), filter.AsOf, filter.Sort, page, pageSize, ct);

    /// <summary>
    /// The rows after <paramref name="after"/> in the directive order (keyset: each chunk an index range, where an
    /// offset would rescan every row before it — quadratic over a country's list).
    /// </summary>
    public static Task<IReadOnlyList<TaskRow>> RowsAfterAsync(AppDbContext db, TaskFilter filter, TaskRow? after, int size, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Sort != TaskOrder.Directive)
        {
            throw new ArgumentException("Keyset chunks follow the directive order.", nameof(filter));
        }

        var matching = Matching(db, filter);
        if (after is not null)
        {
            var (directive, id) = (after.DirectiveId, after.Id);
            matching = matching.Where(c => c.Task.DirectiveId > directive || (c.Task.DirectiveId == directive && c.Task.Id > id));
        }

        return RowsAsync(db, matching, filter.AsOf, filter.Sort, 1, size, ct);
    }

    private static IQueryable<ClassifiedTask> Matching(AppDbContext db, TaskFilter filter) =>
        Classify(filter.Status is { } wanted ? InStatus(Filtered(db, filter), wanted, filter.AsOf) : Filtered(db, filter), filter.AsOf);

    /// <summary>
    /// The tasks of one class as of a date, written on the columns — <see cref="Classify"/>'s branches for that class —
    /// so PostgreSQL can walk an index (the overdue: the deadline index up to the cut-off) instead of classifying every task.
    /// </summary>
    public static IQueryable<TaskItem> InStatus(IQueryable<TaskItem> tasks, TaskStatusClass status, DateOnly asOf) => status switch
    {
        TaskStatusClass.CompletedOnTime => tasks.Where(t => t.CompletedOn != null && t.CompletedOn <= asOf && !(t.DueRolledOn != null && t.CompletedOn > t.DueRolledOn)),
        TaskStatusClass.CompletedLate => tasks.Where(t => t.CompletedOn != null && t.CompletedOn <= asOf && t.DueRolledOn != null && t.CompletedOn > t.DueRolledOn),
        TaskStatusClass.Recurring => tasks.Where(t => (t.CompletedOn == null || t.CompletedOn > asOf) && t.DeadlinePrecision == DeadlinePrecision.Recurring),
        TaskStatusClass.NoDeadline => tasks.Where(t => (t.CompletedOn == null || t.CompletedOn > asOf) && t.DeadlinePrecision != DeadlinePrecision.Recurring && t.DueRolledOn == null),
        TaskStatusClass.InProgressOverdue => tasks.Where(t => (t.CompletedOn == null || t.CompletedOn > asOf) && t.DeadlinePrecision != DeadlinePrecision.Recurring && t.DueRolledOn != null && t.DueRolledOn < asOf),
        _ => tasks.Where(t => (t.CompletedOn == null || t.CompletedOn > asOf) && t.DeadlinePrecision != DeadlinePrecision.Recurring && t.DueRolledOn != null && t.DueRolledOn >= asOf),
    };

    private static IQueryable<TaskItem> Filtered(AppDbContext db, TaskFilter filter)
    {
        var query = db.Tasks.AsNoTracking();
        if (filter.AgencyId is { } agencyId)
        {
            query = filter.LeadOnly
                ? query.Where(t => t.Agencies.Any(a => a.AgencyId == agencyId && a.Role == TaskRoles.Lead))
                : query.Where(t => t.Agencies.Any(a => a.AgencyId == agencyId));
        }

        if (filter.DirectiveId is { } directiveId)
        {
            query = query.Where(t => t.DirectiveId == directiveId);
        }

        if (filter.Directives is { } directives)
        {
            query = query.Where(t => directives.Contains(t.DirectiveId));
        }

        if (filter.LocalityId is { } localityId)
        {
            query = query.Where(t => t.Directive.LocalityUnitId == localityId);
        }

        if (Input.Clean(filter.Text) is { } text)
        {
            var pattern = $"%{text.Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(t => EF.Functions.ILike(t.Text, pattern));
        }

        return query;
    }

    private static IOrderedQueryable<ClassifiedTask> Ordered(IQueryable<ClassifiedTask> matching, TaskOrder order) => order switch
    {
        // PostgreSQL puts nulls (no deadline) last going up, as the deadline index (task_item_due_by_id) reads; going
        // down it would put them first, so they are put last by hand.
        TaskOrder.DueFirst => matching.OrderBy(c => c.Task.DueRolledOn).ThenBy(c => c.Task.Id),
        TaskOrder.DueLast => matching.OrderBy(c => c.Task.DueRolledOn == null).ThenByDescending(c => c.Task.DueRolledOn).ThenByDescending(c => c.Task.Id),
        _ => matching.OrderBy(c => c.Task.DirectiveId).ThenBy(c => c.Task.Id),
    };

    private static async Task<IReadOnlyList<TaskRow>> RowsAsync(AppDbContext db, IQueryable<ClassifiedTask> matching, DateOnly asOf, TaskOrder order, int page, int pageSize, CancellationToken ct)
    {
        var staleAfter = await db.UrgingRules.AsNoTracking().Select(r => r.StaleAfterDays).SingleAsync(ct);
        var loaded = await Ordered(matching, order)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Task.Id,
                c.Task.Text,
                c.Task.DirectiveId,
                Directive = c.Task.Directive.Number ?? c.Task.Directive.Kind + " — " + c.Task.Directive.IssuerName,
                c.Task.Section,
                c.Task.DeadlineText,
                c.Task.DueOn,
                c.Task.DueRolledOn,
                c.Task.DeadlinePrecision,
                c.Task.DeadlineExclusive,
                c.Task.CompletedOn,
                c.Task.OriginalDeadlineText,
                c.Status,
                LastProgressOn = c.Task.ProgressUpdates.Where(p => p.ReportedOn <= asOf).Max(p => (DateOnly?)p.ReportedOn),
                Given = c.Task.Directive.IssuedOn,
                Agencies = c.Task.Agencies.OrderBy(a => a.Ordinal)
                    .Select(a => new
                    {
                        a.Role,
                        Name = a.Agency.ShortName ?? a.Agency.Name,
                        a.Agency.ValidTo,
                        ReceivedFrom = a.ReceivedFrom == null ? null : a.ReceivedFrom.ShortName ?? a.ReceivedFrom.Name,
                    }).ToList(),
            })
            .ToListAsync(ct);

        return [.. loaded.Select(t =>
        {
            var deadline = t.DeadlineText is null ? null : new Deadline(t.DeadlineText, t.DueOn, t.DeadlinePrecision, t.DeadlineExclusive);
            var lead = t.Agencies.FirstOrDefault(a => a.Role == TaskRoles.Lead);
            var done = t.CompletedOn is { } on && on <= asOf ? on : (DateOnly?)null;
            // As the urging rules count it (Core's UrgingRules): quiet since the last progress, or since the directive.
            var quiet = (t.LastProgressOn ?? t.Given) is { } since ? asOf.DayNumber - since.DayNumber : (int?)null;
            return new TaskRow(
                t.Id, t.Text, t.DirectiveId, t.Directive, t.Section,
                lead?.Name,
                [.. t.Agencies.Where(a => a.Role == TaskRoles.CoLead).Select(a => a.Name)],
                [.. t.Agencies.Where(a => a.Role == TaskRoles.Cooperating).Select(a => a.Name)],
                deadline is null ? null : View(deadline, t.DueRolledOn),
                done,
                t.Status.Code(), t.Status.Vietnamese(),
                lead?.ReceivedFrom,
                done is null && lead?.ValidTo is { } end && end < asOf,
                t.OriginalDeadlineText,
                done is null && quiet >= staleAfter ? quiet : null);
        })];
    }

    public static DeadlineView View(Deadline deadline, DateOnly? lastDay) =>
        new(deadline.Text, deadline.Due, deadline.Precision.ToString().ToLowerInvariant(), deadline.Exclusive,
            lastDay is { } last && last != deadline.Due ? last : null);

    /// <summary>
    /// Finds an agency by id or by name / short name as written: its id, or why there is none — not on file, or a
    /// name that several agencies bear (a country has 34 "Sở Xây dựng"), listed so the caller can say which.
    /// The same name for an old body and its successor (before and after the 2025 merger) means the one that exists.
    /// </summary>
    public static async Task<(long? Id, string? Problem)> FindAgencyAsync(AppDbContext db, string? agency, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return (null, null);
        }

        if (long.TryParse(agency, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return await db.Agencies.AnyAsync(a => a.Id == id, ct) ? (id, null) : (null, $"Không có cơ quan mã {id}.");
        }

        var key = VietnameseText.MatchKey(agency);
        var shortName = Input.Clean(agency);
        var matches = await db.Agencies.AsNoTracking()
            .Where(a => (a.NameKey == key || a.ShortName == shortName) && a.MergedIntoId == null)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, Unit = a.AdministrativeUnit == null ? null : a.AdministrativeUnit.Name, a.ValidTo })
            .ToListAsync(ct);
        var existing = matches.Where(m => m.ValidTo is null).ToList();
        var named = existing.Count > 0 ? existing : matches;
        return named.Count switch
        {
            0 => (null, $"Không tìm thấy cơ quan \"{agency}\"."),
            1 => (named[0].Id, null),
            _ => (null, $"\"{agency}\" là tên của {named.Count} cơ quan: "
                + string.Join("; ", named.Take(10).Select(m => $"{m.Name}{(m.Unit is null ? "" : " — " + m.Unit)} (mã {m.Id})"))
                + (named.Count > 10 ? "; …" : string.Empty) + ". Hãy ghi tên đầy đủ hoặc dùng mã."),
        };
    }
}
