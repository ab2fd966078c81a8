using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Classification;

/// <summary>The register of urban areas (sổ theo dõi đô thị): every area, its class today, its targets, its latest assessment.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<UrbanAreaRow> Areas { get; private set; } = [];

    /// <summary>How many areas hold each class today (as the register writes it), retired ones apart.</summary>
    public IReadOnlyList<(string Class, int Count)> ByClass { get; private set; } = [];

    public bool CanEdit => db.Viewer.Can(Permission.ManageProgramme);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Areas = await UrbanAreas.ListAsync(db, Clock.Today(time), ct);
        ByClass = [.. Areas.Where(a => a.RetiredOn is null && a.Current is not null)
            .GroupBy(a => a.Current!.ClassName).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal)];
    }

    /// <summary>The register as CSV or XLSX, with the page's columns.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (TableExport.Format(format) is not { } type)
        {
            return TableExport.Refused("Không xuất được danh sách", TableExport.FormatProblem);
        }

        var rows = await UrbanAreas.ListAsync(db, Clock.Today(time), ct);
        var (file, contentType, name) = await TableExport.WriteAsync(rows.Select(a => new Dictionary<string, object?>
        {
            ["Mã"] = a.Id,
            ["Đô thị"] = a.Name,
            ["Tỉnh, thành phố"] = a.ProvinceName,
            ["Đơn vị hành chính"] = a.UnitName,
            ["Đơn vị trước 01/07/2025"] = a.FormerUnitName,
            ["Loại đô thị"] = a.Current?.Class,
            ["Cơ sở pháp lý"] = a.Current is null ? null : "NQ " + a.Current.Basis,
            ["Loại theo cơ sở đang hiệu lực"] = a.Today?.Class,
            ["Mục tiêu"] = string.Join("; ", a.Targets.Select(t => $"{t.Year}: loại {t.AsWritten.Class}")),
            ["Đánh giá gần nhất"] = a.Latest is { } l ? l.AssessedOn.ToDateTime(TimeOnly.MinValue) : null,
            ["Kết quả"] = a.Latest?.VerdictText,
            ["Thôi theo dõi từ"] = a.RetiredOn?.ToDateTime(TimeOnly.MinValue),
        }), type, "so-do-thi", ct);
        return File(file, contentType, name);
    }
}
