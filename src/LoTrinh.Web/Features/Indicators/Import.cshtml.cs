using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Indicators;

/// <summary>Figures in bulk from a spreadsheet: all of them written, or none and every faulty row listed.</summary>
[RequestSizeLimit(MeasurementImport.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MeasurementImport.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(AppDbContext db) : PageModel
{
    public MeasurementImportResult? Result { get; private set; }
    public string? FileName { get; private set; }

    /// <summary>The next import's run id: the page follows its progress while the upload is being imported.</summary>
    public Guid Run { get; private set; } = Guid.CreateVersion7();

    public void OnGet()
    {
    }

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file, Guid? run, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Result = new(0, 0, 0, 0, ["Chọn một tệp .csv hoặc .xlsx."], 1);
        }
        else if (file.Length > MeasurementImport.MaxBytes)
        {
            Result = new(0, 0, 0, 0, [$"Tệp lớn hơn {MeasurementImport.MaxBytes / 1024 / 1024} MB; hãy chia nhỏ."], 1);
        }
        else
        {
            FileName = file.FileName;
            await using var stream = file.OpenReadStream();
            Result = await MeasurementImport.RunAsync(db, run ?? Guid.CreateVersion7(), file.FileName, stream, ct);
        }

        if (Result.ProblemCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
