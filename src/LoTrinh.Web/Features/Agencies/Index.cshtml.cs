using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Agencies;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AgencyRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (page, size) = Input.Paging(PageNumber, 50, 50);
        (Rows, var total) = await AgenciesApi.QueryAsync(db, Q, Kind, page, size, ct);
        Paging = new Paging(page, size, total);
    }

    /// <summary>The most agencies one file carries: the country has about five thousand.</summary>
    public const int MaxExported = 20_000;

    /// <summary>The list as filtered, as CSV or XLSX, with the page's columns (and the id and short name the page links by).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (TableExport.Format(format) is not { } type)
        {
            return TableExport.Refused("Không xuất được danh sách", TableExport.FormatProblem);
        }

        var (rows, total) = await AgenciesApi.QueryAsync(db, Q, Kind, 1, MaxExported, ct);
        if (total > MaxExported)
        {
            return TableExport.Refused("Danh sách quá dài", $"Danh sách có {total:N0} cơ quan, quá {MaxExported:N0}; hãy lọc theo tên hoặc loại.");
        }

        var (file, contentType, name) = await TableExport.WriteAsync(rows.Select(a => new Dictionary<string, object?>
        {
            ["Mã"] = a.Id,
            ["Tên"] = a.Name,
            ["Tên viết tắt"] = a.ShortName,
            ["Loại"] = a.KindLabel,
            ["Địa bàn"] = a.Unit,
            ["Số nhiệm vụ"] = a.Tasks,
        }), type, "co-quan", ct);
        return File(file, contentType, name);
    }
}
