using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Classification;

/// <summary>An area counted (or held apart) by a register count, with its class as written and under today's law.</summary>
public sealed record CountedArea(long Id, string Name, ClassView Class, ClassView? Today, DateOnly HeldFrom, DateOnly? RecognisedOn, string? Decision);

public sealed record CandidateArea(long AreaId, string Name, long AssessmentId, DateOnly AssessedOn, string Verdict);

/// <summary>A target's figure from the register: how many, which, the areas under another basis, the candidates.</summary>
/// <param name="LawNote">How today's law reads the class (Điều 15 NQ 111/2025), when the count's basis is no longer in force.</param>
public sealed record RegisterCountView(DateOnly AsOf, string? Class, string? Basis, int Count, IReadOnlyList<CountedArea> Areas,
    IReadOnlyList<CountedArea> OtherBasis, IReadOnlyList<CandidateArea> Candidates, string? LawNote);

/// <summary>
/// The programme's targets on the number of urban areas (Số đô thị loại …) read their figures from the register:
/// the areas of the target's province — or of the province it became, or was before, on 1/7/2025 — by class as of a date.
/// </summary>
public static class RegisterCounts
{
    /// <summary>The register of the province of <paramref name="unitId"/> and of its predecessors and successors.</summary>
    public static async Task<IReadOnlyList<RegisteredArea>> AreasAsync(AppDbContext db, long unitId, CancellationToken ct)
    {
        var provinces = await db.UnitLineages.Where(l => l.PredecessorId == unitId).Select(l => l.SuccessorId)
            .Concat(db.UnitLineages.Where(l => l.SuccessorId == unitId).Select(l => l.PredecessorId))
            .ToListAsync(ct);
        provinces.Add(unitId);
        var areas = await db.UrbanAreas.AsNoTracking().Include(a => a.Classes)
            .Where(a => a.ProvinceId != null && provinces.Contains(a.ProvinceId.Value)).ToListAsync(ct);
        return [.. areas.Select(a => new RegisteredArea(a.Id, a.Name, a.RetiredOn, [.. a.Classes.OrderBy(c => c.Id).Select(c => c.Record())]))];
    }

    public static async Task<RegisterCountView> CountAsync(AppDbContext db, long unitId, string? urbanClass, string? basis, DateOnly asOf, CancellationToken ct)
    {
        var sets = await CriteriaSetStore.ActiveAsync(db, ct);
        var areas = await AreasAsync(db, unitId, ct);
        var count = UrbanRegister.Count(areas, asOf, urbanClass, basis ?? "");
        var candidates = new List<CandidateArea>();
        if (urbanClass is not null && basis is not null)
        {
            var assessed = await db.Assessments.AsNoTracking()
                .Where(x => x.Class == urbanClass && x.Basis == basis && x.AssessedOn <= asOf && x.UrbanAreaId != null)
                .Select(x => new { x.Id, UrbanAreaId = x.UrbanAreaId!.Value, x.Class, x.Basis, x.Verdict, x.AssessedOn, x.UrbanArea!.Name })
                .ToListAsync(ct);
            var inRegister = areas.Select(a => a.Id).ToHashSet();
            var names = assessed.ToDictionary(x => x.Id, x => x.Name);
            candidates = [.. UrbanRegister.Candidates(count, assessed.Where(x => inRegister.Contains(x.UrbanAreaId))
                    .Select(x => new AssessedArea(x.UrbanAreaId, x.Class, x.Basis, VerdictOf(x.Verdict), x.AssessedOn, x.Id)))
                .Select(c => new CandidateArea(c.AreaId, names[c.AssessmentId], c.AssessmentId, c.AssessedOn, c.Verdict.Vietnamese()))];
        }

        CountedArea View(AreaClass c) => new(c.Area.Id, c.Area.Name, UrbanAreas.View(sets, c.Record.Class, c.Record.Basis),
            UrbanAreas.Translate(sets, c.Record.Class, c.Record.Basis, asOf), c.Record.HeldFrom, c.Record.RecognisedOn, c.Record.Decision);
        return new RegisterCountView(asOf, urbanClass, basis, count.Count, [.. count.Counted.Select(View)], [.. count.OtherBasis.Select(View)], candidates,
            LawNote(sets, basis, urbanClass, asOf));
    }

    private static Verdict VerdictOf(string code) => Enum.GetValues<Verdict>().First(v => v.Code() == code);

    /// <summary>"Từ 01/01/2026 (Điều 15 NQ 111/2025) đô thị loại V chuyển thành loại III": what a count under an older basis means today.</summary>
    private static string? LawNote(IReadOnlyList<CriteriaSet> sets, string? basis, string? urbanClass, DateOnly asOf)
    {
        var inForce = sets.Where(s => s.Kind == CriteriaSetKind.Urban && s.InForceOn(asOf)).MaxBy(s => s.EffectiveFrom);
        if (basis is null || urbanClass is null || inForce is null || inForce.Basis == basis || inForce.Transitions?.Map(urbanClass) is not { } rule)
        {
            return null;
        }

        return $"Đếm theo loại đô thị như chỉ tiêu được viết (NQ {basis}). Từ {inForce.EffectiveFrom:dd/MM/yyyy}, theo {inForce.Transitions.LegalRef}, "
            + $"đô thị loại {urbanClass} chuyển thành loại {rule.To} theo {inForce.LegalBasis}.";
    }
}
