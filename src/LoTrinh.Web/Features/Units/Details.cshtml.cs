using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Units;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public UnitView Unit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await UnitsApi.LoadAsync(db, id, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        return Page();
    }
}
