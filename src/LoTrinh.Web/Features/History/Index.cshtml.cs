using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.History;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public string Subject { get; private set; } = string.Empty;
    public long Id { get; private set; }
    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string subject, long id, CancellationToken ct)
    {
        if (await HistoryApi.LoadAsync(db, subject, id, ct) is not { } entries)
        {
            return NotFound();
        }

        (Subject, Id, Entries) = (subject, id, entries);
        return Page();
    }
}
