using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Classification;

public sealed class AssessmentModel(AppDbContext db) : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public ResultJson Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await UrbanAreas.FindAssessmentAsync(db, id, ct) is not { } found)
        {
            return NotFound();
        }

        (Assessment, AreaName, Result) = found;
        return Page();
    }
}
