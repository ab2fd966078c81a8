using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Classification;

public sealed class AssessmentModel(AppDbContext db) : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    public string SubjectName { get; private set; } = "";

    public AssessmentSubject Subject => new(Assessment.UrbanAreaId, Assessment.AdministrativeUnitId);
    public ResultJson Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await UrbanAreas.FindAssessmentAsync(db, id, ct) is not { } found)
        {
            return NotFound();
        }

        (Assessment, SubjectName, Result) = found;
        return Page();
    }

    /// <summary>The gap table ("còn thiếu gì") as CSV or XLSX: the page's columns, points as numbers.</summary>
    public async Task<IActionResult> OnGetGapsAsync(long id, string? format, CancellationToken ct)
    {
        if (TableExport.Format(format) is not { } type)
        {
            return TableExport.Refused("Không xuất được bảng", TableExport.FormatProblem);
        }

        if (await UrbanAreas.FindAssessmentAsync(db, id, ct) is not { } found)
        {
            return NotFound();
        }

        var (file, contentType, name) = await TableExport.WriteAsync(found.Result.Gaps.Select(g => new Dictionary<string, object?>
        {
            ["Mã tiêu chuẩn"] = g.Code,
            ["Tiêu chuẩn"] = g.Name,
            ["Giá trị hiện có"] = g.ValueText,
            ["Đơn vị"] = g.Unit,
            ["Điểm"] = g.Points,
            ["Có thể tăng (điểm)"] = g.CouldAdd,
            ["Cần để đạt mức tối thiểu"] = g.NeededForMinText ?? "đã đạt",
            ["Cần để đạt mức tối đa"] = g.NeededForMaxText,
        }), type, $"con-thieu-danh-gia-{id}", ct);
        return File(file, contentType, name);
    }
}
