namespace LoTrinh.Core.Classification;

/// <summary>
/// The standards of one legal basis (căn cứ pháp lý) for classifying urban areas or checking
/// administrative units, as data: the law changes by resolution, the engine does not.
/// One JSON file per basis (<c>Sets/*.json</c>), read by <see cref="CriteriaSetReader"/>.
/// </summary>
public sealed record CriteriaSet
{
    /// <summary>Short code used to choose the basis, e.g. <c>111/2025</c>.</summary>
    public required string Basis { get; init; }

    public required CriteriaSetKind Kind { get; init; }
    public required string Title { get; init; }
    public required string LegalBasis { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>The data's own version (several versions of one basis may be on file; one is active).</summary>
    public required string Version { get; init; }

    /// <summary>The weakest flag of the numbers the set scores with.</summary>
    public required Certainty Flag { get; init; }

    /// <summary>What every page showing a result of this set must say (e.g. "values are secondary").</summary>
    public string? Notice { get; init; }

    public required string Rounding { get; init; }
    public required IReadOnlyList<UrbanClass> Classes { get; init; }
    public required IReadOnlyList<CriteriaGroup> Groups { get; init; }
    public required IReadOnlyList<Standard> Standards { get; init; }
    public HeritageRule? Heritage { get; init; }
    public IReadOnlyList<RegionalAdjustment> RegionalAdjustments { get; init; } = [];
    public TransitionTable? Transitions { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];

    public UrbanClass? FindClass(string code) => Classes.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    public Standard? FindStandard(string code) => Standards.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The standards that carry a threshold row for <paramref name="classCode"/>, in table order.</summary>
    public IEnumerable<Standard> StandardsFor(string classCode) => Standards.Where(s => s.ThresholdFor(classCode) is not null);

    public bool InForceOn(DateOnly date) =>
        (EffectiveFrom is null || date >= EffectiveFrom) && (EffectiveTo is null || date <= EffectiveTo);
}

public enum CriteriaSetKind
{
    /// <summary>Phân loại đô thị.</summary>
    Urban,

    /// <summary>Tiêu chuẩn của đơn vị hành chính (phường, xã, tỉnh…).</summary>
    AdministrativeUnit,
}

/// <summary>How far a number can be trusted; shown next to every result that uses it.</summary>
public enum Certainty
{
    /// <summary>Read in the law or a page restating it.</summary>
    Confirmed,

    /// <summary>Read in a third-party encoding, not checked against the official text.</summary>
    Secondary,

    /// <summary>Not seen in any source: never scored with.</summary>
    Unconfirmed,
}

/// <summary>How a class is decided.</summary>
public enum ClassMethod
{
    /// <summary>Weighted points out of 100 with group minimums (NQ 111/2025 Bảng 2A).</summary>
    Points,

    /// <summary>A number of pass/fail standards must be met (NQ 111/2025 Phụ lục I, class I).</summary>
    Count,

    /// <summary>
    /// Only the known minimum thresholds are checked; never a score. Used where the scoring tables were
    /// not found (NQ 1210/2016 + 26/2022) and for administrative-unit standards.
    /// </summary>
    Thresholds,

    /// <summary>The class exists in the law but its criteria are not on file.</summary>
    Unavailable,
}

public sealed record UrbanClass(string Code, string Name, int Rank, ClassMethod Method)
{
    /// <summary>Pass mark for <see cref="ClassMethod.Points"/> (75 of 100).</summary>
    public decimal? PassTotal { get; init; }

    /// <summary>Standards to meet for <see cref="ClassMethod.Count"/>.</summary>
    public int? Required { get; init; }

    /// <summary>Standards to meet under the heritage rule, with each group's heritage minimum.</summary>
    public int? HeritageRequired { get; init; }

    public string? Note { get; init; }
}

/// <summary>A criterion (tiêu chí): a group of standards with its points.</summary>
public sealed record CriteriaGroup(string Code, string Name)
{
    public decimal? MaxPoints { get; init; }

    /// <summary>Minimum points the group must reach for recognition (Điều 9 NQ 111/2025).</summary>
    public decimal? MinPoints { get; init; }

    /// <summary>Standards of the group to meet under the heritage rule (count method).</summary>
    public int? HeritageMinMet { get; init; }
}

public enum StandardKind
{
    /// <summary>A measured number, higher is better.</summary>
    Higher,

    /// <summary>A measured number, lower is better (a rank, a loss rate).</summary>
    Lower,

    /// <summary>A whole number of works or facilities; heritage reductions round.</summary>
    Count,

    /// <summary>An ordered level ("Cấp xã" &lt; "Cấp tỉnh" &lt; "Cấp vùng").</summary>
    Ordinal,

    /// <summary>Có / không.</summary>
    YesNo,

    /// <summary>The value must be one of a listed set (e.g. recognised as urban class I, II or III).</summary>
    OneOf,

    /// <summary>Known to exist in the law, content unknown: listed, never checked.</summary>
    Placeholder,
}

/// <summary>What the heritage rule does to one standard.</summary>
public enum HeritageTreatment
{
    Keep,
    HalveMinimum,
    NotConsidered,
}

/// <summary>A standard (tiêu chuẩn) with its thresholds per class.</summary>
public sealed record Standard(string Code, string Group, string Name, StandardKind Kind)
{
    public string? Unit { get; init; }
    public string? Subgroup { get; init; }

    /// <summary>Ordered from lowest to highest; only for <see cref="StandardKind.Ordinal"/>.</summary>
    public IReadOnlyList<OrdinalLevel> Levels { get; init; } = [];

    public HeritageTreatment Heritage { get; init; } = HeritageTreatment.Keep;
    public IReadOnlyDictionary<string, Threshold> PerClass { get; init; } = new Dictionary<string, Threshold>();
    public required Certainty Flag { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public string? Note { get; init; }

    public Threshold? ThresholdFor(string classCode) =>
        PerClass.FirstOrDefault(p => string.Equals(p.Key, classCode, StringComparison.OrdinalIgnoreCase)).Value;

    public bool IsNumeric => Kind is StandardKind.Higher or StandardKind.Lower or StandardKind.Count;

    /// <summary>Position of a level in <see cref="Levels"/>, or −1.</summary>
    public int RankOf(string label) => Levels.ToList().FindIndex(l => l.Matches(label));
}

/// <summary>One step of an ordinal scale; <see cref="AtLeast"/> lets a count be read as a level.</summary>
public sealed record OrdinalLevel(string Label)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public decimal? AtLeast { get; init; }

    public bool Matches(string text)
    {
        var key = Text.VietnameseText.MatchKey(text);
        return Text.VietnameseText.MatchKey(Label) == key || Aliases.Any(a => Text.VietnameseText.MatchKey(a) == key);
    }
}

/// <summary>
/// A standard's row for one class: the minimum level (earns <see cref="MinPoints"/>), the maximum level
/// (earns <see cref="MaxPoints"/>) and where the numbers come from. A null <see cref="Min"/> means the
/// threshold is not known: the standard is listed as "not checked", never guessed.
/// </summary>
public sealed record Threshold(StandardValue? Min, StandardValue? Max, decimal? MinPoints, decimal? MaxPoints)
{
    public Certainty? Flag { get; init; }
    public string? Source { get; init; }
    public string? Note { get; init; }
}

/// <summary>The heritage rule (yếu tố di sản) of a set.</summary>
public sealed record HeritageRule(decimal MinimumFactor, string LegalRef, Certainty Flag, string Description);

/// <summary>
/// A regional adjustment (miền núi, Tây Nguyên, biên giới, hải đảo) multiplying the minimum levels of
/// some standards. A null <see cref="Factor"/> means the value is not known: it is reported as
/// "not applied", never guessed.
/// </summary>
public sealed record RegionalAdjustment(string Code, string Name, decimal? Factor, IReadOnlyList<string> AppliesTo, string LegalRef, Certainty Flag);

/// <summary>How classes of the previous basis map into this one (Điều 15 NQ 111/2025).</summary>
public sealed record TransitionTable(string LegalRef, Certainty Flag, IReadOnlyList<string> Sources, IReadOnlyList<TransitionRule> Rules)
{
    /// <summary>The class under this basis for a former class or unit type, or null when no rule says.</summary>
    public TransitionRule? Map(string formerClassOrUnitType) =>
        Rules.FirstOrDefault(r => string.Equals(r.From, formerClassOrUnitType, StringComparison.OrdinalIgnoreCase));
}

public sealed record TransitionRule(string From, string To, string? Note);
