using LoTrinh.Core.Documents;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Directives;

public sealed class IndexModel(AppDbContext db, LoTrinh.Web.Features.Accounts.ViewerAccessor viewers) : PageModel
{
    /// <summary>A node of the cascade: enough to name it.</summary>
    public sealed record Node(long Id, string? Number, string Kind, string Issuer, DateOnly? IssuedOn, bool TextOnFile);

    /// <summary>Children shown under a node; a national resolution has a programme per province, a programme dozens of plans.</summary>
    public const int ChildrenShown = 12;

    /// <summary>Only people who may register a directive are offered the button.</summary>
    public bool MayManage => viewers.Current.Can(LoTrinh.Core.Accounts.Permission.ManageProgramme);

    private ILookup<long, Node> _children = Array.Empty<Node>().ToLookup(n => 0L);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    /// <summary>Only the directives implementing this one (its id).</summary>
    [BindProperty(SupportsGet = true)] public long? Implements { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Node> Roots { get; private set; } = [];
    public IReadOnlyList<DirectiveRow> Rows { get; private set; } = [];
    public string? ImplementsName { get; private set; }
    public IEnumerable<string> Kinds => DirectiveKinds.Names.Order(StringComparer.Ordinal);
    public Paging Paging { get; private set; } = new(1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The cascade: a directive sits under the one it implements; the rest are roots. Two light queries,
        // children found through a lookup (linear, whatever the country holds).
        var nodes = await db.Directives.AsNoTracking()
            .OrderBy(d => d.IssuedOn == null).ThenBy(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => new Node(d.Id, d.Number, d.Kind, d.IssuerName, d.IssuedOn, d.FullText != null)).ToListAsync(ct);
        var links = await db.DirectiveLinks.AsNoTracking().Where(l => l.Relation == DirectiveRelations.Implements)
            .Select(l => new { l.FromDirectiveId, l.ToDirectiveId }).ToListAsync(ct);
        var byId = nodes.ToDictionary(n => n.Id);
        var position = nodes.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _children = links.Where(l => byId.ContainsKey(l.FromDirectiveId) && byId.ContainsKey(l.ToDirectiveId))
            .OrderBy(l => position[l.FromDirectiveId]).ToLookup(l => l.ToDirectiveId, l => byId[l.FromDirectiveId]);
        var implementing = links.Select(l => l.FromDirectiveId).ToHashSet();
        Roots = [.. nodes.Where(d => !implementing.Contains(d.Id) && (d.TextOnFile || _children[d.Id].Any()))];

        if (Implements is { } parent)
        {
            ImplementsName = byId.TryGetValue(parent, out var p) ? p.Number ?? p.Kind + " — " + p.Issuer : null;
        }

        var (page, size) = Input.Paging(PageNumber, 50, 50);
        (Rows, var total) = await DirectivesApi.QueryAsync(db, Q, Kind, Implements, page, size, ct);
        Paging = new Paging(page, size, total);
    }

    /// <summary>The most directives one file carries; the country's programme has about two thousand.</summary>
    public const int MaxExported = 20_000;

    /// <summary>The list as filtered (in the reader's scope: the public's is what is published), as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (TableExport.Format(format) is not { } type)
        {
            return TableExport.Refused("Không xuất được danh sách", TableExport.FormatProblem);
        }

        var (rows, total) = await DirectivesApi.QueryAsync(db, Q, Kind, Implements, 1, MaxExported, ct);
        if (total > MaxExported)
        {
            return TableExport.Refused("Danh sách quá dài", $"Danh sách có {total:N0} văn bản, quá {MaxExported:N0}; hãy lọc theo loại hoặc từ khóa.");
        }

        var xlsx = type == MiniExcelLibs.ExcelType.XLSX;
        var (file, contentType, name) = await TableExport.WriteAsync(rows.Select(d => new Dictionary<string, object?>
        {
            ["Mã"] = d.Id,
            ["Số hiệu"] = d.Number,
            ["Loại"] = d.Kind,
            ["Cơ quan ban hành"] = d.Issuer,
            ["Ngày ban hành"] = d.IssuedOn is not { } on ? null : xlsx ? on.ToDateTime(TimeOnly.MinValue) : on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Trích yếu"] = d.Title,
            ["Triển khai văn bản"] = string.Join("; ", d.Links.Where(l => l.Relation == DirectiveRelations.Implements).Select(l => l.Number)),
        }), type, "van-ban", ct);
        return File(file, contentType, name);
    }

    public IReadOnlyList<Node> ChildrenOf(long id) => [.. _children[id].Take(ChildrenShown)];

    public int ChildCount(long id) => _children[id].Count();
}
