using LoTrinh.Core.Accounts;
using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Classification;

/// <summary>
/// The assessment form: one field per standard of the class, prefilled from the latest measurements — of an urban area
/// (/Classification/Assess/{id}) or of an administrative unit against the unit standards (/Classification/Assess?unit=).
/// </summary>
public sealed class AssessModel(AppDbContext db, TimeProvider time) : FormPage
{
    public const string ValuePrefix = "value:";
    public const string NotConsideredPrefix = "skip:";

    public SubjectView Subject { get; private set; } = null!;
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
    public async Task<IActionResult> OnGetAsync(long? id, long? unit, string? basis, string? @class, string? pick, CancellationToken ct)
    {
        if (await Load(id, unit, basis, @class, pick, ct) is { } refused)
        {
            return refused;
        }

        foreach (var (code, p) in Prefill)
        {
            Values[code] = new StandardValue.Number(p.Value).Display();
        }

        Heritage = Subject.Heritage;
        Regions.UnionWith(Subject.Regions);
        AssessedOn = Clock.Today(time).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(long? id, long? unit, string? basis, string? @class, string? pick, CancellationToken ct)
    {
        if (await Load(id, unit, basis, @class, pick, ct) is { } refused)
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
        var (saved, errors) = await UrbanAreas.AssessAsync(db, Subject.Subject, request, ct);
        if (saved is not null)
        {
            return Redirect($"/Classification/Assessment/{saved.Id}");
        }

        Errors = errors;
        Problem = "Chưa lưu: xem thông báo bên cạnh từng ô.";
        return Page();
    }

    private async Task<IActionResult?> Load(long? id, long? unit, string? basis, string? urbanClass, string? pick, CancellationToken ct)
    {
        if (pick is not null)
        {
            (basis, urbanClass) = ClassPicker.Split(pick);
        }

        var subject = id is { } area ? AssessmentSubject.Area(area) : unit is { } u ? AssessmentSubject.Unit(u) : null;
        if (subject is null || await UrbanAreas.SubjectAsync(db, subject, Clock.Today(time), ct) is not { } view)
        {
            return NotFound();
        }

        Subject = view;
        var set = await CriteriaSetStore.FindAsync(db, basis ?? view.TodayBasis ?? "", ct);
        var found = set?.Kind == subject.Kind ? set.FindClass(urbanClass ?? view.NextClass ?? "") : null;
        if (set is null || found is null || found.Method == ClassMethod.Unavailable)
        {
            Problem = set is null
                ? $"Không có cơ sở pháp lý '{basis}'."
                : set.Kind != subject.Kind
                ? $"{set.LegalBasis} không dùng để đánh giá {(subject.AreaId is null ? "đơn vị hành chính" : "đô thị")}."
                : $"Cơ sở {set.Basis} không đánh giá được loại '{urbanClass}' (có: {string.Join(", ", set.Classes.Where(c => c.Method != ClassMethod.Unavailable).Select(c => c.Code))}).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Content(Problem, "text/plain; charset=utf-8");
        }

        Set = set;
        Class = found;
        Standards = [.. set.StandardsFor(found.Code)];
        Prefill = await UrbanAreas.PrefillAsync(db, subject, set, found.Code, ct);
        return null;
    }

    public string? ValueError(string code) => ErrorFor("values." + code);
}
