using LoTrinh.Core.Accounts;
using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Classification;

/// <summary>Adds an urban area to the register (with its first class) or edits one: the units are chosen from the map.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider time) : FormPage
{
    public long? Id { get; private set; }
    public UrbanAreaInput Input { get; private set; } = new(null, null, null, null, [], false, null, 0);
    public ClassInput FirstClass { get; private set; } = new(null, null, null, null, null, null);

    public IReadOnlyList<(long Id, string Name)> Provinces { get; private set; } = [];

    /// <summary>The province's units on today's map.</summary>
    public IReadOnlyList<(long Id, string Name)> Units { get; private set; } = [];

    /// <summary>Units of the province before 1/7/2025: the predecessors of today's units, and its former districts.</summary>
    public IReadOnlyList<(long Id, string Name)> FormerUnits { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];
    public IReadOnlyList<CriteriaSet> Sets { get; private set; } = [];

    public ClassPicker FirstClassPicker => new("pick", "Loại đô thị", Sets,
        FirstClass.Class is null ? null : ClassPicker.Value(FirstClass.Basis ?? "", FirstClass.Class), Assessable: false, ErrorFor("class") ?? ErrorFor("basis"), Optional: true);

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnGetAsync(long? id, long? province, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await UrbanAreas.LoadAsync(db, existing, Clock.Today(time), ct) is not { } d)
            {
                return NotFound();
            }

            Id = existing;
            Input = new UrbanAreaInput(d.Area.Name, d.ProvinceId, d.UnitId, d.FormerUnitId, d.Regions, d.Heritage, d.Note, d.Version);
        }
        else
        {
            // The register most people keep: the province with the most urban areas.
            var usual = await db.UrbanAreas.Where(a => a.ProvinceId != null).GroupBy(a => a.ProvinceId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync(ct);
            Input = Input with { ProvinceId = province ?? usual };
        }

        await LoadChoicesAsync(Input.ProvinceId, ct);
        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(long? id, string? name, long? provinceId, long? unitId, long? formerUnitId, string[]? regions, bool heritage,
        string? note, uint? version, string? pick, string? heldFrom, string? recognisedOn, string? decision, string? source, CancellationToken ct)
    {
        Input = new UrbanAreaInput(name, provinceId, unitId, formerUnitId, regions ?? [], heritage, note, version);
        var today = Clock.Today(time);
        InputErrors errors;
        if (id is { } existing)
        {
            if (await Register.UpdateAsync(db, existing, Input, today, ct) is not { } updateErrors)
            {
                return NotFound();
            }

            errors = updateErrors;
            Id = existing;
        }
        else
        {
            var (basis, urbanClass) = ClassPicker.Split(pick);
            FirstClass = new ClassInput(urbanClass, basis, heldFrom, recognisedOn, decision, source);
            var (added, addErrors) = await Register.AddAsync(db, Input, FirstClass, today, ct);
            errors = addErrors;
            id = added?.Id;
        }

        if (!errors.Any)
        {
            return Redirect($"/Classification/Area/{id}");
        }

        Errors = errors;
        await LoadChoicesAsync(provinceId, ct);
        return Page();
    }

    private async Task LoadChoicesAsync(long? province, CancellationToken ct)
    {
        var today = Clock.Today(time);
        Provinces = [.. (await db.Units.Where(u => u.Level == "province" && (u.ValidTo == null || u.ValidTo >= today))
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).OrderBy(u => u.Name, StringComparer.Create(new("vi-VN"), false))];
        if (province is { } p)
        {
            Units = [.. (await Register.UnitsOf(db, p, today).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name))];
            FormerUnits = [.. (await Register.FormerUnitsOf(db, p).OrderBy(u => u.Level).ThenBy(u => u.Name)
                .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name))];
        }

        var sets = await CriteriaSetStore.ActiveAsync(db, ct);
        Regions = Register.Regions(sets);
        Sets = [.. sets.Where(s => s.Kind == CriteriaSetKind.Urban).OrderByDescending(s => s.EffectiveFrom)];
    }
}
