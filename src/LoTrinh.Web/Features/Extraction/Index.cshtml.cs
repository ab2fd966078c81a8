using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Extraction;

/// <summary>Upload a directive to read it; the recent imports and where each stands.</summary>
[RequestSizeLimit(DocumentFile.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentFile.MaxBytes + 1024 * 1024)]
public sealed class IndexModel(AppDbContext db, ImportBacklog backlog) : PageModel
{
    public IReadOnlyList<ImportStatus> Recent { get; private set; } = [];
    public string? Problem { get; private set; }
    public long? SavedAs { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Recent = await DirectiveImports.RecentAsync(db, 30, ct);

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            Problem = "Chọn một tệp văn bản (.txt, .docx, .pdf).";
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var outcome = await DirectiveImports.UploadAsync(db, backlog, file.FileName, buffer.ToArray(), db.Viewer.Name, ct);
            if (outcome.Import is { } import)
            {
                return RedirectToPage("Review", new { id = import.Id });
            }

            Problem = outcome.Problem;
            SavedAs = outcome.SavedAs;
        }

        Response.StatusCode = SavedAs is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        Recent = await DirectiveImports.RecentAsync(db, 30, ct);
        return Page();
    }
}
