using LoTrinh.Core.Accounts;
using LoTrinh.Core.Reporting;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Reporting;

/// <summary>One line of the form, as posted.</summary>
public sealed class LineForm
{
    public long TaskId { get; set; }
    public string? Claimed { get; set; }
    public int? Percent { get; set; }
    public string? CompletedOn { get; set; }
    public string? Progress { get; set; }
    public string? Difficulties { get; set; }
    public string? Proposals { get; set; }
}

/// <summary>One indicator value of the form, as posted.</summary>
public sealed class ValueForm
{
    public long IndicatorId { get; set; }
    public long UnitId { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// An agency's report of a period: officers fill it and save drafts, the head submits, the secretariat returns it with
/// a comment or approves it, and unlocks it with a reason. When it cannot be edited the page says why.
/// </summary>
public sealed class ReportModel(AppDbContext db, TimeProvider time) : FormPage
{
    public ReportView Report { get; private set; } = null!;

    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<LineForm> Lines { get; set; } = [];
    [BindProperty] public List<ValueForm> Values { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, keepTyped: false, ct))
        {
            return NotFound();
        }

        Done = done;
        return Page();
    }

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct)
    {
        var input = Input();
        return await AnswerAsync(id, "save", Errors.Any ? Errors : await ReportingCycle.SaveAsync(db, id, input, time, ct), ct);
    }

    /// <summary>Saves what is on the form, then submits it: the head sends what is shown.</summary>
    [Requires(Permission.SubmitReport)]
    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct)
    {
        var input = Input();
        var saved = Errors.Any ? Errors : await ReportingCycle.SaveAsync(db, id, input, time, ct);
        if (saved is null || saved.Any)
        {
            return await AnswerAsync(id, "submit", saved, ct);
        }

        db.ChangeTracker.Clear();
        var version = await db.AgencyReports.Where(r => r.Id == id).Select(r => r.Version).FirstAsync(ct);
        return await AnswerAsync(id, "submit", await ReportingCycle.ActAsync(db, id, ReportAction.Submit, new ReportActionInput(version, null), time, ct), ct);
    }

    /// <summary>The Excel form filled offline: saved as the form would be, or the problems listed by cell.</summary>
    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostUploadAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (!await db.AgencyReports.AnyAsync(r => r.Id == id, ct))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0 || file.Length > ReportWorkbook.MaxBytes)
        {
            UploadProblems = [file is null || file.Length == 0 ? "Chọn tệp Excel (.xlsx) đã điền theo mẫu." : $"Tệp lớn hơn {ReportWorkbook.MaxBytes / 1024 / 1024} MB."];
            return await LoadAsync(id, keepTyped: false, ct) ? Page() : NotFound();
        }

        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var result = await ReportWorkbook.ImportAsync(db, id, stream, time, ct);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Saved)
        {
            return RedirectToPage("Report", new { id, done = "upload" });
        }

        UploadProblems = result.Problems;
        db.ChangeTracker.Clear();
        return await LoadAsync(id, keepTyped: false, ct) ? Page() : NotFound();
    }

    /// <summary>Evidence for one task (or the whole report), from the form beside the lines.</summary>
    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? evidence, long? evidenceTask, CancellationToken ct)
    {
        if (!await db.AgencyReports.AnyAsync(r => r.Id == id, ct))
        {
            return NotFound();
        }

        if (evidence is null || evidence.Length > LoTrinh.Core.Reporting.EvidenceFiles.MaxBytes)
        {
            Errors.Add("evidence", evidence is null ? "Chọn tệp minh chứng." : $"Tệp vượt giới hạn {LoTrinh.Core.Reporting.EvidenceFiles.MaxBytes / 1024 / 1024} MB.");
            return await LoadAsync(id, keepTyped: false, ct) ? Page() : NotFound();
        }

        var attached = await ReportingCycle.AttachAsync(db, id, evidenceTask, evidence.FileName, await ReportingApi.ReadAllAsync(evidence, ct), ct);
        if (attached is not { } result)
        {
            return NotFound();
        }

        if (result.File is not null)
        {
            return RedirectToPage("Report", new { id, done = "attach" });
        }

        foreach (var (field, messages) in result.Errors.All)
        {
            Errors.Add(field == "state" ? "state" : "evidence", string.Join(" ", messages));
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(id, keepTyped: false, ct) ? Page() : NotFound();
    }

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostRemoveFileAsync(long id, long file, CancellationToken ct)
    {
        var errors = await ReportingCycle.RemoveEvidenceAsync(db, id, file, time, ct);
        return errors is null ? NotFound() : await AnswerAsync(id, "remove", errors, ct);
    }

    /// <summary>Why an uploaded file wrote nothing, cell by cell.</summary>
    public IReadOnlyList<string> UploadProblems { get; private set; } = [];

    [Requires(Permission.ApproveReport)]
    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct) => ActAsync(id, ReportAction.Return, ct);

    [Requires(Permission.ApproveReport)]
    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) => ActAsync(id, ReportAction.Approve, ct);

    [Requires(Permission.ApproveReport)]
    public Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken ct) => ActAsync(id, ReportAction.Unlock, ct);

    private async Task<IActionResult> ActAsync(long id, ReportAction action, CancellationToken ct) =>
        await AnswerAsync(id, ReportingCycle.SnakeCase(action), await ReportingCycle.ActAsync(db, id, action, new ReportActionInput(Version, Comment), time, ct), ct);

    private ReportInput Input()
    {
        // A value is typed as people write numbers ("58,5"); one that is not a number is refused beside its field.
        var values = new List<ValueInput>();
        foreach (var v in Values)
        {
            decimal? number = null;
            if (!string.IsNullOrWhiteSpace(v.Value))
            {
                if (LoTrinh.Core.Text.VietnameseText.TryParseNumber(v.Value, out var parsed))
                {
                    number = parsed;
                }
                else
                {
                    Errors.Add($"values[{v.IndicatorId}-{v.UnitId}].value", $"\"{v.Value}\" không phải một số.");
                }
            }

            values.Add(new ValueInput(v.IndicatorId, v.UnitId, number, v.Note));
        }

        return new(Version, Summary, [.. Lines.Select(l => new LineInput(l.TaskId, l.Claimed, l.Percent, l.CompletedOn, l.Progress, l.Difficulties, l.Proposals))], values);
    }

    private async Task<IActionResult> AnswerAsync(long id, string done, InputErrors? errors, CancellationToken ct)
    {
        if (errors is null)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            return RedirectToPage("Report", new { id, done });
        }

        Errors = errors;
        db.ChangeTracker.Clear();
        return await LoadAsync(id, keepTyped: !errors.IsConflict, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, bool keepTyped, CancellationToken ct)
    {
        if (await ReportingViews.ReportAsync(db, id, ct) is not { } report)
        {
            return false;
        }

        Report = report;
        Version = report.Version;
        if (!keepTyped)
        {
            Values = [.. report.Values.Select(v => new ValueForm
            {
                IndicatorId = v.IndicatorId, UnitId = v.UnitId, Value = v.Value is { } x ? LoTrinh.Core.Text.VietnameseText.FormatNumber(x) : null, Note = v.Note,
            })];
            Summary = report.Summary;
            Lines = [.. report.Lines.Select(l => new LineForm
            {
                TaskId = l.TaskId, Claimed = l.Claimed, Percent = l.Percent, CompletedOn = l.CompletedOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                Progress = l.Progress, Difficulties = l.Difficulties, Proposals = l.Proposals,
            })];
        }

        return true;
    }

    public LineForm Typed(long taskId) => Lines.FirstOrDefault(l => l.TaskId == taskId) ?? new LineForm { TaskId = taskId };

    public string? LineError(long taskId, string field) => ErrorFor($"lines[{taskId}].{field}");

    public ValueForm TypedValue(long indicatorId, long unitId) =>
        Values.FirstOrDefault(v => v.IndicatorId == indicatorId && v.UnitId == unitId) ?? new ValueForm { IndicatorId = indicatorId, UnitId = unitId };

    public string DoneMessage => Done switch
    {
        "save" => "Đã lưu nháp.",
        "upload" => "Đã nhận tệp Excel và lưu nháp.",
        "attach" => "Đã đính kèm tài liệu minh chứng.",
        "remove" => "Đã gỡ tài liệu minh chứng.",
        "submit" => "Đã trình báo cáo.",
        "return" => "Đã trả lại báo cáo cho cơ quan.",
        "approve" => "Đã phê duyệt; báo cáo đã khóa.",
        "unlock" => "Đã mở khóa báo cáo.",
        _ => string.Empty,
    };
}
