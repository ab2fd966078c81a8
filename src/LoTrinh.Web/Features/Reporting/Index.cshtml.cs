using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Reporting;

/// <summary>The reporting cycle's front page: an agency's own reports first; the regimes with their periods; a new regime.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : FormPage
{
    public IReadOnlyList<ReportSummary> MyReports { get; private set; } = [];
    public IReadOnlyList<RegimeView> Regimes { get; private set; } = [];
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string Kind { get; set; } = "periodic";
    [BindProperty] public string Frequency { get; set; } = "quarter";
    [BindProperty] public string CutOff { get; set; } = "decree09";
    [BindProperty] public string DeadlineRule { get; set; } = "day_of_last_month";
    [BindProperty] public int? DeadlineValue { get; set; } = 20;
    [BindProperty] public string? Directive { get; set; }
    [BindProperty] public string? Recipient { get; set; } = "Thường trực Ban Chỉ đạo";
    [BindProperty] public string? InForceFrom { get; set; }
    [BindProperty] public string? WindowFrom { get; set; }
    [BindProperty] public string? WindowTo { get; set; }
    [BindProperty] public string? DueOn { get; set; }
    [BindProperty] public List<long> Indicators { get; set; } = [];

    /// <summary>The indicators a regime may ask for (a province has tens, the country a hundred or so).</summary>
    public IReadOnlyList<(long Id, string Name, string Unit)> IndicatorChoices { get; private set; } = [];
    public long? Created { get; private set; }

    public async Task OnGetAsync(long? created, CancellationToken ct)
    {
        Created = created;
        await LoadAsync(ct);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (regime, errors) = await ReportingCycle.CreateRegimeAsync(db,
            new RegimeInput(Name, Kind, Frequency, CutOff, DeadlineRule, DeadlineValue, Directive, Recipient, InForceFrom, WindowFrom, WindowTo, DueOn, Indicators), time, ct);
        if (regime is not null)
        {
            return RedirectToPage("Index", new { created = regime.Id });
        }

        Errors = errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = time.Today();
        CanManage = db.Viewer.Can(Permission.ManageProgramme);
        if (db.Viewer.AgencyId is not null)
        {
            MyReports = await ReportingViews.ReportsAsync(db.AgencyReports.Where(r => r.AgencyId == db.Viewer.AgencyId), ct);
        }

        Regimes = await ReportingViews.RegimesAsync(db, ct);
        if (CanManage)
        {
            IndicatorChoices = [.. (await db.Indicators.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Id, i.Name, i.Unit }).ToListAsync(ct))
                .Select(i => (i.Id, i.Name, i.Unit))];
        }
    }
}
