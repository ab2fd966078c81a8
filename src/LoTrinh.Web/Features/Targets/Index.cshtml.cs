using LoTrinh.Core.Targets;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Targets;

/// <summary>
/// The targets in force with their progress as of a cut-off, filtered by category and directive: the list behind
/// each count of the dashboard, and the public's list of the programme's targets. Exported as the page shows it.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }

    /// <summary>A progress category's code (achieved, on_track, …); all when empty.</summary>
    [BindProperty(SupportsGet = true)] public string? Progress { get; set; }

    /// <summary>The targets of one directive (id or number).</summary>
    [BindProperty(SupportsGet = true)] public string? Directive { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public DateOnly AsOf { get; private set; }
    public string? Error { get; private set; }
    public string? DirectiveName { get; private set; }
    public IReadOnlyList<TargetRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 50, 0);

    /// <summary>The most rows one export carries (a country holds about 20,000 targets).</summary>
    public const int MaxExported = 50_000;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is not { } targets)
        {
            return;
        }

        var (page, size) = Input.Paging(PageNumber, 50, 50);
        (Rows, var total) = await TargetStatus.PageAsync(db, targets, AsOf, page, size, ct, ProgressCode);
        Paging = new Paging(page, size, total);
    }

    /// <summary>The list as filtered, as CSV (UTF-8 with BOM) or XLSX, with the page's columns; an impossible filter answers 400.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (TableExport.Format(format) is not { } type || await FilterAsync(ct) is not { } targets)
        {
            return BadRequest(new ProblemDetails
            {
                Title = "Không xuất được danh sách",
                Detail = Error ?? TableExport.FormatProblem,
                Status = StatusCodes.Status400BadRequest,
            });
        }

        var (rows, _) = await TargetStatus.PageAsync(db, targets, AsOf, 1, MaxExported, ct, ProgressCode);
        var table = rows.Select(t => new Dictionary<string, object?>
        {
            ["Mã"] = t.Id,
            ["Văn bản"] = t.Directive,
            ["Mục"] = t.Section,
            ["Chỉ số"] = t.Indicator,
            ["Địa bàn"] = t.Locality ?? t.Scope,
            ["Năm"] = t.Year,
            ["Mức chỉ tiêu"] = t.Wording,
            ["Số liệu gần nhất"] = t.Latest?.Value,
            ["Đơn vị tính"] = t.Unit,
            ["Kỳ số liệu"] = t.Latest?.PeriodLabel,
            ["Tiến độ"] = t.ProgressLabel,
            ["Tình trạng"] = t.StatusLabel,
        });
        var (file, contentType, name) = await TableExport.WriteAsync(table, type, $"chi-tieu-{AsOf:yyyy-MM-dd}", ct);
        return File(file, contentType, name);
    }

    /// <summary>The category asked for, when it is one (an unknown code is named beside the field by <see cref="FilterAsync"/>).</summary>
    private string? ProgressCode => string.IsNullOrWhiteSpace(Progress) ? null : Progress.Trim();

    private async Task<IQueryable<Target>?> FilterAsync(CancellationToken ct)
    {
        AsOf = time.Today();
        if (!Input.TryDate(AsOfText, out var asOf, out var error))
        {
            Error = error;
            return null;
        }

        AsOf = asOf ?? AsOf;
        if (ProgressCode is { } code && !TargetStatus.Categories.Any(c => c.Code() == code))
        {
            Error = $"Không có loại tiến độ \"{code}\"; chọn một loại trong danh sách.";
            return null;
        }

        var (directiveId, problem) = await Directives.DirectivesApi.FindAsync(db, Directive, ct);
        if (problem is not null)
        {
            Error = problem;
            return null;
        }

        var targets = TargetStatus.InForce(db);
        if (directiveId is { } d)
        {
            DirectiveName = await db.Directives.Where(x => x.Id == d).Select(x => x.Number ?? x.Title).FirstAsync(ct);
            targets = targets.Where(t => t.DirectiveId == d);
        }

        return targets;
    }
}
