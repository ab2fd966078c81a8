using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Dashboard;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features;

/// <summary>
/// Home: the published programme for everyone (its directives, the targets with their status); for people
/// who work on it, the task figures too; for a secretariat facing an empty install, what to do first.
/// </summary>
public sealed class IndexModel(AppDbContext db, IServiceScopeFactory scopes, TimeProvider time, ViewerAccessor viewers) : PageModel
{
    /// <summary>A directive of the programme, with how many targets it sets.</summary>
    public sealed record ProgrammeDirective(long Id, string Name, string Title, DateOnly? IssuedOn, int Targets, int Tasks);

    public DateOnly Today { get; private set; }
    public Viewer Viewer { get; private set; } = null!;
    /// <summary>How many of each a home page lists; the rest are a link away (a country holds thousands).</summary>
    public const int Listed = 20;

    public IReadOnlyList<ProgrammeDirective> Programme { get; private set; } = [];
    public int ProgrammeTotal { get; private set; }
    public IReadOnlyList<TargetRow> Targets { get; private set; } = [];
    public int TargetsTotal { get; private set; }
    /// <summary>The dashboard's cut-off date, as typed (dd/mm/yyyy or yyyy-mm-dd); today when empty.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }
    public string? AsOfError { get; private set; }
    public DashboardView? Dashboard { get; private set; }

    /// <summary>An earlier cut-off (the last meeting), as typed: the dashboard then says what changed since.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "since")] public string? SinceText { get; set; }
    public string? SinceError { get; private set; }
    public DashboardChanges? Changes { get; private set; }
    public int NeedAssigning { get; private set; }
    public int NeedSuccessor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = time.Today();
        Viewer = viewers.Current;
        // The dashboard runs beside the programme's lists, on connections of its own: the page waits for the slower.
        await using var beside = scopes.CreateAsyncScope();
        Task<DashboardView>? dashboard = null;
        if (Viewer.Can(Permission.ReadInternal))
        {
            // The dashboard, as of the date asked (an impossible one is named beside the field; today is shown).
            var asOf = Input.TryDate(AsOfText, out var day, out var error) ? day ?? Today : Today;
            AsOfError = error;
            dashboard = ProgrammeDashboard.LoadAsync(ProgrammeDashboard.Beside(db, beside), scopes, asOf, ct);
        }

        // People who work on the programme get its lists in a second request (OnGetProgrammeAsync); the public gets them here.
        await Task.WhenAll(dashboard ?? Task.CompletedTask, dashboard is null ? LoadProgrammeAsync(ct) : CountProgrammeAsync(ct));
        if (dashboard is not null)
        {
            Dashboard = await dashboard;
            if (Input.TryDate(SinceText, out var since, out var sinceError) && since is { } earlier)
            {
                SinceError = earlier < Dashboard.AsOf ? null : $"Ngày so sánh phải trước ngày xem ({Dashboard.AsOf:dd/MM/yyyy}).";
                Changes = SinceError is null ? await DashboardChangesQuery.LoadAsync(db, earlier, Dashboard.AsOf, ct) : null;
            }
            else
            {
                SinceError = sinceError;
            }
        }

        if (Viewer.Can(Permission.ManageProgramme))
        {
            NeedAssigning = await TaskAssignments.CountNeedingAsync(db, null, null, Today, ct, upTo: TaskAssignments.MaxListed);
            NeedSuccessor = await Successions.CountPendingAsync(db, Today, ct);
        }
    }

    /// <summary>The targets by progress (and, with an earlier date, those whose category changed), below the tasks: htmx asks once the page is there.</summary>
    [Requires(Permission.ReadInternal)]
    public async Task<IActionResult> OnGetTargetsAsync(CancellationToken ct)
    {
        var today = time.Today();
        var asOf = Input.TryDate(AsOfText, out var day, out _) ? day ?? today : today;
        DateOnly? since = Input.TryDate(SinceText, out var earlier, out _) && earlier < asOf ? earlier : null;
        return Partial("~/Features/Dashboard/_Targets.cshtml", await TargetsAtGlance.LoadAsync(db, asOf, ct, since));
    }

    /// <summary>Key projects and field incidents, below the targets (a third request: the tasks come first).</summary>
    public async Task<IActionResult> OnGetFieldAsync(CancellationToken ct)
    {
        var today = time.Today();
        var asOf = Input.TryDate(AsOfText, out var day, out _) ? day ?? today : today;
        return Partial("~/Features/Dashboard/_Field.cshtml", await FieldAtGlance.LoadAsync(db, asOf, ct));
    }

    /// <summary>The programme's lists alone, below the dashboard (htmx asks for them once the page is there).</summary>
    public async Task<IActionResult> OnGetProgrammeAsync(CancellationToken ct)
    {
        Today = time.Today();
        Viewer = viewers.Current;
        await LoadProgrammeAsync(ct);
        return Partial("_Programme", this);
    }

    // The programme is the directives on file with their text (a directive known only as a citation is not one of them).
    private IQueryable<Directives.Directive> ProgrammeDirectives => db.Directives.AsNoTracking().Where(d => d.FullText != null);

    private async Task CountProgrammeAsync(CancellationToken ct) => ProgrammeTotal = await ProgrammeDirectives.CountAsync(ct);

    private sealed record ProgrammeLists(IReadOnlyList<ProgrammeDirective> Programme, int ProgrammeTotal, IReadOnlyList<TargetRow> Targets, int TargetsTotal);

    /// <summary>The programme's latest directives and the first targets in force, with their status (kept until the data changes).</summary>
    private async Task LoadProgrammeAsync(CancellationToken ct) =>
        (Programme, ProgrammeTotal, Targets, TargetsTotal) = await db.CachedAsync($"programme:{Today:O}", [FiguresCache.Tasks, FiguresCache.Targets], () => ComputeProgrammeAsync(ct), ct);

    private async Task<ProgrammeLists> ComputeProgrammeAsync(CancellationToken ct)
    {
        var programme = ProgrammeDirectives;
        var total = await programme.CountAsync(ct);
        var latest = await programme.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(Listed)
            .Select(d => new { d.Id, Name = d.Number ?? d.Kind + " — " + d.IssuerName, d.Title, d.IssuedOn }).ToListAsync(ct);
        var ids = latest.Select(d => d.Id).ToList();
        var targets = await db.Targets.Where(t => ids.Contains(t.DirectiveId)).GroupBy(t => t.DirectiveId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var tasks = await db.Tasks.Where(t => ids.Contains(t.DirectiveId)).GroupBy(t => t.DirectiveId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var (firstTargets, targetsTotal) = await TargetStatus.PageAsync(db, TargetStatus.InForce(db), Today, 1, Listed, ct);
        return new ProgrammeLists([.. latest.Select(d => new ProgrammeDirective(d.Id, d.Name, d.Title, d.IssuedOn, targets.GetValueOrDefault(d.Id), tasks.GetValueOrDefault(d.Id)))],
            total, firstTargets, targetsTotal);
    }
}
