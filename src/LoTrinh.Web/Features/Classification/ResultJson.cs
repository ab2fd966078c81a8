using System.Text.Json;
using LoTrinh.Core.Classification;

namespace LoTrinh.Web.Features.Classification;

// The JSON form of a result: what `lotrinh classify --json` prints, what the API returns and what an
// assessment stores. Values keep their JSON type (number, level string, true/false) and a display text.

public sealed record ResultJson(
    string Basis, string SetVersion, string Class, string ClassName, string Method, decimal? Total, decimal? PassTotal, bool? Recognised,
    string Verdict, string VerdictText, int? MetCount, int? RequiredCount, IReadOnlyList<string> Reasons, IReadOnlyList<GroupJson> Groups,
    IReadOnlyList<StandardJson> Standards, IReadOnlyList<string> MissingValues, IReadOnlyList<GapJson> Gaps, IReadOnlyList<GroupGapJson> GroupGaps,
    IReadOnlyList<string> Adjustments, ProvenanceJson Provenance)
{
    public static ResultJson From(ClassificationResult r) => new(
        r.Basis, r.SetVersion, r.Class, r.ClassName, Camel(r.Method.ToString()), r.Total, r.PassTotal, r.Recognised, r.Verdict.Code(), r.Verdict.Vietnamese(),
        r.MetCount, r.RequiredCount, r.Reasons,
        [.. r.Groups.Select(g => new GroupJson(g.Code, g.Name, g.Points, g.MinPoints, g.MaxPoints, g.MetCount, g.MinMet, g.Met))],
        [.. r.Standards.Select(s => new StandardJson(s.Code, s.Name, s.Group, s.Unit, s.Value?.ToJsonValue(), s.Value?.Display(), s.Points, s.MinPoints, s.MaxPoints,
            s.MinLevel?.Display(), s.MaxLevel?.Display(), Camel(s.Outcome.ToString()), s.Met, s.Computation))],
        r.MissingValues,
        [.. r.Gaps.Select(g => new GapJson(g.Code, g.Name, g.Unit, g.Value?.Display(), g.Points, g.CouldAdd, g.NeededForMin?.ToJsonValue(), g.NeededForMin?.Display(),
            g.NeededForMax?.ToJsonValue(), g.NeededForMax?.Display()))],
        [.. r.GroupGaps.Select(g => new GroupGapJson(g.Code, g.Name, g.Points, g.MinPoints, g.Shortfall))],
        r.Adjustments,
        new ProvenanceJson(r.Provenance.LegalBasis, r.Provenance.Version, r.Provenance.Flag.ToString().ToUpperInvariant(), r.Provenance.Flag.Vietnamese(),
            r.Provenance.Notice, r.Provenance.Rounding, r.Provenance.Sources,
            [.. r.Provenance.Rows.Select(p => new ProvenanceRowJson(p.Code, p.Flag.ToString().ToUpperInvariant(), p.Flag.Vietnamese(), p.Sources, p.Note))]));

    public string Serialize() => JsonSerializer.Serialize(this, Json.Options);

    /// <summary>
    /// A value as a page writes it: a figure with its unit ("1.286 người/km²"); a level or a yes/no as its words alone —
    /// the level already says what it counts ("Từ 2 cơ sở", not "Từ 2 cơ sở cơ sở").
    /// </summary>
    public static string WithUnit(string text, string? unit) =>
        unit is null || !decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), out _)
            ? text
            : $"{text} {unit}";

    public static ResultJson? Deserialize(string json) => JsonSerializer.Deserialize<ResultJson>(json, Json.Options);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

public sealed record GroupJson(string Code, string Name, decimal? Points, decimal? MinPoints, decimal? MaxPoints, int? MetCount, int? MinMet, bool? Met);

/// <param name="Note">How the points or the check were obtained.</param>
public sealed record StandardJson(string Code, string Name, string Group, string? Unit, object? Value, string? ValueText, decimal? Points, decimal? MinPoints,
    decimal? MaxPoints, string? MinLevel, string? MaxLevel, string Outcome, bool? Met, string Note);

public sealed record GapJson(string Code, string Name, string? Unit, string? ValueText, decimal? Points, decimal? CouldAdd, object? NeededForMin,
    string? NeededForMinText, object? NeededForMax, string? NeededForMaxText);

public sealed record GroupGapJson(string Code, string Name, decimal Points, decimal MinPoints, decimal Shortfall);

public sealed record ProvenanceJson(string LegalBasis, string Version, string Flag, string FlagText, string? Notice, string Rounding,
    IReadOnlyList<string> Sources, IReadOnlyList<ProvenanceRowJson> Rows);

public sealed record ProvenanceRowJson(string Code, string Flag, string FlagText, IReadOnlyList<string> Sources, string? Note);
