using LoTrinh.Core.Accounts;
using System.Text;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Classification;

/// <summary>Criteria sets: see which version of each legal basis is in use, upload a corrected one, activate it.</summary>
public sealed class SetsModel(AppDbContext db) : FormPage
{
    private const long MaxBytes = 2_000_000;

    public IReadOnlyList<CriteriaSetRow> Sets { get; private set; } = [];
    public IReadOnlyList<string> UploadErrors { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? saved, CancellationToken ct)
    {
        Message = saved;
        Sets = await CriteriaSetStore.ListAsync(db, ct);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        var errors = new List<string>();
        if (file is null || file.Length == 0)
        {
            errors.Add("Chọn một tệp JSON của bộ tiêu chuẩn.");
        }
        else if (file.Length > MaxBytes)
        {
            errors.Add("Tệp lớn hơn 2 MB; không phải một bộ tiêu chuẩn.");
        }

        if (errors.Count == 0)
        {
            using var reader = new StreamReader(file!.OpenReadStream(), Encoding.UTF8);
            var (version, problems) = await CriteriaSetStore.UploadAsync(db, await reader.ReadToEndAsync(ct), db.Viewer.Name, ct);
            if (version is not null)
            {
                return RedirectToPage(new { saved = $"Đã lưu phiên bản {version.Version} của cơ sở {version.Basis} (chưa dùng; bấm \"Dùng phiên bản này\")." });
            }

            errors.AddRange(problems);
        }

        UploadErrors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Sets = await CriteriaSetStore.ListAsync(db, ct);
        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostActivateAsync(string basis, long? id, CancellationToken ct)
    {
        if (!await CriteriaSetStore.ActivateAsync(db, basis, id, ct))
        {
            return NotFound();
        }

        return RedirectToPage(new { saved = $"Cơ sở {basis} nay dùng {(id is null ? "bộ dựng sẵn" : "phiên bản đã tải lên")}." });
    }
}
