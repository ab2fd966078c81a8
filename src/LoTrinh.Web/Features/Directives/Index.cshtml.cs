using LoTrinh.Core.Documents;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Directives;

public sealed class IndexModel(AppDbContext db, LoTrinh.Web.Features.Accounts.ViewerAccessor viewers) : PageModel
{
    /// <summary>Only people who may register a directive are offered the button.</summary>
    public bool MayManage => viewers.Current.Can(LoTrinh.Core.Accounts.Permission.ManageProgramme);

    private IReadOnlyList<DirectiveRow> _all = [];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<DirectiveRow> Roots { get; private set; } = [];
    public IReadOnlyList<DirectiveRow> Rows { get; private set; } = [];
    public IEnumerable<string> Kinds => DirectiveKinds.Names.Order(StringComparer.Ordinal);
    public Paging Paging { get; private set; } = new(1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The cascade: a directive sits under the one it implements; the rest are roots.
        _all = await DirectivesApi.QueryAsync(db, null, null, ct);
        var implementing = _all.Where(d => d.Links.Any(l => l.Relation == DirectiveRelations.Implements)).Select(d => d.Id).ToHashSet();
        Roots = [.. _all.Where(d => !implementing.Contains(d.Id) && (d.TextOnFile || ChildrenOf(d.Id).Count > 0))];

        var matching = await DirectivesApi.QueryAsync(db, Q, Kind, ct);
        var (page, size) = Input.Paging(PageNumber, 50, 50);
        Paging = new Paging(page, size, matching.Count);
        Rows = [.. matching.Skip((page - 1) * size).Take(size)];
    }

    public IReadOnlyList<DirectiveRow> ChildrenOf(long id) =>
        [.. _all.Where(d => d.Links.Any(l => l.Relation == DirectiveRelations.Implements && l.DirectiveId == id))];
}
