using LoTrinh.Core.Accounts;
using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Classification;

/// <summary>The assessment form: one field per standard of the class, prefilled from the latest measurements.</summary>
public sealed class AssessModel(AppDbContext db, TimeProvider time) : FormPage
{
    public const string ValuePrefix = "value:";
    public const string NotConsideredPrefix = "skip:";

    public UrbanAreaDetails Area { get; private set; } = null!;
    public CriteriaSet Set { get; private set; } = null!;
    public UrbanClass Class { get; private set; } = null!;
    public IReadOnlyList<Standard> Standards { get; private set; } = [];
    public IReadOnlyDictionary<string, PrefillValue> Prefill { get; private set; } = new Dictionary<string, PrefillValue>();

    /// <summary>What the form shows: the posted text after a refused save, otherwise the prefilled value.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> NotConsidered { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Regions { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool Heritage { get; private set; }
    public string? AssessedOn { get; private set; }
    public string? AssessedBy { get; private set; }
    public string? Note { get; private set; }
    public string? Problem { get; private set; }

    /// <param name="pick">The class as the area page's picker sends it ("basis|class"), instead of basis and class.</param>
    public async Task<IActionResult> OnGetAsync(long id, string? basis, string? @class, string? pick, CancellationToken ct)
    {
        if (await Load(id, basis, @class, pick, ct) is { } refused)
        {
            return refused;
        }

        foreach (var (code, p) in Prefill)
        {
            Values[code] = new StandardValue.Number(p.Value).Display();
        }

        Heritage = Area.Heritage;
        Regions.UnionWith(Area.Regions);
        AssessedOn = Clock.Today(time).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(long id, string? basis, string? @class, string? pick, CancellationToken ct)
    {
        if (await Load(id, basis, @class, pick, ct) is { } refused)
        {
            return refused;
        }

        var form = Request.Form;
        var values = new Dictionary<string, StandardValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in Standards)
        {
            string? text = form[ValuePrefix + s.Code];
            Values[s.Code] = text;
            if (StandardValue.Parse(text, s.Kind) is { } value)
            {
                values[s.Code] = value;
            }

            if (form.ContainsKey(NotConsideredPrefix + s.Code))
            {
                NotConsidered.Add(s.Code);
            }
        }

        Heritage = form.ContainsKey("heritage");
        Regions.UnionWith(form["region"].OfType<string>());
        AssessedOn = form["assessedOn"];
        AssessedBy = form["assessedBy"];
        Note = form["note"];
        var request = new AssessmentRequest(Set.Basis, Class.Code, AssessedOn, AssessedBy, values, NotConsidered, Heritage, Regions, Note);
        var (saved, errors) = await UrbanAreas.AssessAsync(db, id, request, ct);
        if (saved is not null)
        {
            return Redirect($"/Classification/Assessment/{saved.Id}");
        }

        Errors = errors;
        Problem = "Chưa lưu: xem thông báo bên cạnh từng ô.";
        return Page();
    }

    private async Task<IActionResult?> Load(long id, string? basis, string? urbanClass, string? pick, CancellationToken ct)
    {
        if (pick is not null)
        {
            (basis, urbanClass) = ClassPicker.Split(pick);
        }

        if (await UrbanAreas.LoadAsync(db, id, Clock.Today(time), ct) is not { } area)
        {
            return NotFound();
        }

        Area = area;
        var set = await CriteriaSetStore.FindAsync(db, basis ?? area.TodayBasis ?? "", ct);
        var found = set?.FindClass(urbanClass ?? area.NextClass ?? "");
        if (set is null || found is null || found.Method == ClassMethod.Unavailable)
        {
            Problem = set is null
                ? $"Không có cơ sở pháp lý '{basis}'."
                : $"Cơ sở {set.Basis} không đánh giá được loại '{urbanClass}' (có: {string.Join(", ", set.Classes.Where(c => c.Method != ClassMethod.Unavailable).Select(c => c.Code))}).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Content(Problem, "text/plain; charset=utf-8");
        }

        Set = set;
        Class = found;
        Standards = [.. set.StandardsFor(found.Code)];
        Prefill = await UrbanAreas.PrefillAsync(db, id, set, found.Code, ct);
        return null;
    }

    public string? ValueError(string code) => ErrorFor("values." + code);
}
