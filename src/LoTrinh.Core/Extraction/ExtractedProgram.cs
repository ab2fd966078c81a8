namespace LoTrinh.Core.Extraction;

// What a directive contains, in the schema of the hand-checked annotations (seed/annotations/README.md).
// The extractor produces it from text; the seed loads it from the annotation files.

public sealed record ExtractedProgram(
    string? Source,
    ExtractedDocument Document,
    IReadOnlyList<ExtractedReference> References,
    IReadOnlyList<ExtractedObjective> Objectives,
    IReadOnlyList<ExtractedTarget> Targets,
    IReadOnlyList<ExtractedTask> Tasks);

public sealed record ExtractedDocument(string? Number, string? Kind, string? Issuer, DateOnly? IssuedOn, string? Signer, string? Title);

/// <param name="Relation">implements | cites</param>
public sealed record ExtractedReference(string Number, DateOnly? IssuedOn, string? Issuer, string Relation);

public sealed record ExtractedObjective(int? Horizon, string Text, string? Section);

/// <param name="Comparator">gt | gte | lt | lte | eq | range | approx</param>
public sealed record ExtractedTarget(
    string Indicator, string Unit, string Scope, int? Year, string Comparator,
    decimal? Value, decimal? Low, decimal? High, string? Section, string? Quote);

public sealed record ExtractedTask(
    string? Section, string Text, IReadOnlyList<string> Lead, IReadOnlyList<string> Cooperating,
    ExtractedDeadline? Deadline, string? Quote);

/// <param name="Precision">day | month | quarter | half | year | recurring | none</param>
public sealed record ExtractedDeadline(string Text, DateOnly? Due, string Precision);
