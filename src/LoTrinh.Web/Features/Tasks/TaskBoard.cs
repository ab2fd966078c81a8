using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Tasks;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Tasks;

public sealed record DeadlineView(string Text, DateOnly? Due, string Precision, bool Exclusive);

/// <param name="LeadReceivedFrom">The dissolved agency the lead took the task over from (nhận từ …).</param>
/// <param name="LeadDissolved">The lead no longer exists and no successor took the task yet: it must be given again.</param>
/// <param name="OriginalDeadline">The deadline first set, when it was adjusted since.</param>
public sealed record TaskRow(
    long Id, string Text, long DirectiveId, string Directive, string? Section,
    string? Lead, IReadOnlyList<string> CoLeads, IReadOnlyList<string> Cooperating,
    DeadlineView? Deadline, DateOnly? CompletedOn, string Status, string StatusLabel,
    string? LeadReceivedFrom = null, bool LeadDissolved = false, string? OriginalDeadline = null);

public sealed record TaskFilter(DateOnly AsOf, TaskStatusClass? Status = null, long? AgencyId = null, long? DirectiveId = null, string? Text = null);

public sealed record TaskPage(IReadOnlyList<TaskRow> Rows, int Total, IReadOnlyDictionary<TaskStatusClass, int> CountByStatus, CompletionRates Rates);

/// <summary>The task list as of a date: filters in SQL, status by Core's rules, both for the page and the API.</summary>
public static class TaskBoard
{
    public static async Task<TaskPage> QueryAsync(AppDbContext db, TaskFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Tasks.AsNoTracking();
        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(t => t.Agencies.Any(a => a.AgencyId == agencyId));
        }

        if (filter.DirectiveId is { } directiveId)
        {
            query = query.Where(t => t.DirectiveId == directiveId);
        }

        if (Input.Clean(filter.Text) is { } text)
        {
            var pattern = $"%{text.Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(t => EF.Functions.ILike(t.Text, pattern));
        }

        var loaded = await query
            .OrderBy(t => t.DirectiveId).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.Id,
                t.Text,
                t.DirectiveId,
                Directive = t.Directive.Number ?? t.Directive.Kind + " — " + t.Directive.IssuerName,
                t.Section,
                t.DeadlineText,
                t.DueOn,
                t.DeadlinePrecision,
                t.DeadlineExclusive,
                t.CompletedOn,
                t.OriginalDeadlineText,
                Agencies = t.Agencies.OrderBy(a => a.Ordinal)
                    .Select(a => new
                    {
                        a.Role,
                        Name = a.Agency.ShortName ?? a.Agency.Name,
                        a.Agency.ValidTo,
                        ReceivedFrom = a.ReceivedFrom == null ? null : a.ReceivedFrom.ShortName ?? a.ReceivedFrom.Name,
                    }).ToList(),
            })
            .ToListAsync(ct);

        var rows = loaded.Select(t =>
        {
            var deadline = t.DeadlineText is null ? null : new Deadline(t.DeadlineText, t.DueOn, t.DeadlinePrecision, t.DeadlineExclusive);
            var status = TaskStatusRules.Classify(deadline, t.CompletedOn, filter.AsOf);
            var lead = t.Agencies.FirstOrDefault(a => a.Role == TaskRoles.Lead);
            var done = t.CompletedOn is { } on && on <= filter.AsOf ? on : (DateOnly?)null;
            return (Status: status, Row: new TaskRow(
                t.Id, t.Text, t.DirectiveId, t.Directive, t.Section,
                lead?.Name,
                [.. t.Agencies.Where(a => a.Role == TaskRoles.CoLead).Select(a => a.Name)],
                [.. t.Agencies.Where(a => a.Role == TaskRoles.Cooperating).Select(a => a.Name)],
                deadline is null ? null : View(deadline),
                done,
                status.Code(), status.Vietnamese(),
                lead?.ReceivedFrom,
                done is null && lead?.ValidTo is { } end && end < filter.AsOf,
                t.OriginalDeadlineText));
        }).ToList();

        var counts = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var rates = TaskStatusRules.Rates(rows.Select(r => r.Status));
        var matching = filter.Status is { } wanted ? rows.Where(r => r.Status == wanted).ToList() : rows;
        return new TaskPage(
            [.. matching.Skip((page - 1) * pageSize).Take(pageSize).Select(r => r.Row)],
            matching.Count, counts, rates);
    }

    public static DeadlineView View(Deadline deadline) =>
        new(deadline.Text, deadline.Due, deadline.Precision.ToString().ToLowerInvariant(), deadline.Exclusive);

    /// <summary>Finds an agency by id or by name / short name as written.</summary>
    public static async Task<long?> FindAgencyAsync(AppDbContext db, string? agency, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return null;
        }

        if (long.TryParse(agency, out var id))
        {
            return await db.Agencies.AnyAsync(a => a.Id == id, ct) ? id : -1;
        }

        var key = VietnameseText.MatchKey(agency);
        var shortName = Input.Clean(agency);
        // The same name can stand for an old body and its successor (Sở Xây dựng of the province before and after
        // the 2025 merger): a name means the one that exists now.
        var found = await db.Agencies.Where(a => a.NameKey == key || a.ShortName == shortName)
            .OrderBy(a => a.MergedIntoId != null).ThenBy(a => a.ValidTo != null).ThenByDescending(a => a.Id)
            .Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        return found ?? -1;
    }
}
