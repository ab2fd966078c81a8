using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Units;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? On { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public string? Error { get; private set; }
    public IReadOnlyList<UnitRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Input.TryDate(On, out var on, out var error))
        {
            Error = error;
            return;
        }

        var (page, size) = Input.Paging(PageNumber, 50, 50);
        var (rows, total) = await UnitsApi.SearchAsync(db, Q, Level, on, page, size, ct);
        Rows = rows;
        Paging = new Paging(page, size, total);
    }
}
