using System.Text.Json;
using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Classification;

/// <param name="Current">The class held today by the register (the latest record started on or before today).</param>
public sealed record UrbanAreaRow(long Id, string Name, string? ProvinceName, string? UnitName, string? FormerUnitName, ClassView? Current, ClassView? Today,
    IReadOnlyList<TargetView> Targets, AssessmentRow? Latest, DateOnly? RetiredOn);

/// <summary>One class record of the register: held from a date, recognised by a decision when known.</summary>
public sealed record ClassHistoryRow(long Id, ClassView Class, DateOnly HeldFrom, DateOnly? RecognisedOn, string? Decision, string? Source);

/// <summary>A class under a basis; <paramref name="Via"/> says when it was obtained by a transition rule.</summary>
public sealed record ClassView(string Class, string ClassName, string Basis, string? Via);

/// <param name="Today">The same target expressed under the basis in force today (Điều 15 NQ 111/2025).</param>
public sealed record TargetView(int Year, ClassView AsWritten, ClassView? Today, string? UnitType, long? DirectiveId, string? DirectiveNumber, string? Section, string? Quote);

public sealed record AssessmentRow(long Id, DateOnly AssessedOn, string Basis, string Class, decimal? Total, string Verdict, string VerdictText, string AssessedBy);

public sealed record UrbanAreaDetails(UrbanAreaRow Area, string? Note, bool Heritage, IReadOnlyList<string> Regions,
    IReadOnlyList<ClassHistoryRow> Classes, string? RetiredReason, long? ProvinceId, long? UnitId, long? FormerUnitId, uint Version,
    IReadOnlyList<AssessmentRow> Assessments, string? TodayBasis, string? NextClass);

/// <summary>A value offered for a standard from the latest measurement of an indicator mapped to it.</summary>
/// <param name="Predecessor">The figure is a predecessor unit's (before the 1/7/2025 reorganisation), not the unit's own.</param>
public sealed record PrefillValue(string Code, decimal Value, string Indicator, string UnitName, string PeriodLabel, string Source, bool Predecessor = false);

/// <summary>What is assessed: an urban area (classified) or an administrative unit (checked against the unit standards).</summary>
public sealed record AssessmentSubject(long? AreaId, long? UnitId)
{
    public static AssessmentSubject Area(long id) => new(id, null);

    public static AssessmentSubject Unit(long id) => new(null, id);

    public CriteriaSetKind Kind => AreaId is null ? CriteriaSetKind.AdministrativeUnit : CriteriaSetKind.Urban;

    /// <summary>Where the subject's page is.</summary>
    public string Page => AreaId is { } area ? $"/Classification/Area/{area}" : $"/Units/Details/{UnitId}";
}

/// <summary>The subject as the assessment form needs it: its name, what it already has, what it aims at.</summary>
public sealed record SubjectView(AssessmentSubject Subject, string Name, bool Heritage, IReadOnlyList<string> Regions, string? TodayBasis, string? NextClass);

/// <summary>One assessment to save: the values, the basis and class, who and when.</summary>
public sealed record AssessmentRequest(string Basis, string Class, string? AssessedOn, string? AssessedBy, IReadOnlyDictionary<string, StandardValue> Values,
    IReadOnlySet<string> NotConsidered, bool Heritage, IReadOnlySet<string> Regions, string? Note);

/// <summary>Urban areas, their targets and assessments: the queries and the one write shared by pages and API.</summary>
public static class UrbanAreas
{
    /// <summary>The register: every urban area (of one province when asked), retired ones last.</summary>
    public static async Task<IReadOnlyList<UrbanAreaRow>> ListAsync(AppDbContext db, DateOnly today, CancellationToken ct, long? province = null)
    {
        var sets = await CriteriaSetStore.ActiveAsync(db, ct);
        var areas = await WithRegister(db.UrbanAreas.AsNoTracking())
            .Where(a => province == null || a.ProvinceId == province)
            .OrderBy(a => a.RetiredOn != null).ThenBy(a => a.Name).ToListAsync(ct);
        var latest = await LatestAsync(db, areas.Select(a => a.Id).ToList(), ct);
        return [.. areas.Select(a => Row(a, sets, today, latest.GetValueOrDefault(a.Id)))];
    }

    public static async Task<UrbanAreaDetails?> LoadAsync(AppDbContext db, long id, DateOnly today, CancellationToken ct)
    {
        var area = await WithRegister(db.UrbanAreas.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null)
        {
            return null;
        }

        var sets = await CriteriaSetStore.ActiveAsync(db, ct);
        var rows = (await db.Assessments.AsNoTracking().Where(x => x.UrbanAreaId == id)
            .OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.Id)
            .Select(x => new AssessmentRow(x.Id, x.AssessedOn, x.Basis, x.Class, x.Total, x.Verdict, "", x.AssessedBy))
            .ToListAsync(ct)).Select(Labelled).ToList();
        var row = Row(area, sets, today, rows.FirstOrDefault());
        var todayBasis = InForce(sets, today);
        var next = row.Targets.Where(t => t.Year >= today.Year && t.Today is not null).Select(t => t.Today!.Class).FirstOrDefault()
            ?? row.Today?.Class;
        var classes = area.Classes.OrderByDescending(c => c.HeldFrom).ThenByDescending(c => c.Id)
            .Select(c => new ClassHistoryRow(c.Id, View(sets, c.Class, c.Basis, null), c.HeldFrom, c.RecognisedOn, c.Decision, c.Source)).ToList();
        return new UrbanAreaDetails(row, area.Note, area.Heritage, area.Regions, classes, area.RetiredReason, area.ProvinceId, area.AdministrativeUnitId,
            area.FormerUnitId, area.Version, rows, todayBasis?.Basis, next);
    }

    private static IQueryable<UrbanArea> WithRegister(IQueryable<UrbanArea> areas) =>
        areas.Include(a => a.Province).Include(a => a.AdministrativeUnit).Include(a => a.FormerUnit).Include(a => a.Classes)
            .Include(a => a.Targets).ThenInclude(t => t.Directive).AsSplitQuery();

    /// <summary>The subject as the assessment form shows it; null when there is none.</summary>
    public static async Task<SubjectView?> SubjectAsync(AppDbContext db, AssessmentSubject subject, DateOnly today, CancellationToken ct)
    {
        if (subject.AreaId is { } area)
        {
            return await LoadAsync(db, area, today, ct) is { } d ? new SubjectView(subject, d.Area.Name, d.Heritage, d.Regions, d.TodayBasis, d.NextClass) : null;
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == subject.UnitId).Select(u => new { u.Name }).FirstOrDefaultAsync(ct);
        var inForce = (await CriteriaSetStore.ActiveAsync(db, ct)).Where(s => s.Kind == CriteriaSetKind.AdministrativeUnit && s.InForceOn(today)).MaxBy(s => s.EffectiveFrom);
        return unit is null ? null : new SubjectView(subject, unit.Name, false, [], inForce?.Basis, (inForce?.Classes is [var first, ..] ? first.Code : null));
    }

    /// <summary>The latest measured value for each standard of the class, from indicators mapped to it, for the subject's unit.</summary>
    public static async Task<IReadOnlyDictionary<string, PrefillValue>> PrefillAsync(AppDbContext db, AssessmentSubject subject, CriteriaSet set, string urbanClass, CancellationToken ct)
    {
        var (unitId, formerId) = subject.AreaId is { } areaId
            ? await db.UrbanAreas.Where(a => a.Id == areaId).Select(a => new ValueTuple<long?, long?>(a.AdministrativeUnitId, a.FormerUnitId)).FirstOrDefaultAsync(ct)
            : (subject.UnitId, null);
        if (unitId is not { } unit)
        {
            return new Dictionary<string, PrefillValue>();
        }

        // The unit's own figures, and its predecessors' (labelled) — never a larger unit's: a former district's
        // population is not its commune's (issue 21: Đức Trọng's 220,697 was offered for the commune).
        var candidates = await db.UnitLineages.Where(l => l.SuccessorId == unit).Select(l => l.PredecessorId).ToListAsync(ct);
        if (formerId is { } former)
        {
            candidates.Add(former);
        }

        var levels = await db.Units.Where(u => u.Id == unit || candidates.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Level, ct);
        var predecessors = candidates.Distinct().Where(id => id != unit && Rank(levels.GetValueOrDefault(id)) <= Rank(levels.GetValueOrDefault(unit))).ToList();
        long[] unitIds = [unit, .. predecessors];
        var codes = set.StandardsFor(urbanClass).Where(s => s.IsNumeric).Select(s => s.Code).ToList();
        var measurements = await db.Measurements.AsNoTracking()
            .Where(m => unitIds.Contains(m.AdministrativeUnitId) && m.Indicator.StandardCodes.Any(c => codes.Contains(c)))
            .OrderBy(m => m.AdministrativeUnitId != unit).ThenByDescending(m => m.PeriodEnd)
            .Select(m => new { m.Indicator.StandardCodes, m.Value, Indicator = m.Indicator.Name, m.AdministrativeUnitId, Unit = m.AdministrativeUnit.Name, m.PeriodLabel, m.Source })
            .ToListAsync(ct);
        var prefill = new Dictionary<string, PrefillValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in measurements)
        {
            foreach (var code in m.StandardCodes.Where(codes.Contains))
            {
                prefill.TryAdd(code, new PrefillValue(code, m.Value, m.Indicator, m.Unit, m.PeriodLabel, m.Source, m.AdministrativeUnitId != unit));
            }
        }

        return prefill;
    }

    // commune (xã) < district (huyện) < province (tỉnh).
    private static int Rank(string? level) => level switch
    {
        "commune" => 1,
        "district" => 2,
        "province" => 3,
        _ => int.MaxValue,
    };

    /// <summary>Checks, scores and saves one assessment in one write; nothing is saved on any error.</summary>
    public static async Task<(Assessment? Saved, InputErrors Errors)> AssessAsync(AppDbContext db, AssessmentSubject subject, AssessmentRequest request, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (subject.AreaId is { } areaId ? !await db.UrbanAreas.AnyAsync(a => a.Id == areaId, ct) : !await db.Units.AnyAsync(u => u.Id == subject.UnitId, ct))
        {
            errors.Add("subject", subject.AreaId is null ? "Không tìm thấy đơn vị hành chính." : "Không tìm thấy đô thị.");
            return (null, errors);
        }

        var set = await CriteriaSetStore.FindAsync(db, request.Basis, ct);
        if (set is null)
        {
            errors.Add("basis", $"Không có cơ sở pháp lý '{request.Basis}'.");
        }
        else if (set.Kind != subject.Kind)
        {
            // A unit is checked against the unit standards, an urban area classified: never the other way round.
            errors.Add("basis", subject.Kind == CriteriaSetKind.Urban
                ? $"{set.LegalBasis} là tiêu chuẩn của đơn vị hành chính; đô thị được phân loại theo tiêu chuẩn phân loại đô thị."
                : $"{set.LegalBasis} là tiêu chuẩn phân loại đô thị; đơn vị hành chính được đánh giá theo tiêu chuẩn đơn vị hành chính.");
            set = null;
        }

        var assessedOn = errors.Date("assessedOn", request.AssessedOn, required: true);
        var by = errors.Required("assessedBy", request.AssessedBy);
        if (set is null)
        {
            return (null, errors);
        }

        var input = new ClassificationInput(set.Basis, request.Class)
        {
            Values = request.Values,
            NotConsidered = request.NotConsidered,
            Heritage = request.Heritage,
            Regions = request.Regions,
        };
        foreach (var problem in Classifier.Check(set, input))
        {
            errors.Add(problem.Field, problem.Message);
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var result = Classifier.Assess(set, input);
        var assessment = new Assessment
        {
            UrbanAreaId = subject.AreaId,
            AdministrativeUnitId = subject.UnitId,
            AssessedOn = assessedOn!.Value,
            Basis = set.Basis,
            SetVersion = set.Version,
            Class = result.Class,
            Input = JsonSerializer.Serialize(new
            {
                basis = set.Basis,
                @class = result.Class,
                values = input.Values.ToDictionary(v => v.Key, v => v.Value.ToJsonValue()),
                notConsidered = input.NotConsidered,
                heritage = input.Heritage,
                regions = input.Regions,
            }, Json.Options),
            Result = ResultJson.From(result).Serialize(),
            Total = result.Total,
            Verdict = result.Verdict.Code(),
            AssessedBy = by!,
            Note = Input.Clean(request.Note),
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return (assessment, errors);
    }

    /// <summary>An assessment with the name of what it assessed (an urban area or an administrative unit).</summary>
    public static async Task<(Assessment Assessment, string SubjectName, ResultJson Result)?> FindAssessmentAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var found = await db.Assessments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a, Name = a.UrbanArea != null ? a.UrbanArea.Name : a.AdministrativeUnit!.Name }).FirstOrDefaultAsync(ct);
        return found is null || ResultJson.Deserialize(found.a.Result) is not { } result ? null : (found.a, found.Name, result);
    }

    /// <summary>The assessments of an administrative unit, the latest first.</summary>
    public static async Task<IReadOnlyList<AssessmentRow>> UnitAssessmentsAsync(AppDbContext db, long unitId, CancellationToken ct) =>
        [.. (await db.Assessments.AsNoTracking().Where(x => x.AdministrativeUnitId == unitId)
            .OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.Id)
            .Select(x => new AssessmentRow(x.Id, x.AssessedOn, x.Basis, x.Class, x.Total, x.Verdict, "", x.AssessedBy))
            .ToListAsync(ct)).Select(Labelled)];

    private static async Task<Dictionary<long, AssessmentRow>> LatestAsync(AppDbContext db, List<long> areaIds, CancellationToken ct)
    {
        var rows = await db.Assessments.AsNoTracking().Where(x => x.UrbanAreaId != null && areaIds.Contains(x.UrbanAreaId.Value))
            .GroupBy(x => x.UrbanAreaId!.Value)
            .Select(g => g.OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.Id)
                .Select(x => new { x.UrbanAreaId, Row = new AssessmentRow(x.Id, x.AssessedOn, x.Basis, x.Class, x.Total, x.Verdict, "", x.AssessedBy) })
                .First())
            .ToListAsync(ct);
        return rows.ToDictionary(x => x.UrbanAreaId!.Value, x => Labelled(x.Row));
    }

    private static UrbanAreaRow Row(UrbanArea a, IReadOnlyList<CriteriaSet> sets, DateOnly today, AssessmentRow? latest)
    {
        var held = UrbanRegister.ClassOn(a.Classes.OrderBy(c => c.Id).Select(c => c.Record()), today);
        var current = held is null ? null : View(sets, held.Class, held.Basis, null);
        var targets = a.Targets.OrderBy(t => t.Year)
            .Select(t => new TargetView(t.Year, View(sets, t.Class, t.Basis, null), Translate(sets, t.Class, t.Basis, today), t.UnitType,
                t.DirectiveId, t.Directive?.Number, t.Section, t.Quote))
            .ToList();
        var todayClass = current is null ? null : Translate(sets, current.Class, current.Basis, today);
        return new UrbanAreaRow(a.Id, a.Name, a.Province?.Name, a.AdministrativeUnit?.Name, a.FormerUnit?.Name, current, todayClass, targets, latest, a.RetiredOn);
    }

    /// <summary>A class of an older basis expressed under the basis in force on a date, by that basis' transition table.</summary>
    public static ClassView? Translate(IReadOnlyList<CriteriaSet> sets, string urbanClass, string basis, DateOnly today)
    {
        var inForce = InForce(sets, today);
        if (inForce is null || inForce.Basis == basis)
        {
            return inForce is null ? null : View(sets, urbanClass, basis, null);
        }

        return inForce.Transitions?.Map(urbanClass) is { } rule
            ? View(sets, rule.To, inForce.Basis, $"{inForce.Transitions.LegalRef}: loại {urbanClass} → {rule.To}")
            : null;
    }

    private static CriteriaSet? InForce(IReadOnlyList<CriteriaSet> sets, DateOnly on) =>
        sets.Where(s => s.Kind == CriteriaSetKind.Urban && s.InForceOn(on)).MaxBy(s => s.EffectiveFrom);

    public static ClassView View(IReadOnlyList<CriteriaSet> sets, string urbanClass, string basis, string? via = null) =>
        new(urbanClass, sets.FirstOrDefault(s => s.Basis == basis)?.FindClass(urbanClass)?.Name ?? $"Đô thị loại {urbanClass}", basis, via);

    private static AssessmentRow Labelled(AssessmentRow row) =>
        row with { VerdictText = Enum.GetValues<Verdict>().Where(v => v.Code() == row.Verdict).Select(v => v.Vietnamese()).FirstOrDefault() ?? row.Verdict };
}
