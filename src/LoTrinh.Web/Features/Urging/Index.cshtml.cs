using LoTrinh.Core.Accounts;
using LoTrinh.Core.Urging;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Urging;

/// <summary>The urging log (nhật ký đôn đốc), filtered and exported; the secretariat runs the day's rules from here.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : FormPage
{
    [BindProperty(SupportsGet = true)] public long? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public long? Directive { get; set; }
    [BindProperty(SupportsGet = true, Name = "task")] public long? TaskId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<UrgingRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 100, 0);
    public IReadOnlyList<(long Id, string Name)> Directives { get; private set; } = [];
    public string? AgencyName { get; private set; }
    public bool CanManage => db.Viewer.Can(Permission.ManageProgramme);
    public DailyUrging.Outcome? Ran { get; private set; }
    public string ExportQuery => Request.QueryString.Value ?? string.Empty;

    public static IEnumerable<(string Code, string Label)> Kinds =>
        Enum.GetValues<UrgeKind>().Select(k => (AppDbContext.SnakeCase(k.ToString()), k.Vietnamese()));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(Permission.ManageProgramme)]
    public async Task OnPostRunAsync(CancellationToken ct)
    {
        Ran = await DailyUrging.RunAsync(db, time.Today(), ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var filter = UrgingApi.ReadFilter(Agency, Directive, TaskId, From, To, Kind, Errors);
        Directives = [.. (await db.Directives.AsNoTracking().Where(d => db.Tasks.Any(t => t.DirectiveId == d.Id))
            .OrderBy(d => d.Number).Select(d => new { d.Id, Name = d.Number ?? d.Kind + " — " + d.IssuerName }).Take(500).ToListAsync(ct))
            .Select(d => (d.Id, d.Name))];
        AgencyName = Agency is { } id ? await db.Agencies.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct) : null;
        if (Errors.Any)
        {
            return;
        }

        var (page, size) = Input.Paging(PageNumber, 100, 100);
        var query = UrgingApi.Filtered(db, filter);
        Paging = new Paging(page, size, await query.CountAsync(ct));
        Rows = await UrgingApi.RowsAsync(query, (page - 1) * size, size, ct);
    }
}
