using LoTrinh.Core.Accounts;
using System.Globalization;
using System.Net;
using System.Text;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Extraction;

/// <summary>
/// The review of one import: the text with every item read from it highlighted, the items beside it to
/// accept, edit, delete or add, the agency each name means and the directive each reference points at.
/// While the file is still being read, its progress.
/// </summary>
public sealed class ReviewModel(AppDbContext db) : FormPage
{
    public DocumentImport Import { get; private set; } = null!;
    public ImportStatus Status { get; private set; } = null!;
    [BindProperty] public ReviewForm Form { get; set; } = new();
    public ReviewOptions Options { get; private set; } = new();
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public string? Conflict { get; private set; }
    public long? ConflictDirective { get; private set; }

    public static readonly (string Code, string Label)[] Comparators =
        [("gt", "trên"), ("gte", "từ / tối thiểu"), ("lt", "dưới"), ("lte", "không quá"), ("eq", "bằng"), ("approx", "khoảng"), ("range", "từ … đến …")];

    public bool Reviewing => Import.Stage == ImportStages.Ready;

    /// <summary>"12 nhận / 15": how many rows of a kind the reviewer accepts.</summary>
    public string Counted(IEnumerable<ReviewItem> rows) => $"{rows.Count(r => r.Accept)} nhận / {rows.Count()}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Form = DirectiveImports.DraftOf(Import) ?? new ReviewForm();
        await LoadOptionsAsync(ct);
        return Page();
    }

    /// <summary>The progress bar, polled by htmx; once reading is over, the browser is sent to the review.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct)
    {
        if (await DirectiveImports.StatusAsync(db, id, ct) is not { } status)
        {
            return NotFound();
        }

        if (status.Stage is not (ImportStages.Queued or ImportStages.Reading))
        {
            Response.Headers["HX-Redirect"] = Url.Page("Review", new { id });
        }

        return Partial("_ImportProgress", status);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        var outcome = await DirectiveImports.SaveAsync(db, id, Form, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome is { Conflict: null, DirectiveId: { } saved })
        {
            return Redirect($"/Directives/Details/{saved}");
        }

        Errors = outcome.Errors;
        Conflict = outcome.Conflict;
        ConflictDirective = outcome.DirectiveId;
        Response.StatusCode = Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        await LoadAsync(id, ct);
        await LoadOptionsAsync(ct);
        return Page();
    }

    /// <summary>Adds an empty row of a kind (task, target, objective, reference), keeping everything already edited.</summary>
    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAddAsync(Guid id, string? what, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        switch (what)
        {
            case "task": Form.Tasks.Add(new ReviewTask()); break;
            case "target": Form.Targets.Add(new ReviewTarget()); break;
            case "objective": Form.Objectives.Add(new ReviewObjective()); break;
            case "reference": Form.References.Add(new ReviewReference { Relation = Directives.DirectiveRelations.Cites }); break;
            default: break;
        }

        return await KeepAsync(ct);
    }

    /// <summary>Lists the agency names as the tasks now write them, after the reviewer edited leads or partners.</summary>
    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostRefreshAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? await KeepAsync(ct) : NotFound();

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct)
    {
        await DirectiveImports.DiscardAsync(db, id, ct);
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> KeepAsync(CancellationToken ct)
    {
        if (!Reviewing)
        {
            return RedirectToPage("Review", new { id = Import.Id });
        }

        Form.RefreshAgencies();
        await DirectiveImports.KeepDraftAsync(db, Import.Id, Form, ct);
        await LoadOptionsAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var import = await db.DocumentImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return false;
        }

        Import = import;
        Status = (await DirectiveImports.StatusAsync(db, id, ct))!;
        Warnings = DirectiveImports.WarningsOf(import);
        return true;
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        if (Reviewing)
        {
            Options = await ReviewOptions.LoadAsync(db, Import, Form, ct);
        }
    }

    /// <summary>The normalised text with each item's span marked and anchored, so the list can point into it.</summary>
    public IHtmlContent HighlightedText()
    {
        var text = Import.Text ?? string.Empty;
        var spans = Form.References.Select((r, i) => new Marked(r, $"ref-{i}", "reference", $"Văn bản dẫn chiếu {i + 1}"))
            .Concat(Form.Objectives.Select((r, i) => new Marked(r, $"obj-{i}", "objective", $"Mục tiêu {i + 1}")))
            .Concat(Form.Targets.Select((r, i) => new Marked(r, $"target-{i}", "target", $"Chỉ tiêu {i + 1}")))
            .Concat(Form.Tasks.Select((r, i) => new Marked(r, $"task-{i}", "task", $"Nhiệm vụ {i + 1}")))
            .Where(s => s.Row is { Start: >= 0, Length: > 0 } && s.Row.Start + s.Row.Length <= text.Length)
            .OrderBy(s => s.Row.Start).ThenByDescending(s => s.Row.Length);
        var html = new StringBuilder(text.Length + 4096);
        var at = 0;
        foreach (var (row, anchor, kind, label) in spans)
        {
            var start = row.Start!.Value;
            if (start < at)
            {
                continue; // inside an item already marked (a deadline within a task): listed, not marked twice
            }

            var end = start + row.Length!.Value;
            html.Append(WebUtility.HtmlEncode(text[at..start]));
            html.Append(CultureInfo.InvariantCulture, $"<mark id=\"{anchor}\" class=\"item-{kind}{(row.Accept ? "" : " rejected")}\" title=\"{label}\">");
            html.Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            at = end;
        }

        html.Append(WebUtility.HtmlEncode(text[at..]));
        return new HtmlString(html.ToString());
    }

    private sealed record Marked(ReviewItem Row, string Anchor, string Kind, string Label);
}
