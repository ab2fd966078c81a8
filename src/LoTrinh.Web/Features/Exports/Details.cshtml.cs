using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace LoTrinh.Web.Features.Exports;

/// <summary>One export of one's own: its progress (the bar refreshes itself until it is finished), then the file.</summary>
public sealed class DetailsModel(AppDbContext db, NpgsqlDataSource data) : PageModel
{
    public ExportState State { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ExportJobs.StateAsync(data, id, db.Viewer.UserId, ct) is not { } state)
        {
            return NotFound();
        }

        State = state;
        return Page();
    }

    /// <summary>The progress part alone, for the page's polling.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct) =>
        await ExportJobs.StateAsync(data, id, db.Viewer.UserId, ct) is { } state ? Partial("_Progress", state) : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken ct)
    {
        if (await ExportJobs.StateAsync(data, id, db.Viewer.UserId, ct) is not { Done: true } state)
        {
            return NotFound();
        }

        await ExportsApi.SendAsync(data, state, Response, ct);
        return new EmptyResult();
    }
}
