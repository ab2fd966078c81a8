using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Classification;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<UrbanAreaRow> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Areas = await UrbanAreas.ListAsync(db, Clock.Today(time), ct);
}
