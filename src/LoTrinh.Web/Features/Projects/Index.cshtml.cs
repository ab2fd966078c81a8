using LoTrinh.Core.Accounts;
using LoTrinh.Core.Projects;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Projects;

/// <summary>The key projects (công trình, dự án trọng điểm) as of a date: status, disbursement, tasks; export and import.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    /// <summary>How many of the listed projects are in each state.</summary>
    public IReadOnlyList<(ScheduleState State, int Count)> ByState { get; private set; } = [];

    public DateOnly AsOf { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public bool CanEdit => db.Viewer.Can(Permission.ManageProgramme);

    public WorkbookResult? Imported { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOf = Clock.Today(time);
        var all = await ProjectBook.LoadAsync(db, AsOf, ct);
        Projects = ProjectsApi.Filter(all, Kind, Status, null);
        ByState = [.. Projects.GroupBy(p => p.Status.State).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (TableExport.Format(format) is not { } type)
        {
            return TableExport.Refused("Không xuất được danh sách", TableExport.FormatProblem);
        }

        var (file, contentType, name) = await TableExport.WriteAsync(await ProjectWorkbook.RowsAsync(db, Clock.Today(time), ct), type, "du-an-trong-diem", ct);
        return File(file, contentType, name);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Imported = await ProjectWorkbook.ImportFileAsync(db, file, Clock.Today(time), ct);
        if (Imported.Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await OnGetAsync(ct);
        return Page();
    }
}
