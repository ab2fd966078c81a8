using LoTrinh.Core.Accounts;
using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Classification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web.Features.Units;

public sealed class DetailsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public UnitView Unit { get; private set; } = null!;

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
}
