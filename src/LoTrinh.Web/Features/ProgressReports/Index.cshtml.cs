using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Directives;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.ProgressReports;

/// <summary>
/// The secretariat's periodic report: a directive (its number, or its id from the directive's page), the cut-off and the
/// period's start, the number the clerk registered; downloaded as DOCX or PDF, or the problems named beside the fields.
/// </summary>
public sealed class IndexModel(AppDbContext db, IServiceScopeFactory scopes, TimeProvider time, PdfConversion pdf) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? Directive { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? Number { get; set; }
    public bool PdfAvailable => pdf.Converter is not null;

    public void OnGet() => AsOf ??= time.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => FileAsync("docx", ct);

    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => FileAsync("pdf", ct);

    private async Task<IActionResult> FileAsync(string format, CancellationToken ct)
    {
        var (id, problem) = await DirectivesApi.FindAsync(db, Directive, ct);
        if (id is null)
        {
            Errors.Add("directive", problem ?? "Nhập số hoặc mã của văn bản cần báo cáo (ví dụ 29-CTr/TU).");
            return Page();
        }

        var (request, cascade, errors) = await ProgressReportsApi.CheckAsync(db, time, id.Value, AsOf, From, Number, ct);
        Errors = errors;
        if (errors.Any)
        {
            return Page();
        }

        if (request is null || cascade is null)
        {
            return NotFound();
        }

        var docx = await ProgressReportsApi.DocxAsync(db, scopes, time, request, cascade, ct);
        if (format == "docx")
        {
            return File(docx, ProgressReportsApi.DocxType, ProgressReportsApi.FileName(request, "docx"));
        }

        if (await pdf.ConvertAsync(docx, ct) is { } printed)
        {
            return File(printed, "application/pdf", ProgressReportsApi.FileName(request, "pdf"));
        }

        Errors.Add("format", "Máy chủ chưa in được PDF (chưa có LibreOffice hoặc in không thành công); hãy tải bản DOCX.");
        return Page();
    }
}
