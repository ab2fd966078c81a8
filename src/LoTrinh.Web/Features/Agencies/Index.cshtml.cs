using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Agencies;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AgencyRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (page, size) = Input.Paging(PageNumber, 50, 50);
        (Rows, var total) = await AgenciesApi.QueryAsync(db, Q, Kind, page, size, ct);
        Paging = new Paging(page, size, total);
    }
}
