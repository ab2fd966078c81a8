using LoTrinh.Core.Projects;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Projects;

/// <summary>Where a project is drawn: its own point, its unit's seat (approximate), or nowhere yet (listed by its unit).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Placement>))]
public enum Placement
{
    Point,
    UnitSeat,
    NotPlaced,
}

/// <summary>A linked task as the project shows it.</summary>
public sealed record LinkedTask(long Id, string Text, string Directive, string Status, string StatusName, DateOnly? DueOn);

/// <summary>A project as of a date: its schedule state, disbursement against plan and linked tasks.</summary>
/// <param name="Locality">Its unit today, else the unit the directive named (with "(cũ)"), else "chưa rõ".</param>
/// <param name="DisbursementRate">Disbursed over planned, over every year reported; null when nothing was planned.</param>
/// <param name="LateMilestone">The earliest milestone not reached by the date (a milestone code), when one is late.</param>
public sealed record ProjectRow(
    long Id, string Name, string Kind, string KindName, string Locality, long? UnitId, long? FormerUnitId,
    decimal? Latitude, decimal? Longitude, Placement Placement, [property: System.Text.Json.Serialization.JsonIgnore] ScheduleStatus Status,
    string StatusCode, string StatusText, string? LateMilestone, int DaysBehind, int? DaysQuiet,
    decimal PlannedVnd, decimal DisbursedVnd, decimal? DisbursementRate, decimal? TotalInvestmentVnd, string? Investor, string? Decision,
    int TasksLinked, int TasksOverdue, bool Published, uint Version);

/// <summary>The register read as of a date: the list, the map and the dashboard read the same rows.</summary>
public static class ProjectBook
{
    public static async Task<IReadOnlyList<ProjectRow>> LoadAsync(AppDbContext db, DateOnly asOf, CancellationToken ct, long? id = null)
    {
        var query = db.KeyProjects.AsNoTracking().Include(p => p.AdministrativeUnit).Include(p => p.FormerUnit)
            .Include(p => p.Milestones).Include(p => p.Disbursements).Include(p => p.Tasks).AsSplitQuery();
        var projects = await (id is { } one ? query.Where(p => p.Id == one) : query).OrderBy(p => p.Name).ToListAsync(ct);
        var taskIds = projects.SelectMany(p => p.Tasks).Select(t => t.Id).Distinct().ToList();
        // A report on a linked task, or its completion, is progress of the project (the stalled rule reads it).
        var lastReport = await db.ProgressUpdates.Where(u => taskIds.Contains(u.TaskId) && u.ReportedOn <= asOf)
            .GroupBy(u => u.TaskId).Select(g => new { g.Key, Last = g.Max(u => u.ReportedOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        return [.. projects.Select(p => Row(p, asOf, lastReport))];
    }

    public static ProjectRow Row(KeyProject p, DateOnly asOf, IReadOnlyDictionary<long, DateOnly> lastReport)
    {
        var progress = p.Tasks.Select(t => lastReport.TryGetValue(t.Id, out var d) ? d : (DateOnly?)null)
            .Concat(p.Tasks.Select(t => t.CompletedOn)).Concat(p.Disbursements.Select(d => (DateOnly?)d.ReportedOn))
            .Where(d => d is { } day && day <= asOf).Max();
        var status = ProjectSchedule.Assess([.. p.Milestones.Select(m => m.Rule())], progress, asOf);
        var reported = p.Disbursements.Where(d => d.ReportedOn <= asOf).ToList();
        var (planned, disbursed) = (reported.Sum(d => d.PlannedVnd), reported.Sum(d => d.DisbursedVnd));
        var seat = p.AdministrativeUnit is { SeatLatitude: not null } u ? u : p.FormerUnit is { SeatLatitude: not null } f ? f : null;
        var (lat, lng, placement) = p.Latitude is not null ? (p.Latitude, p.Longitude, Placement.Point)
            : seat is not null ? (seat.SeatLatitude, seat.SeatLongitude, Placement.UnitSeat)
            : (null, null, Placement.NotPlaced);
        var locality = p.AdministrativeUnit?.Name ?? (p.FormerUnit is { } former ? former.Name + " (cũ)" : "chưa rõ");
        return new ProjectRow(p.Id, p.Name, p.Kind, ProjectNames.KindName(p.Kind), locality, p.AdministrativeUnitId, p.FormerUnitId,
            lat, lng, placement, status, status.State.Code(), status.Describe(), status.Late?.Code(), status.DaysBehind, status.DaysQuiet, planned, disbursed, ProjectSchedule.DisbursementRate(planned, disbursed),
            p.TotalInvestmentVnd, p.Investor, p.Decision, p.Tasks.Count, p.Tasks.Count(t => t.StatusOn(asOf) == TaskStatusClass.InProgressOverdue),
            p.Published, p.Version);
    }

    /// <summary>The tasks linked to a project, with their status as of the date.</summary>
    public static async Task<IReadOnlyList<LinkedTask>> TasksAsync(AppDbContext db, long projectId, DateOnly asOf, CancellationToken ct)
    {
        var tasks = await db.KeyProjects.Where(p => p.Id == projectId).SelectMany(p => p.Tasks).Include(t => t.Directive).AsNoTracking().ToListAsync(ct);
        return [.. tasks.OrderBy(t => t.Id).Select(t =>
        {
            var status = t.StatusOn(asOf);
            return new LinkedTask(t.Id, t.Text, t.Directive.DisplayName, status.Code(), status.Vietnamese(), t.DueOn);
        })];
    }
}
