using LoTrinh.Core.Classification;

namespace LoTrinh.Core.Tests.Classification;

/// <summary>Inputs built from a set's own table, so tests state the rule, not copy its numbers.</summary>
internal static class ClassificationFixtures
{
    public static CriteriaSet Nq111 => CriteriaSetReader.BuiltIn.Single(s => s.Basis == "111/2025");

    public static CriteriaSet Nq1210 => CriteriaSetReader.BuiltIn.Single(s => s.Basis == "1210/2016");

    /// <summary>Every standard of the class exactly at its minimum level.</summary>
    public static Dictionary<string, StandardValue> AtMinimum(CriteriaSet set, string urbanClass) =>
        set.StandardsFor(urbanClass).ToDictionary(s => s.Code, s => s.ThresholdFor(urbanClass)!.Min!, StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, StandardValue> AtMaximum(CriteriaSet set, string urbanClass) =>
        set.StandardsFor(urbanClass).ToDictionary(s => s.Code, s => s.ThresholdFor(urbanClass)!.Max ?? s.ThresholdFor(urbanClass)!.Min!, StringComparer.OrdinalIgnoreCase);

    /// <summary>A value just below the minimum level: one unit less for numbers, one step down for levels.</summary>
    public static StandardValue JustBelow(Standard s, StandardValue min) => min switch
    {
        StandardValue.Number n => new StandardValue.Number(s.Kind == StandardKind.Count ? n.Value - 1 : n.Value - 0.01m),
        StandardValue.Level l => new StandardValue.Level(s.Levels[s.RankOf(l.Label) - 1].Label),
        StandardValue.YesNo => new StandardValue.YesNo(false),
        _ => throw new ArgumentOutOfRangeException(nameof(min)),
    };

    public static ClassificationInput Input(string urbanClass, IReadOnlyDictionary<string, StandardValue> values, string basis = "111/2025") =>
        new(basis, urbanClass) { Values = values };

    public static StandardValue.Number N(decimal value) => new(value);

    public static StandardValue.Level L(string label) => new(label);
}
