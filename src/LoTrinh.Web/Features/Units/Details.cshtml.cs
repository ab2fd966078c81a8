using LoTrinh.Core.Accounts;
using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Classification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Units;

public sealed class DetailsModel(AppDbContext db, TimeProvider time) : FormPage
{
    public UnitView Unit { get; private set; } = null!;

    /// <summary>Where its People's Committee sits and who says so, when entered.</summary>
    public (decimal? Latitude, decimal? Longitude, string? Source) Seat { get; private set; }

    /// <summary>Its assessments against the unit standards (1211/2016, 76/2025, 112/2025), for those who read internal data.</summary>
    public IReadOnlyList<AssessmentRow>? Assessments { get; private set; }

    public ClassPicker? AssessPicker { get; private set; }

    public bool CanAssess => db.Viewer.Can(Permission.ManageProgramme);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await UnitsApi.LoadAsync(db, id, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Seat = await db.Units.Where(u => u.Id == id).Select(u => new ValueTuple<decimal?, decimal?, string?>(u.SeatLatitude, u.SeatLongitude, u.SeatSource)).FirstAsync(ct);
        if (db.Viewer.Can(Permission.ReadInternal))
        {
            Assessments = await UrbanAreas.UnitAssessmentsAsync(db, id, ct);
            var subject = await UrbanAreas.SubjectAsync(db, AssessmentSubject.Unit(id), Clock.Today(time), ct);
            var sets = (await CriteriaSetStore.ActiveAsync(db, ct)).Where(s => s.Kind == CriteriaSetKind.AdministrativeUnit).OrderByDescending(s => s.EffectiveFrom).ToList();
            AssessPicker = new ClassPicker("pick", "Loại đơn vị, theo cơ sở pháp lý", sets,
                subject?.TodayBasis is { } basis && subject.NextClass is { } next ? ClassPicker.Value(basis, next) : null, Assessable: true);
        }

        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostSeatAsync(long id, string? latitude, string? longitude, string? source, CancellationToken ct)
    {
        if (await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) is not { } unit)
        {
            return NotFound();
        }

        var errors = new InputErrors();
        var (lat, lng) = (errors.Number("latitude", latitude, -90, 90), errors.Number("longitude", longitude, -180, 180));
        if (!errors.Any)
        {
            errors = await UnitsApi.SetSeatAsync(db, unit, new UnitsApi.SeatInput(lat, lng, source), ct);
        }

        if (!errors.Any)
        {
            return Redirect($"/Units/Details/{id}#seat");
        }

        await OnGetAsync(id, ct);
        Errors = errors;
        Seat = (null, null, source);
        return Page();
    }
}
