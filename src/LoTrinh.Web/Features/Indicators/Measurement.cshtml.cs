using Microsoft.EntityFrameworkCore;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Indicators;

/// <summary>One figure: correct it, delete it, see its history. A save over a newer one shows what is now on file.</summary>
public sealed class MeasurementModel(AppDbContext db, TimeProvider time) : FormPage
{
    public MeasurementView Measurement { get; private set; } = null!;
    public bool Conflicted { get; private set; }
    public bool MayReport => db.Viewer.Can(Permission.ReportProgress);
    public bool MayApprove => db.Viewer.Can(Permission.ApproveReport);
    [BindProperty] public MeasurementEditInput Form { get; set; } = new(null, null, null, null);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await IndicatorsApi.LoadMeasurementAsync(db, id, ct) is not { } m)
        {
            return NotFound();
        }

        Measurement = m;
        Form = new(m.Value, m.Source, m.PeriodLabel, m.Version);
        return Page();
    }

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var errors = await IndicatorsApi.UpdateMeasurementAsync(db, id, Form, ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            return RedirectToPage(new { id });
        }

        Errors = errors;
        Measurement = (await IndicatorsApi.LoadMeasurementAsync(db, id, ct))!;
        if (errors.IsConflict)
        {
            Conflicted = true;
            Form = Form with { Version = Measurement.Version };
        }

        return Page();
    }

    [Requires(Permission.ApproveReport)]
    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        await IndicatorsApi.ApproveAsync(db, db.Measurements.Where(m => m.Id == id), ct);
        return RedirectToPage(new { id });
    }

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var indicator = await db.Measurements.Where(m => m.Id == id).Select(m => (long?)m.IndicatorId).FirstOrDefaultAsync(ct);
        return indicator is { } of && await db.SoftDeleteAsync<Targets.Measurement>(id, time, ct)
            ? Redirect($"/Indicators/Details/{of}?deleted={id}")
            : NotFound();
    }
}
