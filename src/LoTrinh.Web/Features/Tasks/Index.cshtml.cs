using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Tasks;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }

    /// <summary>"lead": only the tasks the agency leads (chủ trì), as the dashboard counts them.</summary>
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>The tasks of one directive (id or number), as its page links to them.</summary>
    [BindProperty(SupportsGet = true)] public string? Directive { get; set; }

    public string? DirectiveName { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public DateOnly AsOf { get; private set; }
    public string? Error { get; private set; }
    public TaskPage? Result { get; private set; }
    public Paging Paging { get; private set; } = new(1, 50, 0);

    /// <summary>A task just deleted from its page: shown with a way to restore it.</summary>
    [BindProperty(SupportsGet = true)] public long? Deleted { get; set; }

    public string? DeletedText { get; private set; }

    [Requires(LoTrinh.Core.Accounts.Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken ct) =>
        await db.RestoreAsync<TaskItem>(id, ct) ? Redirect($"/Tasks/Details/{id}") : NotFound();

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOf = time.Today();
        if (Deleted is { } deleted)
        {
            DeletedText = await db.Tasks.IgnoreQueryFilters([AppDbContext.DeletedFilter])
                .Where(t => t.Id == deleted && t.DeletedAt != null).Select(t => t.Text).FirstOrDefaultAsync(ct);
        }

        if (!Input.TryDate(AsOfText, out var asOf, out var error))
        {
            Error = error;
            return;
        }

        AsOf = asOf ?? AsOf;
        TaskStatusClass? status = TaskStatusClassNames.TryParseCode(Status ?? string.Empty, out var s) ? s : null;
        var (agencyId, agencyProblem) = await TaskBoard.FindAgencyAsync(db, Agency, ct);
        if (agencyProblem is not null)
        {
            Error = agencyProblem;
            return;
        }

        var (directiveId, directiveProblem) = await Directives.DirectivesApi.FindAsync(db, Directive, ct);
        if (directiveProblem is not null)
        {
            Error = directiveProblem;
            return;
        }

        DirectiveName = directiveId is { } d ? await db.Directives.Where(x => x.Id == d).Select(x => x.Number ?? x.Title).FirstAsync(ct) : null;
        var (page, size) = Input.Paging(PageNumber, 50, 50);
        Result = await TaskBoard.QueryAsync(db, new TaskFilter(AsOf, status, agencyId, directiveId, Q, LeadOnly: Role == TaskRoles.Lead), page, size, ct);
        Paging = new Paging(page, size, Result.Total);
    }
}
