using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Incidents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Map;

/// <summary>
/// The operations centre's map: key projects and field incidents as layers with filters, clustered when dense; offline by
/// default (a plain background with a scale and the units' names), tiles only when a server is configured. The same data as a
/// table below, and what has no place yet listed by its unit.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, IConfiguration configuration) : PageModel
{
    public MapData Data { get; private set; } = null!;
    public IReadOnlyList<IncidentKind> IncidentKinds { get; private set; } = [];
    public bool SeesIncidents => db.Viewer.Can(Permission.ReadInternal);

    [BindProperty(SupportsGet = true)]
    public string[]? Layers { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ProjectKind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ProjectStatus { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? IncidentKind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? IncidentStatus { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public InputErrors Errors { get; } = new();

    public bool Shows(string layer) => Layers is not { Length: > 0 } || Layers.Contains(layer);

    public async Task OnGetAsync(CancellationToken ct)
    {
        IncidentKinds = SeesIncidents ? await db.IncidentKinds.AsNoTracking().OrderBy(k => k.Sort).ToListAsync(ct) : [];
        var query = new MapQuery(Layers is { Length: > 0 } l ? string.Join(',', l) : null, ProjectKind,
            Core.Projects.ProjectNames.TryParseState(ProjectStatus, out _) ? ProjectStatus : null, IncidentKind,
            IncidentBook.IsStatus(IncidentStatus) ? IncidentStatus : null, null, Errors.Date("from", From), Errors.Date("to", To));
        Data = await MapApi.LoadAsync(db, Clock.Today(time), query, configuration, ct);
    }
}
