using LoTrinh.Core.Accounts;
using LoTrinh.Core.Reporting;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Calendar;
using LoTrinh.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Reporting;

/// <summary>A regime as typed: codes of the Core's enums, a directive by id or number, dates as people write them.
/// A thematic or ad hoc regime gives its one period's window and due date instead of a frequency.</summary>
public sealed record RegimeInput(
    string? Name, string? Kind, string? Frequency, string? CutOff, string? DeadlineRule, int? DeadlineValue,
    string? Directive, string? Recipient, string? InForceFrom, string? WindowFrom = null, string? WindowTo = null, string? DueOn = null,
    IReadOnlyList<long>? Indicators = null);

/// <summary>One task's line as typed.</summary>
public sealed record LineInput(long TaskId, string? Claimed, int? Percent, string? CompletedOn, string? Progress, string? Difficulties, string? Proposals);

/// <summary>An indicator's value for a locality (by the unit's id) as typed.</summary>
public sealed record ValueInput(long IndicatorId, long UnitId, decimal? Value, string? Note);

/// <summary>A save of a report's draft; Version is the one read, so a save over a colleague's newer one is refused.</summary>
public sealed record ReportInput(uint? Version, string? Summary, IReadOnlyList<LineInput>? Lines, IReadOnlyList<ValueInput>? Values = null);

/// <summary>Submit, return, approve or unlock; the comment is the return's reason or the unlock's.</summary>
public sealed record ReportActionInput(uint? Version, string? Comment);

/// <summary>
/// The reporting cycle (issue 16): regimes, the periods LoTrinh opens by itself, one report per agency per period,
/// and what each role may do to it. Approval is where a period's reports reach the tasks.
/// </summary>
public static class ReportingCycle
{
    public const int MaxLines = 2000;

    /// <summary>A comment on a report or a period (why it was returned, unlocked, closed): a few sentences.</summary>
    public const int MaxComment = 4000;

    public static async Task<(ReportingRegime? Regime, InputErrors Errors)> CreateRegimeAsync(AppDbContext db, RegimeInput input, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new InputErrors();
        var name = errors.Required("name", input.Name);
        var recipient = errors.Required("recipient", input.Recipient);
        var kind = Parse<RegimeKind>(errors, "kind", input.Kind ?? "periodic");
        var cutOff = Parse<CutOffRule>(errors, "cutOff", input.CutOff ?? "decree09");
        var deadlineRule = Parse<DeadlineRule>(errors, "deadlineRule", input.DeadlineRule ?? "day_of_last_month");
        ReportingFrequency? frequency = kind == RegimeKind.Periodic ? Parse<ReportingFrequency>(errors, "frequency", input.Frequency) : null;
        var inForceFrom = errors.Date("inForceFrom", input.InForceFrom) ?? time.Today();
        var (directive, directiveProblem) = await Directives.DirectivesApi.FindAsync(db, input.Directive, ct);
        if (directive is null)
        {
            errors.Add("directive", directiveProblem ?? "Chọn văn bản có các nhiệm vụ phải báo cáo.");
        }

        var indicators = (input.Indicators ?? []).Distinct().ToList();
        if (indicators.Count > 0 && await db.Indicators.CountAsync(i => indicators.Contains(i.Id), ct) != indicators.Count)
        {
            errors.Add("indicators", "Có chỉ số không tìm thấy.");
        }

        if (name is { Length: > 500 })
        {
            errors.Add("name", "Tên chế độ báo cáo tối đa 500 ký tự.");
        }

        var rule = new SubmissionRule(deadlineRule ?? DeadlineRule.DayOfLastMonth, input.DeadlineValue ?? 0);
        (DateOnly From, DateOnly To, DateOnly Due)? single = null;
        if (kind == RegimeKind.Periodic)
        {
            if (input.DeadlineValue is null)
            {
                errors.Add("deadlineValue", "Ghi hạn gửi: ngày trong tháng cuối kỳ, hoặc số ngày làm việc sau ngày chốt số liệu.");
            }
            else if (cutOff is { } c && deadlineRule is not null && rule.Problem(c) is { } problem)
            {
                errors.Add("deadlineValue", problem);
            }
        }
        else if (kind is not null)
        {
            // Thematic and ad hoc reports take the cut-off and deadline the requesting body sets (Decree 09, Điều 8).
            var from = errors.Date("windowFrom", input.WindowFrom, required: true);
            var to = errors.Date("windowTo", input.WindowTo, required: true);
            var due = errors.Date("dueOn", input.DueOn, required: true);
            if (from > to)
            {
                errors.Add("windowTo", "Ngày chốt số liệu phải sau ngày bắt đầu kỳ.");
            }
            else if (to is { } end && due is { } d && d <= end)
            {
                errors.Add("dueOn", $"Hạn gửi {d:dd/MM/yyyy} không sau ngày chốt số liệu {end:dd/MM/yyyy}: phải còn ít nhất 1 ngày làm việc.");
            }
            else if (from is { } f && to is { } t && due is { } dd)
            {
                single = (f, t, dd);
            }
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var regime = new ReportingRegime
        {
            Name = name!,
            Kind = kind!.Value,
            Frequency = frequency,
            CutOff = cutOff!.Value,
            DeadlineRule = rule.Kind,
            DeadlineValue = kind == RegimeKind.Periodic ? rule.Value : 1,
            DirectiveId = directive!.Value,
            Recipient = recipient!,
            InForceFrom = inForceFrom,
            CreatedBy = db.Viewer.UserId,
            Indicators = [.. indicators.Select(i => new RegimeIndicator { IndicatorId = i })],
        };
        db.ReportingRegimes.Add(regime);
        if (single is { } s)
        {
            regime.InForceFrom = s.From;
            db.ReportPeriods.Add(new ReportPeriod { Regime = regime, Label = name!, WindowFrom = s.From, WindowTo = s.To, DueOn = s.Due });
        }

        await db.SaveChangesAsync(ct);
        await OpenDueAsync(db, time.Today(), ct);
        return (regime, errors);
    }

    /// <summary>
    /// Opens every period whose window has started, and the report of each agency that has a part in the regime's tasks.
    /// Idempotent and safe when two instances run it at once: the keys make a second insert a no-op. Returns the
    /// periods opened by this call.
    /// </summary>
    public static async Task<int> OpenDueAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regimes = await db.ReportingRegimes.AsNoTracking().Where(r => r.Kind == RegimeKind.Periodic && r.InForceFrom <= today).ToListAsync(ct);
        var opened = 0;
        if (regimes.Count > 0)
        {
            var calendar = await WorkingCalendars.ForAsync(db, regimes.Min(r => r.InForceFrom), today, ct);
            foreach (var regime in regimes)
            {
                foreach (var period in ReportingPeriod.StartedBetween(regime.Frequency!.Value, regime.CutOff, regime.InForceFrom, today))
                {
                    var window = period.Window(regime.CutOff);
                    var due = regime.Submission.DueOn(period, window, calendar);
                    opened += await db.Database.ExecuteSqlInterpolatedAsync($"""
                        insert into reporting_period (regime_id, label, year, number, window_from, window_to, due_on)
                        values ({regime.Id}, {period.Label}, {period.Year}, {period.Number}, {window.From}, {window.To}, {due})
                        on conflict (regime_id, year, number) do nothing
                        """, ct);
                }
            }
        }

        // In key order, so instances running this at once wait for each other instead of deadlocking.
        // Every open period has a report for each body (not a group of agencies, not a person) that exists at the cut-off
        // and has a part in a task of its directive still open at the window's start, and a line for each such task
        // (tasks assigned later join the draft the next time this runs).
        await db.Database.ExecuteSqlRawAsync("""
            insert into agency_report (period_id, agency_id)
            select distinct p.id, ta.agency_id
              from reporting_period p
              join reporting_regime r on r.id = p.regime_id and r.deleted_at is null
              join task_item t on t.directive_id = r.directive_id and t.deleted_at is null
                              and (t.completed_on is null or t.completed_on >= p.window_from)
              join task_agency ta on ta.task_id = t.id
              join agency a on a.id = ta.agency_id and a.kind not in ('group', 'person')
                           and (a.valid_from is null or a.valid_from <= p.window_to) and (a.valid_to is null or a.valid_to >= p.window_to)
             where p.closed_at is null
             order by 1, 2
            on conflict (period_id, agency_id) do nothing;
            insert into agency_report_line (report_id, task_id, role)
            select ar.id, t.id, ta.role
              from agency_report ar
              join reporting_period p on p.id = ar.period_id and p.closed_at is null
              join reporting_regime r on r.id = p.regime_id
              join task_item t on t.directive_id = r.directive_id and t.deleted_at is null
                              and (t.completed_on is null or t.completed_on >= p.window_from)
              join task_agency ta on ta.task_id = t.id and ta.agency_id = ar.agency_id
             where ar.state = 'draft'
             order by 1, 2
            on conflict (report_id, task_id) do nothing;
            insert into agency_report_value (report_id, indicator_id, administrative_unit_id)
            select ar.id, ri.indicator_id, a.administrative_unit_id
              from agency_report ar
              join reporting_period p on p.id = ar.period_id and p.closed_at is null
              join reporting_regime_indicator ri on ri.regime_id = p.regime_id
              join agency a on a.id = ar.agency_id and a.administrative_unit_id is not null
             where ar.state = 'draft'
             order by 1, 2, 3
            on conflict (report_id, indicator_id, administrative_unit_id) do nothing;
            """, ct);
        return opened;
    }

    /// <summary>
    /// Closes a period (its reports locked, whatever their state) or reopens it, with a reason, as the record of each
    /// report says. Null when there is no such period; else the refusal, or "" when done.
    /// </summary>
    public static async Task<string?> CloseAsync(AppDbContext db, long id, bool close, string? reason, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var period = await db.ReportPeriods.Include(p => p.Reports).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is null)
        {
            return null;
        }

        var comment = Input.Clean(reason);
        if ((period.ClosedAt is not null) == close)
        {
            return close ? "Kỳ báo cáo đã đóng." : "Kỳ báo cáo đang mở.";
        }

        if (comment is null)
        {
            return close
                ? "Đóng kỳ cần nêu lý do (ví dụ: đã tổng hợp báo cáo kỳ); lý do được ghi vào quá trình xử lý của từng báo cáo."
                : "Mở lại kỳ cần nêu lý do; lý do được ghi vào quá trình xử lý của từng báo cáo.";
        }

        if (comment.Length > MaxComment)
        {
            return $"Lý do tối đa {MaxComment:N0} ký tự.";
        }

        period.ClosedAt = close ? time.GetUtcNow() : null;
        period.ClosedBy = close ? db.Viewer.UserId : null;
        foreach (var report in period.Reports)
        {
            db.AgencyReportEvents.Add(new AgencyReportEvent { ReportId = report.Id, Action = close ? "close" : "reopen", Comment = comment, ActorId = db.Viewer.UserId, ActorName = db.Viewer.Name });
        }

        await db.SaveChangesAsync(ct);
        return string.Empty;
    }

    /// <summary>Saves a draft: every line checked, nothing written unless all are right.</summary>
    public static async Task<InputErrors?> SaveAsync(AppDbContext db, long id, ReportInput input, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var report = await LoadForWriteAsync(db, id, ct);
        if (report is null)
        {
            return null;
        }

        var errors = new InputErrors();
        if (!MayWork(db.Viewer, report))
        {
            throw new OutOfScopeException(nameof(AgencyReport));
        }

        if (ReportRules.Refusal(ReportAction.Save, report.State, report.Period.ClosedAt is not null, null) is { } refused)
        {
            errors.Add("state", refused);
            return errors;
        }

        var today = time.Today();
        report.Summary = Input.Clean(input.Summary);
        if (report.Summary is { Length: > 20000 })
        {
            errors.Add("summary", "Phần tình hình chung tối đa 20.000 ký tự.");
        }

        var lines = report.Lines.ToDictionary(l => l.TaskId);
        foreach (var (line, index) in (input.Lines ?? []).Take(MaxLines + 1).Select((l, i) => (l, i)))
        {
            if (index == MaxLines)
            {
                errors.Add("lines", $"Một báo cáo tối đa {MaxLines} dòng.");
                break;
            }

            if (line is null)
            {
                errors.Add("lines", $"Dòng {index + 1} rỗng (null).");
                continue;
            }

            var field = $"lines[{line.TaskId}]";
            if (!lines.TryGetValue(line.TaskId, out var stored))
            {
                errors.Add(field, $"Nhiệm vụ #{line.TaskId} không thuộc báo cáo này.");
                continue;
            }

            if (!ReportRules.TryParseClaimed(line.Claimed ?? stored.Claimed.Code(), out var claimed))
            {
                errors.Add($"{field}.claimed", $"Tình trạng \"{line.Claimed}\" không hợp lệ: chọn not_started, in_progress hoặc completed.");
            }

            var completedOn = errors.Date($"{field}.completedOn", line.CompletedOn);
            stored.Claimed = claimed;
            stored.Percent = line.Percent;
            stored.CompletedOn = completedOn;
            stored.Progress = Bounded(errors, $"{field}.progress", line.Progress);
            stored.Difficulties = Bounded(errors, $"{field}.difficulties", line.Difficulties);
            stored.Proposals = Bounded(errors, $"{field}.proposals", line.Proposals);
            foreach (var (name, message) in ReportRules.Problems(stored.AsLine(), today, stored.Task.Directive.IssuedOn))
            {
                errors.Add($"{field}.{name}", $"Nhiệm vụ #{line.TaskId}: {message}");
            }
        }

        var values = report.Values.ToDictionary(v => (v.IndicatorId, v.AdministrativeUnitId));
        foreach (var value in input.Values ?? [])
        {
            if (value is null)
            {
                errors.Add("values", "Có giá trị rỗng (null) trong danh sách.");
                continue;
            }

            var field = $"values[{value.IndicatorId}-{value.UnitId}]";
            if (!values.TryGetValue((value.IndicatorId, value.UnitId), out var stored))
            {
                errors.Add(field, $"Chỉ số {value.IndicatorId} tại đơn vị {value.UnitId} không thuộc báo cáo này.");
                continue;
            }

            stored.Value = value.Value;
            stored.Note = Bounded(errors, $"{field}.note", value.Note);
            if (value.Value is { } v && Core.Targets.Plausibility.Problem(stored.Indicator.Unit, v) is { } implausible)
            {
                errors.Add($"{field}.value", $"{stored.Indicator.Name}, {stored.AdministrativeUnit.Name}: {implausible}");
            }
        }

        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors;
        }

        report.SavedAt = time.GetUtcNow();
        await db.SaveVersionedAsync(report, input.Version ?? 0, errors, "Báo cáo vừa được người khác lưu sau khi bạn mở; hãy mở lại để xem và nhập tiếp.", ct);
        return errors;
    }

    /// <summary>
    /// Attaches evidence to a report that can still be edited, to one of its tasks or to the whole; the type is read from
    /// the content, the hash kept. Null when the report is not in the viewer's scope; else the file, or the refusal
    /// (field "file", or "state" when the report is locked).
    /// </summary>
    public static async Task<(EvidenceFile? File, InputErrors Errors)?> AttachAsync(
        AppDbContext db, long id, long? taskId, string? fileName, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        var report = await db.AgencyReports.Include(r => r.Period).Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var errors = new InputErrors();
        if (!MayWork(db.Viewer, report))
        {
            throw new OutOfScopeException(nameof(AgencyReport));
        }

        if (ReportRules.WhyLocked(report.State, report.Period.ClosedAt is not null) is { } locked)
        {
            errors.Add("state", locked);
            return (null, errors);
        }

        if (taskId is { } task && report.Lines.All(l => l.TaskId != task))
        {
            errors.Add("taskId", $"Nhiệm vụ #{task} không thuộc báo cáo này.");
        }

        var (kind, problem) = Core.Reporting.EvidenceFiles.Check(fileName, content);
        if (problem is not null)
        {
            errors.Add("file", problem);
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var file = new EvidenceFile
        {
            ReportId = id,
            TaskId = taskId,
            FileName = Path.GetFileName(fileName!.Trim()),
            Kind = kind!.Value,
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            UploadedBy = db.Viewer.UserId,
            UploadedByName = db.Viewer.Name,
            Content = new EvidenceContent { Content = content },
        };
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return (file, errors);
    }

    /// <summary>Removes evidence from a report that can still be edited (softly: the trail keeps who removed what).</summary>
    public static async Task<InputErrors?> RemoveEvidenceAsync(AppDbContext db, long id, long fileId, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var report = await db.AgencyReports.Include(r => r.Period).FirstOrDefaultAsync(r => r.Id == id, ct);
        var file = report is null ? null : await db.EvidenceFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.ReportId == id, ct);
        if (report is null || file is null)
        {
            return null;
        }

        if (!MayWork(db.Viewer, report))
        {
            throw new OutOfScopeException(nameof(AgencyReport));
        }

        var errors = new InputErrors();
        if (ReportRules.WhyLocked(report.State, report.Period.ClosedAt is not null) is { } locked)
        {
            errors.Add("state", locked);
            return errors;
        }

        file.DeletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Submits, returns, approves or unlocks a report; null when there is none in the viewer's scope.</summary>
    public static async Task<InputErrors?> ActAsync(AppDbContext db, long id, ReportAction action, ReportActionInput input, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var report = await LoadForWriteAsync(db, id, ct);
        if (report is null)
        {
            return null;
        }

        var viewer = db.Viewer;
        var errors = new InputErrors();
        var needed = action is ReportAction.Submit ? Permission.SubmitReport : Permission.ApproveReport;
        if (!viewer.Can(needed) || (action is ReportAction.Submit && !MayWork(viewer, report)))
        {
            errors.Add("action", action is ReportAction.Submit
                ? "Chỉ lãnh đạo cơ quan báo cáo mới trình được báo cáo."
                : "Chỉ thường trực, tổ giúp việc mới trả lại, phê duyệt hay mở khóa báo cáo.");
            return errors;
        }

        var comment = Input.Clean(input.Comment);
        if (comment is { Length: > MaxComment })
        {
            errors.Add("comment", $"Ý kiến tối đa {MaxComment:N0} ký tự.");
            return errors;
        }

        if (ReportRules.Refusal(action, report.State, report.Period.ClosedAt is not null, comment) is { } refused)
        {
            var missingComment = action is ReportAction.Return or ReportAction.Unlock && comment is null
                && ReportRules.Refusal(action, report.State, report.Period.ClosedAt is not null, "?") is null;
            errors.Add(missingComment ? "comment" : "state", refused);
            return errors;
        }

        var now = time.GetUtcNow();
        var today = time.Today();
        switch (action)
        {
            case ReportAction.Submit:
                foreach (var line in report.Lines.Where(l => Input.Clean(l.Progress) is null && l.Claimed != ClaimedProgress.NotStarted))
                {
                    errors.Add($"lines[{line.TaskId}].progress", $"Nhiệm vụ #{line.TaskId}: ghi kết quả thực hiện trước khi trình.");
                }

                if (errors.Any)
                {
                    return errors;
                }

                var calendar = await WorkingCalendars.ForAsync(db, report.Period.DueOn, today, ct);
                report.SubmittedAt = now;
                report.SubmittedBy = viewer.UserId;
                report.WorkingDaysLate = calendar.WorkingDaysLate(report.Period.DueOn, today);
                break;
            case ReportAction.Return:
                report.TimesReturned++;
                break;
            case ReportAction.Approve:
                report.ApprovedAt = now;
                report.ApprovedBy = viewer.UserId;
                ApplyToTasks(db, report, today);
                await ApplyToIndicatorsAsync(db, report, ct);
                break;
            case ReportAction.Unlock:
                report.ApprovedAt = null;
                report.ApprovedBy = null;
                break;
        }

        report.State = ReportRules.After(action, report.State);
        db.AgencyReportEvents.Add(new AgencyReportEvent { ReportId = report.Id, Action = SnakeCase(action), Comment = comment, ActorId = viewer.UserId, ActorName = viewer.Name });
        await db.SaveVersionedAsync(report, input.Version ?? 0, errors, "Báo cáo vừa thay đổi sau khi bạn mở; hãy mở lại rồi thực hiện.", ct);
        return errors;
    }

    /// <summary>
    /// What an approved report changes: the lead's line becomes the task's progress of the period (dated at the cut-off,
    /// the day its figures speak of), and a task the lead reports completed is completed. Cooperating agencies' lines are
    /// their part, read beside the lead's.
    /// </summary>
    private static void ApplyToTasks(AppDbContext db, AgencyReport report, DateOnly today)
    {
        var asOf = report.Period.WindowTo < today ? report.Period.WindowTo : today;
        foreach (var line in report.Lines.Where(l => l.Role is TaskRoles.Lead or TaskRoles.CoLead))
        {
            if (Input.Clean(line.Progress) is { } progress)
            {
                db.ProgressUpdates.Add(new ProgressUpdate
                {
                    TaskId = line.TaskId,
                    ReportedOn = asOf,
                    Text = $"{report.Period.Label}: {progress}",
                    Percent = line.Percent,
                    EnteredBy = $"Báo cáo kỳ {report.Period.Label} của {report.Agency.Name}",
                });
            }

            if (line.Claimed == ClaimedProgress.Completed && line.CompletedOn is { } done && line.Task.CompletedOn is null)
            {
                line.Task.Complete(done);
            }
        }
    }

    /// <summary>
    /// The approved values become the indicators' figures of the period — its calendar window, as statistics are kept
    /// (not Decree 09's 15th-to-14th) — replacing a figure of the same indicator, locality and window.
    /// </summary>
    private static async Task ApplyToIndicatorsAsync(AppDbContext db, AgencyReport report, CancellationToken ct)
    {
        var period = report.Period;
        var window = period.Year is { } year && period.Number is { } number && period.Regime.Frequency is { } frequency
            ? new ReportingPeriod(year, frequency, number).Window(CutOffRule.Calendar)
            : new PeriodWindow(period.WindowFrom, period.WindowTo);
        var source = $"Báo cáo kỳ {period.Label} của {report.Agency.Name}";
        foreach (var value in report.Values.Where(v => v.Value is not null))
        {
            var figure = await db.Measurements.FirstOrDefaultAsync(m => m.IndicatorId == value.IndicatorId && m.AdministrativeUnitId == value.AdministrativeUnitId
                && m.PeriodStart == window.From && m.PeriodEnd == window.To, ct);
            if (figure is null)
            {
                db.Measurements.Add(new Targets.Measurement
                {
                    IndicatorId = value.IndicatorId,
                    AdministrativeUnitId = value.AdministrativeUnitId,
                    PeriodStart = window.From,
                    PeriodEnd = window.To,
                    PeriodLabel = period.Label,
                    Value = value.Value!.Value,
                    Source = value.Note is { } note ? $"{source} ({note})" : source,
                    EnteredBy = db.Viewer.Name,
                });
            }
            else
            {
                figure.Value = value.Value!.Value;
                figure.Source = source;
                figure.EnteredBy = db.Viewer.Name;
                figure.AwaitingApproval = false;
            }
        }
    }

    /// <summary>Officers and heads work on their own agency's report; the secretariat (and administrators) on any.</summary>
    public static bool MayWork(Viewer viewer, AgencyReport report)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(report);
        return viewer.Can(Permission.ReportProgress)
            && (viewer.Can(Permission.ManageProgramme) || (viewer.AgencyId is { } agency && agency == report.AgencyId));
    }

    private static Task<AgencyReport?> LoadForWriteAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.AgencyReports.Include(r => r.Period).ThenInclude(p => p.Regime).Include(r => r.Agency)
            .Include(r => r.Lines).ThenInclude(l => l.Task).ThenInclude(t => t.Directive)
            .Include(r => r.Values).ThenInclude(v => v.Indicator).Include(r => r.Values).ThenInclude(v => v.AdministrativeUnit)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);

    public static string SnakeCase<TEnum>(TEnum value)
        where TEnum : struct, Enum => AppDbContext.SnakeCase(value.ToString()).ToLowerInvariant();

    private static TEnum? Parse<TEnum>(InputErrors errors, string field, string? code)
        where TEnum : struct, Enum
    {
        var wanted = code?.Trim();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(SnakeCase(value), wanted, StringComparison.Ordinal))
            {
                return value;
            }
        }

        errors.Add(field, $"\"{code}\" không hợp lệ; chọn: {string.Join(", ", Enum.GetValues<TEnum>().Select(SnakeCase))}.");
        return null;
    }

    private static string? Bounded(InputErrors errors, string field, string? text)
    {
        var clean = Input.Clean(text);
        if (clean is { Length: > 10000 })
        {
            errors.Add(field, "Tối đa 10.000 ký tự.");
        }

        return clean;
    }
}
