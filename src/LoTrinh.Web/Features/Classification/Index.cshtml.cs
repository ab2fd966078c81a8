using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Classification;

/// <summary>The register of urban areas (sổ theo dõi đô thị): every area, its class today, its targets, its latest assessment.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<UrbanAreaRow> Areas { get; private set; } = [];

    /// <summary>How many areas hold each class today (as the register writes it), retired ones apart.</summary>
    public IReadOnlyList<(string Class, int Count)> ByClass { get; private set; } = [];

    public bool CanEdit => db.Viewer.Can(Permission.ManageProgramme);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Areas = await UrbanAreas.ListAsync(db, Clock.Today(time), ct);
        ByClass = [.. Areas.Where(a => a.RetiredOn is null && a.Current is not null)
            .GroupBy(a => a.Current!.ClassName).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal)];
    }

    /// <summary>What the last import did (or why it wrote nothing).</summary>
    public RegisterImportResult? Imported { get; private set; }

    /// <summary>The register as CSV or XLSX, in the template the import reads back.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (TableExport.Format(format) is not { } type)
        {
            return TableExport.Refused("Không xuất được danh sách", TableExport.FormatProblem);
        }

        var (file, contentType, name) = await TableExport.WriteAsync(await RegisterWorkbook.RowsAsync(db, Clock.Today(time), ct), type, "so-do-thi", ct);
        return File(file, contentType, name);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Imported = await RegisterWorkbook.ImportFileAsync(db, file, Clock.Today(time), ct);
        if (Imported.Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await OnGetAsync(ct);
        return Page();
    }
}
