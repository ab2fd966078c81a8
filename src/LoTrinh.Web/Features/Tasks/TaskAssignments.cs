using LoTrinh.Core.Agencies;
using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Tasks;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Tasks;

/// <summary>
/// One act of assignment for many tasks: a lead (on file, or a new agency made here), cooperating agencies,
/// a deadline as written, and the decision that assigns them (number, date) with a reason.
/// </summary>
public sealed record AssignmentInput(
    IReadOnlyList<long>? Tasks, long? Lead, IReadOnlyList<long>? Cooperating, string? Deadline,
    string? DocumentNumber, string? DocumentDate, string? Reason, NewAgencyInput? NewAgency);

/// <summary>An agency that is not on file yet, made by the same act: its name, kind and unit (code).</summary>
public sealed record NewAgencyInput(string? Name, string? Kind, string? UnitCode);

/// <summary>A task that needs assigning, and why.</summary>
public sealed record UnassignedTask(
    long Id, string Text, long DirectiveId, string Directive, string? Section, string? Lead, string? Deadline,
    bool LacksLead, bool LacksDeadline, bool LeadDissolved);

/// <summary>
/// Phân công. Directives are written "Các sở, ban, ngành…", with no date; the secretariat then names a lead and
/// a deadline. This lists the open tasks that lack either (or whose lead no longer exists) and assigns many at
/// once, in one save, with the decision cited; each task's history shows it. Shared by the page and the API.
/// </summary>
public static class TaskAssignments
{
    public const int MaxTasksPerAct = 500;

    /// <summary>How many tasks one page lists; filters narrow a longer list.</summary>
    public const int MaxListed = 500;

    /// <summary>Open tasks with no lead body, no deadline, or a lead that no longer exists — in SQL, so it can be counted.</summary>
    private static IQueryable<TaskItem> Needing(AppDbContext db, long? directiveId, string? section, DateOnly today)
    {
        var query = db.Tasks.AsNoTracking().Where(t => t.CompletedOn == null
            && (!t.Agencies.Any(a => a.Role == TaskRoles.Lead && a.Agency.Kind != AgencyKinds.Group && a.Agency.Kind != AgencyKinds.Person)
                || t.DeadlineText == null || t.DeadlinePrecision == DeadlinePrecision.None
                || t.Agencies.Any(a => a.Role == TaskRoles.Lead && a.Agency.ValidTo < today)));
        if (directiveId is { } d)
        {
            query = query.Where(t => t.DirectiveId == d);
        }

        if (Input.Clean(section) is { } s)
        {
            query = query.Where(t => t.Section != null && (t.Section == s || t.Section.StartsWith(s + ".")));
        }

        return query;
    }

    /// <param name="upTo">Stop counting past this many (the home page says "more than"): the count of a country is a
    /// scan of every open task, the first few hundred are found at once.</param>
    public static Task<int> CountNeedingAsync(AppDbContext db, long? directiveId, string? section, DateOnly today, CancellationToken ct, int? upTo = null) =>
        upTo is { } most
            ? Needing(db, directiveId, section, today).Take(most + 1).CountAsync(ct)
            : Needing(db, directiveId, section, today).CountAsync(ct);

    /// <summary>The first <see cref="MaxListed"/> tasks that need assigning, in the order of their directives.</summary>
    public static async Task<IReadOnlyList<UnassignedTask>> NeedingAsync(AppDbContext db, long? directiveId, string? section, DateOnly today, CancellationToken ct)
    {
        var rows = await Needing(db, directiveId, section, today)
            .OrderBy(t => t.DirectiveId).ThenBy(t => t.Id).Take(MaxListed)
            .Select(t => new
            {
                t.Id,
                t.Text,
                t.DirectiveId,
                Directive = t.Directive.Number ?? t.Directive.Kind + " — " + t.Directive.IssuerName,
                t.Section,
                t.DeadlineText,
                t.DeadlinePrecision,
                Lead = t.Agencies.Where(a => a.Role == TaskRoles.Lead).Select(a => new { a.Agency.Name, a.Agency.Kind, a.Agency.ValidTo }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(t => new UnassignedTask(t.Id, t.Text, t.DirectiveId, t.Directive, t.Section, t.Lead?.Name, t.DeadlineText,
            LacksLead: t.Lead is null || !AgencyKinds.IsBody(t.Lead.Kind),
            LacksDeadline: t.DeadlineText is null || t.DeadlinePrecision == DeadlinePrecision.None,
            LeadDissolved: t.Lead?.ValidTo is { } end && end < today))];
    }

    /// <summary>Assigns every listed task, or none: the problems beside their fields, nothing written.</summary>
    public static async Task<(int Assigned, InputErrors Errors)> AssignAsync(AppDbContext db, AssignmentInput input, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new InputErrors();
        var ids = (input.Tasks ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            errors.Add("tasks", "Chọn ít nhất một nhiệm vụ.");
        }
        else if (ids.Count > MaxTasksPerAct)
        {
            errors.Add("tasks", $"Một lần phân công tối đa {MaxTasksPerAct} nhiệm vụ.");
        }

        var tasks = await db.Tasks.Include(t => t.Agencies).Include(t => t.Directive).Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (tasks.Count != ids.Count)
        {
            errors.Add("tasks", $"Không tìm thấy nhiệm vụ: {string.Join(", ", ids.Except(tasks.Select(t => t.Id)).Take(10))}.");
        }

        var lead = await LeadAsync(db, input, errors, today, ct);
        var cooperating = await db.Agencies.Where(a => (input.Cooperating ?? Array.Empty<long>()).Contains(a.Id)).ToListAsync(ct);
        if (cooperating.Count != (input.Cooperating ?? []).Distinct().Count())
        {
            errors.Add("cooperating", "Có cơ quan phối hợp không tìm thấy.");
        }

        Deadline? deadline = null;
        if (Input.Clean(input.Deadline) is { } written)
        {
            var parsed = DeadlineParser.Parse(written, today.Year);
            if (parsed.Error is { } problem)
            {
                errors.Add("deadline", problem);
            }

            deadline = parsed.Deadline;
        }

        var documentDate = errors.Date("documentDate", input.DocumentDate);
        var documentNumber = Input.Clean(input.DocumentNumber);
        var reason = Input.Clean(input.Reason);
        if (lead is null && deadline is null && cooperating.Count == 0 && !errors.Any)
        {
            errors.Add("lead", "Chọn cơ quan chủ trì, cơ quan phối hợp hoặc thời hạn để giao.");
        }

        var assignedLead = lead is null ? null : new AssignedAgency(lead.Name, lead.Kind, lead.ValidTo);
        // The same problem of the lead stands for every task; said once.
        var problems = new List<(string Field, string Message)>();
        foreach (var task in tasks)
        {
            problems.AddRange(Assignment.Problems(assignedLead, deadline, task.Deadline, reason, today)
                .Select(p => p.Field == "reason" ? (p.Field, $"Nhiệm vụ #{task.Id}: {p.Message}") : p));
        }

        foreach (var (field, message) in problems.Distinct())
        {
            errors.Add(field, message);
        }

        foreach (var agency in cooperating.Where(a => a.IsDissolvedOn(deadline?.Due ?? today)))
        {
            errors.Add("cooperating", $"{agency.Name} không còn từ {agency.ValidTo!.Value.AddDays(1):dd/MM/yyyy}.");
        }

        if (errors.Any)
        {
            return (0, errors);
        }

        var by = db.Viewer.UserId;
        foreach (var task in tasks)
        {
            if (lead is not null)
            {
                Give(task, lead, TaskRoles.Lead);
            }

            foreach (var agency in cooperating.Where(a => a != lead))
            {
                Give(task, agency, TaskRoles.Cooperating);
            }

            var before = task.Deadline;
            if (deadline is not null)
            {
                task.AdjustDeadline(deadline);
            }

            db.TaskAssignments.Add(new TaskAssignment
            {
                TaskId = task.Id,
                LeadAgency = lead,
                CooperatingAgencyIds = [.. cooperating.Select(a => a.Id)],
                DeadlineText = deadline?.Text,
                DueOn = deadline?.Due,
                PreviousDeadlineText = Assignment.IsChange(before, deadline) ? before!.Text : null,
                DocumentNumber = documentNumber,
                DocumentDate = documentDate,
                Reason = reason,
                AssignedBy = by,
            });
        }

        await db.SaveChangesAsync(ct);
        return (tasks.Count, errors);
    }

    /// <summary>The lead on file, or the new agency the form describes (added, not yet saved); null when none is given.</summary>
    private static async Task<Agency?> LeadAsync(AppDbContext db, AssignmentInput input, InputErrors errors, DateOnly today, CancellationToken ct)
    {
        if (input.NewAgency is { } created && Input.Clean(created.Name) is { } name)
        {
            var kind = Input.Clean(created.Kind) ?? AgencyKinds.Infer(name);
            if (!AgencyKinds.All.Contains(kind))
            {
                errors.Add("newAgency.kind", $"Loại cơ quan phải là một trong: {string.Join(", ", AgencyKinds.All)}.");
            }

            long? unitId = null;
            if (Input.Clean(created.UnitCode) is { } code)
            {
                unitId = await UnitsApi.ResolveAsync(db, code, today, ct);
                if (unitId is null)
                {
                    errors.Add("newAgency.unitCode", $"Không có đơn vị hành chính mã {code} vào {today:dd/MM/yyyy}.");
                }
            }

            var key = VietnameseText.MatchKey(name);
            if (await db.Agencies.AnyAsync(a => a.NameKey == key && a.AdministrativeUnitId == unitId, ct))
            {
                errors.Add("newAgency.name", $"Đã có cơ quan \"{name}\" ở đơn vị này; hãy chọn nó trong danh sách.");
            }

            var agency = new Agency { Name = name, NameKey = key, Kind = kind, AdministrativeUnitId = unitId };
            db.Agencies.Add(agency);
            return agency;
        }

        if (input.Lead is not { } id)
        {
            return null;
        }

        var found = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (found is null)
        {
            errors.Add("lead", "Không có cơ quan này.");
        }

        return found;
    }

    /// <summary>Gives the agency its role in the task; a new lead takes the place of the old one, who stays as cooperating.</summary>
    private static void Give(TaskItem task, Agency agency, string role)
    {
        var existing = task.Agencies.FirstOrDefault(a => a.AgencyId == agency.Id && agency.Id != 0);
        if (role == TaskRoles.Lead)
        {
            foreach (var old in task.Agencies.Where(a => a.Role == TaskRoles.Lead && a != existing))
            {
                old.Role = TaskRoles.Cooperating;
            }
        }

        if (existing is not null)
        {
            existing.Role = role == TaskRoles.Lead ? role : existing.Role;
            return;
        }

        task.Agencies.Add(new TaskAgency { Agency = agency, Role = role, Ordinal = role == TaskRoles.Lead ? 0 : task.Agencies.Count + 1 });
    }
}
