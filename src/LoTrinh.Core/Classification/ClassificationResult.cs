namespace LoTrinh.Core.Classification;

/// <summary>The outcome of assessing one urban area (or administrative unit) for one class.</summary>
public sealed record ClassificationResult
{
    public required string Basis { get; init; }
    public required string SetVersion { get; init; }
    public required string Class { get; init; }
    public required string ClassName { get; init; }
    public required ClassMethod Method { get; init; }
    public required Verdict Verdict { get; init; }

    /// <summary>Total points; null for methods that do not score.</summary>
    public decimal? Total { get; init; }

    public decimal? PassTotal { get; init; }

    /// <summary>Standards met, for the count and thresholds methods.</summary>
    public int? MetCount { get; init; }

    public int? RequiredCount { get; init; }

    /// <summary>Why the verdict is what it is, one sentence each, in Vietnamese.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    public required IReadOnlyList<GroupResult> Groups { get; init; }
    public required IReadOnlyList<StandardResult> Standards { get; init; }

    /// <summary>Standards that needed a value and had none.</summary>
    public required IReadOnlyList<string> MissingValues { get; init; }

    /// <summary>What it lacks, standards sorted by the points they could add.</summary>
    public required IReadOnlyList<StandardGap> Gaps { get; init; }

    public required IReadOnlyList<GroupGap> GroupGaps { get; init; }

    /// <summary>Heritage and regional adjustments, applied or not and why.</summary>
    public required IReadOnlyList<string> Adjustments { get; init; }

    public required Provenance Provenance { get; init; }

    /// <summary>True or false when the law's rule was applied in full; null for a partial threshold check.</summary>
    public bool? Recognised => Verdict switch
    {
        Verdict.Recognised => true,
        Verdict.NotRecognised or Verdict.ThresholdsNotMet => false,
        _ => null,
    };
}

public enum Verdict
{
    /// <summary>Đạt: meets the class under the full rule.</summary>
    Recognised,

    /// <summary>Không đạt.</summary>
    NotRecognised,

    /// <summary>Every known minimum threshold is met; the full rule could not be applied.</summary>
    ThresholdsMet,

    /// <summary>At least one known minimum threshold is not met.</summary>
    ThresholdsNotMet,

    /// <summary>Known thresholds met so far, but some values are missing.</summary>
    Incomplete,
}

public enum StandardOutcome
{
    /// <summary>Scored or checked from its value.</summary>
    Assessed,

    /// <summary>Không xét: earns its minimum points.</summary>
    NotConsidered,

    /// <summary>No value was given.</summary>
    NoValue,

    /// <summary>The threshold is not known: listed, never guessed.</summary>
    NotChecked,
}

/// <param name="MinLevel">The minimum level after heritage and regional adjustments.</param>
/// <param name="Computation">How the points or the check were obtained, in words and numbers.</param>
public sealed record StandardResult(
    string Code,
    string Name,
    string Group,
    string? Unit,
    StandardValue? Value,
    StandardOutcome Outcome,
    decimal? Points,
    decimal? MinPoints,
    decimal? MaxPoints,
    bool? Met,
    StandardValue? MinLevel,
    StandardValue? MaxLevel,
    string Computation);

/// <param name="Met">Whether the group reached its minimum (points or count); null when it has none.</param>
public sealed record GroupResult(string Code, string Name, decimal? Points, decimal? MinPoints, decimal? MaxPoints, int? MetCount, int? MinMet, bool? Met);

/// <summary>
/// One standard short of its maximum: what it earns, what it could add, and the values that would
/// reach the minimum and the maximum level.
/// </summary>
public sealed record StandardGap(string Code, string Name, string? Unit, StandardValue? Value, decimal? Points, decimal? CouldAdd, StandardValue? NeededForMin, StandardValue? NeededForMax);

public sealed record GroupGap(string Code, string Name, decimal Points, decimal MinPoints, decimal Shortfall);

/// <summary>Where the thresholds come from and how far to trust them.</summary>
public sealed record Provenance(string LegalBasis, string Version, Certainty Flag, string? Notice, string Rounding, IReadOnlyList<string> Sources, IReadOnlyList<ProvenanceRow> Rows);

public sealed record ProvenanceRow(string Code, Certainty Flag, IReadOnlyList<string> Sources, string? Note);

/// <summary>Codes and Vietnamese labels of classification results.</summary>
public static class ClassificationText
{
    public static string Code(this Verdict verdict) => verdict switch
    {
        Verdict.Recognised => "recognised",
        Verdict.NotRecognised => "not_recognised",
        Verdict.ThresholdsMet => "thresholds_met",
        Verdict.ThresholdsNotMet => "thresholds_not_met",
        _ => "incomplete",
    };

    public static string Vietnamese(this Verdict verdict) => verdict switch
    {
        Verdict.Recognised => "Đạt",
        Verdict.NotRecognised => "Không đạt",
        Verdict.ThresholdsMet => "Đạt các ngưỡng tối thiểu đã biết (kiểm tra một phần)",
        Verdict.ThresholdsNotMet => "Chưa đạt ngưỡng tối thiểu",
        _ => "Thiếu số liệu",
    };

    public static string Vietnamese(this Certainty certainty) => certainty switch
    {
        Certainty.Confirmed => "Đã xác nhận",
        Certainty.Secondary => "Nguồn thứ cấp",
        _ => "Chưa xác nhận",
    };
}
