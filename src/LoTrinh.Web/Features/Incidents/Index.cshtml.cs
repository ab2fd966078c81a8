using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Incidents;

/// <summary>The incident log (sổ theo dõi vụ việc hiện trường): filters, status as of today, export.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];
    public IReadOnlyList<IncidentKind> Kinds { get; private set; } = [];
    public DateOnly AsOf { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public InputErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOf = Clock.Today(time);
        Kinds = await db.IncidentKinds.AsNoTracking().OrderBy(k => k.Sort).ToListAsync(ct);
        var filter = new IncidentFilter(Kind, IncidentBook.IsStatus(Status) ? Status : null, null, null, Errors.Date("from", From), Errors.Date("to", To));
        Incidents = await IncidentBook.LoadAsync(db, AsOf, filter, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (TableExport.Format(format) is not { } type)
        {
            return TableExport.Refused("Không xuất được danh sách", TableExport.FormatProblem);
        }

        await OnGetAsync(ct);
        var rows = Incidents.Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Mã"] = i.Id,
            ["Loại"] = i.KindName,
            ["Mô tả"] = i.Description,
            ["Ngày xảy ra"] = i.OccurredOn.ToDateTime(TimeOnly.MinValue),
            ["Địa bàn"] = i.Locality,
            ["Địa chỉ"] = i.Address,
            ["Vĩ độ"] = i.Placement == Projects.Placement.Point ? i.Latitude : null,
            ["Kinh độ"] = i.Placement == Projects.Placement.Point ? i.Longitude : null,
            ["Dự án"] = i.ProjectName,
            ["Người báo"] = i.ReportedBy,
            ["Cơ quan xử lý"] = i.Agency,
            ["Ngày giao"] = i.AssignedOn?.ToDateTime(TimeOnly.MinValue),
            ["Hạn xử lý"] = i.DueOn?.ToDateTime(TimeOnly.MinValue),
            ["Ngày xử lý xong"] = i.ResolvedOn?.ToDateTime(TimeOnly.MinValue),
            ["Tình trạng"] = i.StatusName,
            ["Kết quả"] = i.Resolution,
        });
        var (file, contentType, name) = await TableExport.WriteAsync(rows, type, "vu-viec-hien-truong", ct);
        return File(file, contentType, name);
    }
}
