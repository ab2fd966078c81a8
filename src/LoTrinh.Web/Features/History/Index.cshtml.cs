using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.History;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public string Subject { get; private set; } = string.Empty;
    public long Id { get; private set; }
    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 50, 0);

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(string subject, long id, CancellationToken ct)
    {
        var (page, size) = Input.Paging(PageNumber, 50, 50);
        if (await HistoryApi.LoadAsync(db, subject, id, ct, page, size) is not { } entries)
        {
            return NotFound();
        }

        (Subject, Id, Entries) = (subject, id, entries);
        Paging = new Paging(page, size, await HistoryApi.CountAsync(db, subject, id, ct));
        return Page();
    }
}
