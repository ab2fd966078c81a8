using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Classification;

public sealed class AreaModel(AppDbContext db, TimeProvider time) : PageModel
{
    public UrbanAreaDetails Details { get; private set; } = null!;
    public IReadOnlyList<CriteriaSetRow> Sets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await UrbanAreas.LoadAsync(db, id, Clock.Today(time), ct) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Sets = [.. (await CriteriaSetStore.ListAsync(db, ct)).Where(s => s.Active && s.Kind == nameof(Core.Classification.CriteriaSetKind.Urban))];
        return Page();
    }
}
