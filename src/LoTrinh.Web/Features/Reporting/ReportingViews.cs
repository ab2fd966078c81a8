using LoTrinh.Core.Accounts;
using LoTrinh.Core.Reporting;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Reporting;

public sealed record RegimeView(
    long Id, string Name, string Kind, string? Frequency, string CutOff, string Deadline, long DirectiveId, string Directive,
    string Recipient, DateOnly InForceFrom, IReadOnlyList<string> Indicators, IReadOnlyList<PeriodSummary> Periods);

/// <summary>A period at a glance: how many agencies must report, have sent, on time, late, approved.</summary>
public sealed record PeriodSummary(
    long Id, long RegimeId, string Regime, string Label, DateOnly WindowFrom, DateOnly WindowTo, DateOnly DueOn, bool Closed,
    int Expected, int Submitted, int OnTime, int Late, int Approved)
{
    /// <summary>Tỷ lệ đầy đủ: reports sent of those due.</summary>
    public double? Completeness => Expected == 0 ? null : (double)Submitted / Expected;

    /// <summary>Tỷ lệ đúng hạn: reports sent on time of those sent.</summary>
    public double? Timeliness => Submitted == 0 ? null : (double)OnTime / Submitted;
}

/// <summary>One agency's report in a period's review.</summary>
public sealed record ReportSummary(
    long Id, long AgencyId, string Agency, string State, string StateLabel, DateTimeOffset? SubmittedAt, int? WorkingDaysLate, int TimesReturned,
    DateTimeOffset? ApprovedAt, int Lines, string Regime, string PeriodLabel, DateOnly DueOn, long PeriodId);

public sealed record PeriodReview(PeriodSummary Period, string? Recipient, IReadOnlyList<ReportSummary> Reports);

/// <summary>A cooperating agency's part of a task, shown beside the lead's line.</summary>
public sealed record PartView(string Agency, string State, string Claimed, int? Percent, string? Progress, string? Difficulties);

public sealed record LineView(
    long TaskId, string Text, string? Section, string Role, string? Deadline, string Claimed, int? Percent, DateOnly? CompletedOn,
    string? Progress, string? Difficulties, string? Proposals, IReadOnlyList<PartView> Parts);

/// <summary>An indicator's value for a locality in a report, with the unit of measure it is checked against.</summary>
public sealed record ValueView(long IndicatorId, string Indicator, string Measure, long UnitId, string UnitCode, string Unit, decimal? Value, string? Note);

public sealed record EvidenceView(long Id, long? TaskId, string FileName, string Kind, int SizeBytes, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record ReportEventView(string Action, string ActionLabel, string? Comment, string Actor, DateTimeOffset At);

/// <summary>An agency's report as its form shows it, with what the viewer may do and, when it cannot be edited, why.</summary>
public sealed record ReportView(
    long Id, uint Version, long PeriodId, string Period, string Regime, string Recipient, DateOnly WindowFrom, DateOnly WindowTo, DateOnly DueOn,
    long AgencyId, string Agency, string State, string StateLabel, string? Summary, DateTimeOffset? SubmittedAt, int? WorkingDaysLate,
    int TimesReturned, DateTimeOffset? ApprovedAt, bool PeriodClosed, string? Locked, bool CanEdit, bool CanSubmit, bool CanReview,
    IReadOnlyList<LineView> Lines, IReadOnlyList<ReportEventView> Events, IReadOnlyList<EvidenceView> Files, IReadOnlyList<ValueView> Values);

public static class ReportingViews
{
    public static async Task<IReadOnlyList<RegimeView>> RegimesAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regimes = await db.ReportingRegimes.AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => new
            {
                Regime = r,
                Directive = r.Directive.Number ?? r.Directive.Kind,
                Indicators = db.Indicators.Where(i => r.Indicators.Any(x => x.IndicatorId == i.Id)).OrderBy(i => i.Name).Select(i => i.Name).ToList(),
            }).ToListAsync(ct);
        var periods = await PeriodsAsync(db, db.ReportPeriods.Where(p => regimes.Select(r => r.Regime.Id).Contains(p.RegimeId)), ct);
        return [.. regimes.Select(r => new RegimeView(
            r.Regime.Id, r.Regime.Name, ReportingCycle.SnakeCase(r.Regime.Kind), r.Regime.Frequency is { } f ? ReportingCycle.SnakeCase(f) : null,
            ReportingCycle.SnakeCase(r.Regime.CutOff), DeadlineText(r.Regime), r.Regime.DirectiveId, r.Directive, r.Regime.Recipient, r.Regime.InForceFrom, r.Indicators,
            [.. periods.Where(p => p.RegimeId == r.Regime.Id).OrderByDescending(p => p.WindowFrom)]))];
    }

    public static string DeadlineText(ReportingRegime regime)
    {
        ArgumentNullException.ThrowIfNull(regime);
        return regime.Kind != RegimeKind.Periodic ? "theo yêu cầu"
            : regime.DeadlineRule == DeadlineRule.DayOfLastMonth ? $"ngày {regime.DeadlineValue} tháng cuối kỳ"
            : $"{regime.DeadlineValue} ngày làm việc sau ngày chốt số liệu";
    }

    private static async Task<List<PeriodSummary>> PeriodsAsync(AppDbContext db, IQueryable<ReportPeriod> periods, CancellationToken ct) =>
        await periods.AsNoTracking().Select(p => new PeriodSummary(
            p.Id, p.RegimeId, p.Regime.Name, p.Label, p.WindowFrom, p.WindowTo, p.DueOn, p.ClosedAt != null,
            p.Reports.Count,
            p.Reports.Count(r => r.SubmittedAt != null),
            p.Reports.Count(r => r.SubmittedAt != null && r.WorkingDaysLate == 0),
            p.Reports.Count(r => r.SubmittedAt != null && r.WorkingDaysLate > 0),
            p.Reports.Count(r => r.State == ReportState.Approved))).ToListAsync(ct);

    public static async Task<PeriodReview?> ReviewAsync(AppDbContext db, long periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var summary = (await PeriodsAsync(db, db.ReportPeriods.Where(p => p.Id == periodId), ct)).FirstOrDefault();
        if (summary is null)
        {
            return null;
        }

        var recipient = await db.ReportPeriods.Where(p => p.Id == periodId).Select(p => p.Regime.Recipient).FirstAsync(ct);
        var reports = await ReportsAsync(db.AgencyReports.Where(r => r.PeriodId == periodId), ct);
        return new PeriodReview(summary, recipient, reports);
    }

    /// <summary>The reports of a query, latest due first and, within a period, the ones waiting for review first.</summary>
    public static async Task<IReadOnlyList<ReportSummary>> ReportsAsync(IQueryable<AgencyReport> reports, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var rows = await reports.AsNoTracking()
            .OrderByDescending(r => r.Period.DueOn).ThenBy(r => r.State == ReportState.Submitted ? 0 : r.State == ReportState.Draft ? 1 : 2).ThenBy(r => r.Agency.Name)
            .Select(r => new
            {
                r.Id,
                r.AgencyId,
                Agency = r.Agency.Name,
                r.State,
                r.SubmittedAt,
                r.WorkingDaysLate,
                r.TimesReturned,
                r.ApprovedAt,
                Lines = r.Lines.Count,
                Regime = r.Period.Regime.Name,
                Period = r.Period.Label,
                r.Period.DueOn,
                r.PeriodId,
            })
            .Take(2000).ToListAsync(ct);
        return [.. rows.Select(r => new ReportSummary(r.Id, r.AgencyId, r.Agency, ReportingCycle.SnakeCase(r.State), r.State.Vietnamese(), r.SubmittedAt,
            r.WorkingDaysLate, r.TimesReturned, r.ApprovedAt, r.Lines, r.Regime, r.Period, r.DueOn, r.PeriodId))];
    }

    public static async Task<ReportView?> ReportAsync(AppDbContext db, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var report = await db.AgencyReports.AsNoTracking().Include(r => r.Period).ThenInclude(p => p.Regime).Include(r => r.Agency)
            .Include(r => r.Lines).ThenInclude(l => l.Task).Include(r => r.Events).Include(r => r.Files)
            .Include(r => r.Values).ThenInclude(v => v.Indicator).Include(r => r.Values).ThenInclude(v => v.AdministrativeUnit)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        // The cooperating agencies' parts of the tasks this agency leads, from their reports of the same period.
        var led = report.Lines.Where(l => l.Role is TaskRoles.Lead or TaskRoles.CoLead).Select(l => l.TaskId).ToList();
        var parts = await db.AgencyReportLines.AsNoTracking()
            .Where(l => led.Contains(l.TaskId) && l.ReportId != report.Id)
            .Join(db.AgencyReports.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(r => r.PeriodId == report.PeriodId), l => l.ReportId, r => r.Id,
                (l, r) => new { l.TaskId, Agency = r.Agency.Name, r.State, l.Claimed, l.Percent, l.Progress, l.Difficulties })
            .ToListAsync(ct);

        var viewer = db.Viewer;
        var locked = ReportRules.WhyLocked(report.State, report.Period.ClosedAt is not null);
        var mayWork = ReportingCycle.MayWork(viewer, report);
        return new ReportView(
            report.Id, report.Version, report.PeriodId, report.Period.Label, report.Period.Regime.Name, report.Period.Regime.Recipient,
            report.Period.WindowFrom, report.Period.WindowTo, report.Period.DueOn, report.AgencyId, report.Agency.Name,
            ReportingCycle.SnakeCase(report.State), report.State.Vietnamese(), report.Summary, report.SubmittedAt, report.WorkingDaysLate,
            report.TimesReturned, report.ApprovedAt, report.Period.ClosedAt is not null, locked,
            CanEdit: locked is null && mayWork,
            CanSubmit: locked is null && mayWork && viewer.Can(Permission.SubmitReport),
            CanReview: viewer.Can(Permission.ApproveReport),
            [.. report.Lines.OrderBy(l => l.Role == TaskRoles.Cooperating).ThenBy(l => l.Task.Section).ThenBy(l => l.TaskId).Select(l => new LineView(
                l.TaskId, l.Task.Text, l.Task.Section, l.Role, l.Task.DeadlineText, l.Claimed.Code(), l.Percent, l.CompletedOn, l.Progress, l.Difficulties, l.Proposals,
                [.. parts.Where(p => p.TaskId == l.TaskId).Select(p => new PartView(p.Agency, p.State.Vietnamese(), p.Claimed.Vietnamese(), p.Percent, p.Progress, p.Difficulties))]))],
            [.. report.Events.OrderBy(e => e.Id).Select(e => new ReportEventView(e.Action, ActionLabel(e.Action), e.Comment, e.ActorName, e.At))],
            [.. report.Files.OrderBy(f => f.Id).Select(f => new EvidenceView(f.Id, f.TaskId, f.FileName, f.Kind.Code(), f.SizeBytes, f.Sha256, f.UploadedByName, f.UploadedAt))],
            [.. report.Values.OrderBy(v => v.Indicator.Name).ThenBy(v => v.AdministrativeUnit.Name).Select(v => new ValueView(
                v.IndicatorId, v.Indicator.Name, v.Indicator.Unit, v.AdministrativeUnitId, v.AdministrativeUnit.Code, v.AdministrativeUnit.Name, v.Value, v.Note))]);
    }

    public static string ActionLabel(string action) => action switch
    {
        "submit" => "Trình",
        "return" => "Trả lại",
        "approve" => "Phê duyệt",
        "unlock" => "Mở khóa",
        "close" => "Đóng kỳ",
        "reopen" => "Mở lại kỳ",
        _ => action,
    };
}
