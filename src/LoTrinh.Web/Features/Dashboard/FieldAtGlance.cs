using LoTrinh.Core.Projects;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Incidents;
using LoTrinh.Web.Features.Projects;

namespace LoTrinh.Web.Features.Dashboard;

public sealed record CountOf(string Code, string Label, int Count);

/// <summary>Incidents of one kind or one unit: how many are not resolved, and how many of those are past their deadline.</summary>
public sealed record OpenIncidents(string Label, int Open, int Overdue);

/// <summary>The dashboard's field part: key projects by status, incidents open and overdue by kind and by unit.</summary>
public sealed record FieldAtGlance(DateOnly AsOf, int Projects, IReadOnlyList<CountOf> ProjectsByState, IReadOnlyList<ProjectRow> ProjectsLate,
    int IncidentsOpen, int IncidentsOverdue, IReadOnlyList<OpenIncidents> ByKind, IReadOnlyList<OpenIncidents> ByUnit)
{
    public static async Task<FieldAtGlance> LoadAsync(AppDbContext db, DateOnly asOf, CancellationToken ct)
    {
        var projects = await ProjectBook.LoadAsync(db, asOf, ct);
        var open = (await IncidentBook.LoadAsync(db, asOf, new IncidentFilter(Status: "open"), ct)).ToList();
        static IReadOnlyList<OpenIncidents> By(IEnumerable<IncidentRow> rows, Func<IncidentRow, string> key) =>
            [.. rows.GroupBy(key).Select(g => new OpenIncidents(g.Key, g.Count(), g.Count(i => i.IsOverdue))).OrderByDescending(g => g.Overdue).ThenByDescending(g => g.Open).Take(10)];
        return new FieldAtGlance(asOf, projects.Count,
            [.. Enum.GetValues<ScheduleState>().Select(s => new CountOf(s.Code(), s.Vietnamese(), projects.Count(p => p.Status.State == s)))],
            [.. projects.Where(p => p.Status.State is ScheduleState.Behind or ScheduleState.Stalled).OrderByDescending(p => p.DaysBehind).Take(10)],
            open.Count, open.Count(i => i.IsOverdue), By(open, i => i.KindName), By(open, i => i.Locality));
    }
}
