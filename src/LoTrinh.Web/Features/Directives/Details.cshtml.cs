using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Directives;

public sealed class DetailsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public DirectiveDetails Directive { get; private set; } = null!;
    public IReadOnlyList<TargetRow> Targets { get; private set; } = [];
    public TaskPage Tasks { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool MayManage => db.Viewer.Can(Permission.ManageProgramme);
    public bool MayReadHistory => db.Viewer.Can(Permission.ReadInternal);

    /// <summary>The text cut at each section start, so the outline can link into it.</summary>
    public IReadOnlyList<(string? Label, string Text)> TextParts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await DirectiveDetails.LoadAsync(db, id, ct) is not { } directive)
        {
            return NotFound();
        }

        Directive = directive;
        Today = time.Today();
        Targets = await TargetStatus.QueryAsync(db, db.Targets.Where(t => t.DirectiveId == id), Today, ct);
        Tasks = await TaskBoard.QueryAsync(db, new TaskFilter(Today, DirectiveId: id), 1, Input.MaxPageSize, ct);
        TextParts = Split(directive);
        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostPublishAsync(long id, bool published, CancellationToken ct) =>
        await DirectivesApi.PublishAsync(db, id, published, ct) ? RedirectToPage(new { id }) : NotFound();

    private static List<(string?, string)> Split(DirectiveDetails d)
    {
        var text = d.FullText ?? string.Empty;
        var parts = new List<(string?, string)>();
        var start = 0;
        string? label = null;
        foreach (var section in d.Outline.Where(s => s.Start < text.Length))
        {
            parts.Add((label, text[start..section.Start]));
            (label, start) = (section.Label, section.Start);
        }

        parts.Add((label, text[start..]));
        return parts;
    }
}
