using System.Globalization;

namespace LoTrinh.Core.Classification;

/// <summary>
/// A class an urban area holds from a date, as the register (sổ theo dõi đô thị) records it: the recognition
/// (công nhận loại đô thị) by a decision when known; otherwise only a source that attests the class on a date.
/// </summary>
/// <param name="HeldFrom">From when the register counts the class: the recognition date, or when that is unknown,
/// the date of the source that attests it (never earlier: the register does not guess).</param>
public sealed record ClassRecord(string Class, string Basis, DateOnly HeldFrom, DateOnly? RecognisedOn = null, string? Decision = null, string? Source = null);

/// <summary>An urban area of the register with its classes in the order recorded.</summary>
/// <param name="RetiredOn">From this day the area is no longer counted (merged into another, no longer urban).</param>
public sealed record RegisteredArea(long Id, string Name, DateOnly? RetiredOn, IReadOnlyList<ClassRecord> Classes);

public sealed record AreaClass(RegisteredArea Area, ClassRecord Record);

/// <summary>How many urban areas have a class on a date, which ones, and which hold a class under another basis
/// (a class of 111/2025 is not a class of 1210/2016: Điều 15 maps forward only).</summary>
public sealed record RegisterCount(DateOnly AsOf, string? Class, string Basis, IReadOnlyList<AreaClass> Counted, IReadOnlyList<AreaClass> OtherBasis)
{
    public int Count => Counted.Count;
}

/// <summary>The latest assessment of an area for a class under a basis.</summary>
public sealed record AssessedArea(long AreaId, string Class, string Basis, Verdict Verdict, DateOnly AssessedOn, long AssessmentId);

/// <summary>The register's rules: the class on a date, the counts the programme's targets ask for, the checks of a record.</summary>
public static class UrbanRegister
{
    /// <summary>The class held on <paramref name="date"/>: the record with the latest start on or before it (of two
    /// with the same start, the one recorded last).</summary>
    public static ClassRecord? ClassOn(IEnumerable<ClassRecord> history, DateOnly date) =>
        history.Where(c => c.HeldFrom <= date).OrderBy(c => c.HeldFrom).LastOrDefault();

    public static bool ActiveOn(RegisteredArea area, DateOnly date) => area.RetiredOn is not { } retired || retired > date;

    /// <summary>
    /// The areas of class <paramref name="urbanClass"/> under <paramref name="basis"/> on <paramref name="asOf"/>; with
    /// no class, every area classified on that date under any basis (the number of urban areas).
    /// </summary>
    public static RegisterCount Count(IEnumerable<RegisteredArea> areas, DateOnly asOf, string? urbanClass, string basis)
    {
        var counted = new List<AreaClass>();
        var other = new List<AreaClass>();
        foreach (var area in areas.Where(a => ActiveOn(a, asOf)))
        {
            if (ClassOn(area.Classes, asOf) is not { } held)
            {
                continue;
            }

            if (urbanClass is null || (SameCode(held.Basis, basis) && SameCode(held.Class, urbanClass)))
            {
                counted.Add(new AreaClass(area, held));
            }
            else if (!SameCode(held.Basis, basis))
            {
                other.Add(new AreaClass(area, held));
            }
        }

        return new RegisterCount(asOf, urbanClass, basis, [.. counted.OrderBy(c => c.Area.Name, StringComparer.Create(Vietnamese, false))],
            [.. other.OrderBy(c => c.Area.Name, StringComparer.Create(Vietnamese, false))]);
    }

    /// <summary>
    /// A target's figures: the count on every day it changed and at the end of every year since the first, up to
    /// <paramref name="asOf"/>, and on that day — so a target's year has its own figure, as a yearly statistic would.
    /// </summary>
    public static IReadOnlyList<(DateOnly Day, int Count)> Series(IReadOnlyList<RegisteredArea> areas, DateOnly asOf, string? urbanClass, string basis)
    {
        var changes = areas.SelectMany(a => a.Classes.Select(c => c.HeldFrom).Concat(a.RetiredOn is { } r ? [r] : Array.Empty<DateOnly>()))
            .Where(d => d <= asOf).ToList();
        if (changes.Count == 0)
        {
            return [];
        }

        var yearEnds = Enumerable.Range(changes.Min().Year, asOf.Year - changes.Min().Year + 1).Select(y => new DateOnly(y, 12, 31)).Where(d => d <= asOf);
        return [.. changes.Concat(yearEnds).Append(asOf).Distinct().Order().Select(day => (day, Count(areas, day, urbanClass, basis).Count))];
    }

    /// <summary>Areas not yet counted whose latest assessment for the class under the basis reaches it: the candidates.</summary>
    public static IReadOnlyList<AssessedArea> Candidates(RegisterCount count, IEnumerable<AssessedArea> assessments)
    {
        if (count.Class is null)
        {
            return [];
        }

        var counted = count.Counted.Select(c => c.Area.Id).ToHashSet();
        return [.. assessments
            .Where(a => SameCode(a.Class, count.Class) && SameCode(a.Basis, count.Basis) && a.AssessedOn <= count.AsOf && !counted.Contains(a.AreaId))
            .GroupBy(a => a.AreaId)
            .Select(g => g.OrderBy(a => a.AssessedOn).ThenBy(a => a.AssessmentId).Last())
            .Where(a => a.Verdict is Verdict.Recognised or Verdict.ThresholdsMet)];
    }

    /// <summary>
    /// What is wrong with a class record, by field: a basis that is not a classification, a class it does not have,
    /// dates in the future, a class held before it was recognised, a recognition before the area's unit existed.
    /// </summary>
    /// <param name="existsFrom">The first day of the area's oldest unit; null when it existed before any date asked.</param>
    public static IReadOnlyList<(string Field, string Message)> Check(ClassRecord record, CriteriaSet? set, DateOnly? existsFrom, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (set is null)
        {
            problems.Add(("basis", $"Không có cơ sở pháp lý '{record.Basis}'."));
        }
        else if (set.Kind != CriteriaSetKind.Urban)
        {
            problems.Add(("basis", $"{set.LegalBasis} là tiêu chuẩn của đơn vị hành chính, không phân loại đô thị."));
        }
        else if (set.FindClass(record.Class) is null)
        {
            problems.Add(("class", $"{set.LegalBasis} không có loại '{record.Class}' (có: {string.Join(", ", set.Classes.Select(c => c.Code))})."));
        }

        if (record.RecognisedOn is { } recognised && recognised > today)
        {
            problems.Add(("recognisedOn", $"Ngày công nhận {Day(recognised)} chưa đến."));
        }

        if (record.HeldFrom > today)
        {
            problems.Add(("heldFrom", $"Ngày {Day(record.HeldFrom)} chưa đến."));
        }

        if (record.RecognisedOn is { } on && record.HeldFrom < on)
        {
            problems.Add(("heldFrom", $"Không thể giữ loại từ {Day(record.HeldFrom)}, trước ngày được công nhận {Day(on)}."));
        }

        var first = record.RecognisedOn ?? record.HeldFrom;
        if (existsFrom is { } from && first < from)
        {
            problems.Add((record.RecognisedOn is null ? "heldFrom" : "recognisedOn",
                $"Ngày {Day(first)} trước khi đơn vị hành chính của đô thị được thành lập ({Day(from)})."));
        }

        return problems;
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static bool SameCode(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
