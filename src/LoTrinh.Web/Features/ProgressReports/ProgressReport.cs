using System.Globalization;
using LoTrinh.Core.Reporting;
using LoTrinh.Core.Targets;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Dashboard;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.ProgressReports;

/// <summary>What an agency wrote in its report of the period: a difficulty or a proposal, with the task it is about.</summary>
public sealed record AgencyRemark(string Agency, string Text, string? Task);

/// <summary>The urges of the period about one agency's work (đôn đốc).</summary>
public sealed record AgencyUrges(string Agency, int Count, int Overdue);

/// <summary>
/// The figures of a progress report (báo cáo tình hình thực hiện) on a directive and its cascade, as of a cut-off:
/// every one read the way the dashboard and the task list read it, so the document says what the pages say.
/// </summary>
/// <param name="From">The period's first day; the directive's date when the report runs from the start.</param>
public sealed record ProgressReportData(
    long DirectiveId, string Directive, string DirectiveTitle, DateOnly? From, DateOnly AsOf, int Directives,
    StatusTally Tasks, IReadOnlyList<TallyLine> ByDirective, IReadOnlyList<TallyLine> ByLead,
    IReadOnlyList<TaskRow> Overdue, IReadOnlyList<TaskRow> AllTasks, IReadOnlyList<TargetRow> Targets,
    IReadOnlyList<AgencyRemark> Difficulties, IReadOnlyList<AgencyRemark> Proposals, IReadOnlyList<AgencyUrges> Urges, int AgencyReports)
{
    /// <summary>The period in words, as the report's sentences use it.</summary>
    public string Period => From is { } from
        ? $"từ ngày {Day(from)} đến ngày {Day(AsOf)}"
        : $"đến ngày {Day(AsOf)}";

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")) + "%" : "—";

    public static string Count(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>The value of every inline placeholder of <see cref="Core.Documents.ReportTemplate.ProgressReport"/>.</summary>
    public IReadOnlyDictionary<string, string> Values()
    {
        var behind = new[] { ProgressCategory.NeedsAcceleration, ProgressCategory.LimitedProgress, ProgressCategory.Deteriorating }.Select(c => c.Code()).ToHashSet();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["van_ban"] = Directive,
            ["trich_yeu_van_ban"] = DirectiveTitle,
            ["so_van_ban"] = Count(Directives - 1),
            ["ngay_chot"] = Day(AsOf),
            ["ky_bao_cao"] = Period,
            ["tong_nhiem_vu"] = Count(Tasks.Total),
            ["hoan_thanh"] = Count(Tasks.Rates.Completed),
            ["hoan_thanh_dung_han"] = Count(Tasks.Of(TaskStatusClass.CompletedOnTime)),
            ["hoan_thanh_qua_han"] = Count(Tasks.Of(TaskStatusClass.CompletedLate)),
            ["trong_han"] = Count(Tasks.Of(TaskStatusClass.InProgressWithinDeadline)),
            ["qua_han"] = Count(Tasks.Of(TaskStatusClass.InProgressOverdue)),
            ["thuong_xuyen"] = Count(Tasks.Of(TaskStatusClass.Recurring)),
            ["khong_thoi_han"] = Count(Tasks.Of(TaskStatusClass.NoDeadline)),
            ["ty_le_den_han"] = Tasks.Rates.AmongDuePercent is null ? "— (chưa có nhiệm vụ đến hạn)" : Percent(Tasks.Rates.AmongDuePercent),
            ["ty_le_duoc_giao"] = Percent(Tasks.Rates.AmongAllPercent),
            ["tong_chi_tieu"] = Count(Targets.Count),
            ["chi_tieu_dat"] = Count(Targets.Count(t => t.Progress == ProgressCategory.Achieved.Code())),
            ["chi_tieu_cham"] = Count(Targets.Count(t => behind.Contains(t.Progress))),
            ["so_lan_don_doc"] = Count(Urges.Sum(u => u.Count)),
            ["so_bao_cao_co_quan"] = Count(AgencyReports),
        };
    }
}

public static class ProgressReport
{
    /// <summary>
    /// The most tasks one report lists in its annex: a programme's cascade (a province's: hundreds). A report over the
    /// whole country is the dashboard's and the exports' work, not a document's.
    /// </summary>
    public const int MaxTasks = 5_000;

    /// <summary>
    /// The report's figures, in the viewer's scope; null when the directive is not in it. The caller has checked the
    /// dates (<see cref="DateProblem"/>) and the size (<see cref="CountTasksAsync"/>).
    /// </summary>
    public static async Task<ProgressReportData> LoadAsync(
        AppDbContext db, IServiceScopeFactory scopes, long id, HashSet<long> cascade, DateOnly? from, DateOnly asOf, CancellationToken ct)
    {
        var root = await db.Directives.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Number, d.Kind, d.IssuerName, d.Title }).SingleAsync(ct);
        // As a report cites it: "Chương trình hành động số 29-CTr/TU"; one without a number by its kind and issuer.
        var name = root.Number is null ? $"{root.Kind} của {root.IssuerName}" : $"{root.Kind} số {root.Number}";
        var view = await ProgrammeDashboard.LoadAsync(db, scopes, asOf, ct, cascade, listed: int.MaxValue);
        var filter = new TaskFilter(asOf, Directives: cascade);
        var overdue = await TaskBoard.PageAsync(db, filter with { Status = TaskStatusClass.InProgressOverdue, Sort = TaskOrder.DueFirst }, 1, MaxTasks, ct);
        var all = await TaskBoard.PageAsync(db, filter, 1, MaxTasks, ct);
        var targets = await TargetStatus.QueryAsync(db, TargetStatus.InForce(db).Where(t => cascade.Contains(t.DirectiveId)), asOf, ct);

        // What the agencies reported for the periods that ended within this one (submitted or approved, not drafts).
        var first = from ?? DateOnly.MinValue;
        var lines = await db.AgencyReportLines.AsNoTracking()
            .Where(l => cascade.Contains(l.Task.DirectiveId)
                && db.AgencyReports.Any(r => r.Id == l.ReportId && r.State != ReportState.Draft && r.Period.WindowTo >= first && r.Period.WindowTo <= asOf)
                && (l.Difficulties != null || l.Proposals != null))
            .OrderBy(l => l.ReportId).ThenBy(l => l.TaskId)
            .Select(l => new
            {
                Agency = db.AgencyReports.Where(r => r.Id == l.ReportId).Select(r => r.Agency.ShortName ?? r.Agency.Name).First(),
                Task = l.Task.Text,
                l.Difficulties,
                l.Proposals,
            }).ToListAsync(ct);
        var reports = await db.AgencyReports.AsNoTracking()
            .CountAsync(r => r.State != ReportState.Draft && r.Period.WindowTo >= first && r.Period.WindowTo <= asOf && cascade.Contains(r.Period.Regime.DirectiveId), ct);

        // The urges of the period about the cascade's tasks and reports, by the agency urged.
        var urges = await db.Urgings.AsNoTracking()
            .Where(u => u.Day >= first && u.Day <= asOf && u.AgencyId != null
                && ((u.TaskId != null && cascade.Contains(u.Task!.DirectiveId)) || (u.ReportId != null && cascade.Contains(u.Report!.Period.Regime.DirectiveId))))
            .GroupBy(u => u.Agency!.ShortName ?? u.Agency.Name)
            .Select(g => new AgencyUrges(g.Key, g.Count(), g.Count(u => u.Kind == Core.Urging.UrgeKind.Overdue)))
            .ToListAsync(ct);

        return new ProgressReportData(
            id, name, root.Title, from, asOf, cascade.Count, view.Tasks, view.Directives, view.Agencies,
            overdue.Rows, all.Rows, targets,
            Remarks(lines.Select(l => (l.Agency, l.Difficulties, l.Task))), Remarks(lines.Select(l => (l.Agency, l.Proposals, l.Task))),
            [.. urges.OrderByDescending(u => u.Count).ThenBy(u => u.Agency, StringComparer.Ordinal)], reports);
    }

    // The same words from the same agency once (a difficulty repeats across tasks and periods).
    private static List<AgencyRemark> Remarks(IEnumerable<(string Agency, string? Text, string Task)> lines) =>
        [.. lines.Where(l => !string.IsNullOrWhiteSpace(l.Text))
            .GroupBy(l => (l.Agency, Text: l.Text!.Trim()))
            .Select(g => new AgencyRemark(g.Key.Agency, g.Key.Text, g.Count() == 1 ? g.Single().Task : null))];

    /// <summary>Why a report cannot be made for these dates, in words; null when it can.</summary>
    public static string? DateProblem(DateOnly? issuedOn, DateOnly? from, DateOnly asOf, DateOnly today) =>
        asOf > today ? $"Ngày chốt số liệu {ProgressReportData.Day(asOf)} chưa đến (hôm nay là {ProgressReportData.Day(today)})."
        : issuedOn is { } issued && asOf < issued ? $"Ngày chốt số liệu {ProgressReportData.Day(asOf)} trước ngày ban hành văn bản ({ProgressReportData.Day(issued)})."
        : from is { } f && f > asOf ? $"Kỳ báo cáo bắt đầu ({ProgressReportData.Day(f)}) sau ngày chốt số liệu ({ProgressReportData.Day(asOf)})."
        : null;

    public static Task<int> CountTasksAsync(AppDbContext db, HashSet<long> cascade, CancellationToken ct) =>
        db.Tasks.AsNoTracking().CountAsync(t => cascade.Contains(t.DirectiveId), ct);
}
