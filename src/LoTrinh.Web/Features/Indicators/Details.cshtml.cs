using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Indicators;

public sealed class DetailsModel(AppDbContext db, TimeProvider time) : FormPage
{
    public IndicatorDetails Indicator { get; private set; } = null!;
    public bool MayReport => db.Viewer.Can(Permission.ReportProgress);
    public bool MayApprove => db.Viewer.Can(Permission.ApproveReport);

    /// <summary>Figures of this indicator entered by agencies and not yet approved (the public does not see them).</summary>
    public int Awaiting { get; private set; }
    [BindProperty] public MeasurementInput Form { get; set; } = new(null, null, null, null, null, null, null);

    /// <summary>A figure just deleted from its page: shown with a way to restore it.</summary>
    [BindProperty(SupportsGet = true)] public long? Deleted { get; set; }

    /// <summary>Only the figures of this administrative unit (its code).</summary>
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    /// <summary>The locality the chart shows (a unit id); by default that of the first target in force.</summary>
    [BindProperty(SupportsGet = true, Name = "chart")] public long? ChartUnit { get; set; }

    public IndicatorChart? Chart { get; private set; }

    /// <summary>The page of the locality table (its own pager: the figures below have theirs).</summary>
    [BindProperty(SupportsGet = true, Name = "localities")] public int LocalityPage { get; set; } = 1;

    public IReadOnlyList<LocalityLine> Localities { get; private set; } = [];
    public Paging LocalityPaging { get; private set; } = new(1, IndicatorLocalities.PageSize, 0, "localities");

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public Paging Paging { get; private set; } = new(1, 100, 0);

    public string? DeletedLabel { get; private set; }

    /// <summary>For an indicator that counts the urban-area register: the count today for each locality its targets name.</summary>
    public IReadOnlyList<(string Locality, Classification.RegisterCountView Count)> FromRegister { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (Deleted is { } deleted && MayReport)
        {
            DeletedLabel = await db.Measurements.IgnoreQueryFilters([AppDbContext.DeletedFilter])
                .Where(m => m.Id == deleted && m.IndicatorId == id && m.DeletedAt != null)
                .Select(m => m.PeriodLabel + ": " + m.Value + " (" + m.AdministrativeUnit.Name + ")").FirstOrDefaultAsync(ct);
        }

        return await Show(id, ct);
    }

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostRestoreAsync(long id, long measurement, CancellationToken ct) =>
        await db.RestoreAsync<Targets.Measurement>(measurement, ct) ? RedirectToPage(new { id }) : NotFound();

    [Requires(Permission.ApproveReport)]
    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        await IndicatorsApi.ApproveAsync(db, db.Measurements.Where(m => m.IndicatorId == id), ct);
        return RedirectToPage(new { id });
    }

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var (created, errors) = await IndicatorsApi.AddMeasurementAsync(db, Form with { Indicator = id }, ct);
        if (created is not null)
        {
            return RedirectToPage(new { id });
        }

        Errors = errors;
        return await Show(id, ct);
    }

    private async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var (page, size) = Input.Paging(PageNumber, 100, 100);
        if (await IndicatorsApi.LoadAsync(db, id, time.Today(), Unit, page, size, ct) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        Awaiting = await db.Measurements.CountAsync(m => m.IndicatorId == id && m.AwaitingApproval, ct);
        Chart = await IndicatorChart.LoadAsync(db, id, ChartUnit, ct);
        var (localityPage, localitySize) = Input.Paging(LocalityPage, IndicatorLocalities.PageSize, IndicatorLocalities.PageSize);
        (Localities, var localities) = await IndicatorLocalities.LoadAsync(db, id, time.Today(), localityPage, localitySize, ct);
        LocalityPaging = new Paging(localityPage, localitySize, localities, "localities");
        Paging = new Paging(page, size, indicator.MeasurementsTotal);
        if (db.Viewer.Can(Permission.ReadInternal) && await db.Indicators.Where(x => x.Id == id && x.CountsUrbanAreas).Select(x => new { x.CountsClass, x.CountsBasis }).FirstOrDefaultAsync(ct) is { } counts)
        {
            var counted = new List<(string, Classification.RegisterCountView)>();
            foreach (var l in await db.Targets.Where(t => t.IndicatorId == id && t.AdministrativeUnitId != null)
                .Select(t => new { Id = t.AdministrativeUnitId!.Value, t.AdministrativeUnit!.Name }).Distinct().ToListAsync(ct))
            {
                counted.Add((l.Name, await Classification.RegisterCounts.CountAsync(db, l.Id, counts.CountsClass, counts.CountsBasis, time.Today(), ct)));
            }

            FromRegister = counted;
        }

        return Page();
    }
}
