using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Agencies;

public sealed class DetailsModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public DateOnly AsOf { get; private set; }
    public string? Error { get; private set; }
    public AgencyDetails Details { get; private set; } = null!;
    public Paging Paging { get; private set; } = new(1, 50, 0);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        // An impossible date is named beside the field; the page then shows today.
        AsOf = Input.TryDate(AsOfText, out var asOf, out var error) && asOf is { } d ? d : time.Today();
        Error = error;
        var (page, size) = Input.Paging(PageNumber, 50, 50);
        if (await AgenciesApi.LoadAsync(db, id, AsOf, page, size, ct) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Paging = new Paging(page, size, details.Tasks.Total);
        return Page();
    }
}
