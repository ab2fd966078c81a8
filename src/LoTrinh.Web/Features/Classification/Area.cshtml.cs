using LoTrinh.Core.Accounts;
using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Classification;

/// <summary>An urban area of the register: its classes over time, its targets, its assessments; record a class, retire it.</summary>
public sealed class AreaModel(AppDbContext db, TimeProvider time) : FormPage
{
    public UrbanAreaDetails Details { get; private set; } = null!;

    /// <summary>The urban-classification sets in use (for recording a class and choosing what to assess).</summary>
    public IReadOnlyList<CriteriaSet> Sets { get; private set; } = [];

    public bool CanEdit => db.Viewer.Can(Permission.ManageProgramme);

    /// <summary>What the class form shows after a refused save.</summary>
    public ClassInput? TypedClass { get; private set; }

    public RetireInput? TypedRetire { get; private set; }

    /// <summary>The class a recognition records: any class of any classification basis.</summary>
    public ClassPicker RecordPicker => new("pick", "Loại đô thị", Sets,
        TypedClass is null ? null : ClassPicker.Value(TypedClass.Basis ?? "", TypedClass.Class ?? ""), Assessable: false, ErrorFor("class") ?? ErrorFor("basis"));

    /// <summary>The class an assessment checks: the next the area aims at, under the basis in force.</summary>
    public ClassPicker AssessPicker => new("pick", "Loại đô thị cần đạt, theo cơ sở pháp lý", Sets,
        Details.TodayBasis is null || Details.NextClass is null ? null : ClassPicker.Value(Details.TodayBasis, Details.NextClass), Assessable: true);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostClassAsync(long id, string? pick, string? heldFrom, string? recognisedOn, string? decision, string? source, CancellationToken ct)
    {
        var (basis, urbanClass) = ClassPicker.Split(pick);
        var input = new ClassInput(urbanClass, basis, heldFrom, recognisedOn, decision, source);
        if (await Register.AddClassAsync(db, id, input, Clock.Today(time), ct) is not { } errors)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            return Redirect($"/Classification/Area/{id}#classes");
        }

        Errors = errors;
        TypedClass = input;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostRetireAsync(long id, string? retiredOn, string? reason, uint? version, CancellationToken ct)
    {
        var input = new RetireInput(retiredOn, reason, version);
        if (await Register.RetireAsync(db, id, input, Clock.Today(time), ct) is not { } errors)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            return Redirect($"/Classification/Area/{id}");
        }

        Errors = errors;
        TypedRetire = input;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await UrbanAreas.LoadAsync(db, id, Clock.Today(time), ct) is not { } details)
        {
            return false;
        }

        Details = details;
        Sets = [.. (await CriteriaSetStore.ActiveAsync(db, ct)).Where(s => s.Kind == CriteriaSetKind.Urban).OrderByDescending(s => s.EffectiveFrom)];
        return true;
    }
}
