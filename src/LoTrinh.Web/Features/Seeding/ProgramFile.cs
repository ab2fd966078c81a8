namespace LoTrinh.Web.Features.Seeding;

// The shape of seed/program.json: what a clerk adds to the annotated documents.

internal sealed record ProgramFile(
    List<HistoricalUnitEntry> HistoricalUnits,
    List<AgencyEntry> Agencies,
    List<SeedDirectiveEntry> Directives,
    List<CitedDirectiveEntry> CitedDirectives,
    Dictionary<string, string> IndicatorDirections,
    List<MeasurementEntry> Measurements,
    Dictionary<string, System.Text.Json.JsonElement> IndicatorStandards,
    Dictionary<string, System.Text.Json.JsonElement> IndicatorUrbanCounts,
    List<UrbanAreaEntry> UrbanAreas,
    List<ProjectEntry> Projects);

internal sealed record UnitRef(string Code, DateOnly On);

internal sealed record HistoricalUnitEntry(string Code, string Name, UnitRef Parent, DateOnly ValidTo, string Source, List<string> Communes);

internal sealed record AgencyEntry(string Name, string? ShortName, string Kind, string? Parent, UnitRef? Unit);

internal sealed record SeedDirectiveEntry(
    string Annotation, string? Number, DateOnly? IssuedOn, string? Issuer, DateOnly? EffectiveOn, string? Field, UnitRef Locality,
    Dictionary<string, string>? AgencyNames, Dictionary<string, string>? Relations);

internal sealed record CitedDirectiveEntry(string Number, string Kind, string? Issuer, DateOnly? IssuedOn, string? Title, UnitRef? Locality);

internal sealed record MeasurementEntry(
    string Indicator, string Unit, UnitRef At, DateOnly PeriodStart, DateOnly PeriodEnd, string PeriodLabel, decimal Value, string Source);

internal sealed record UrbanAreaEntry(
    string Name, UnitRef? FormerUnit, UnitRef? Unit, UnitRef Province, List<UrbanAreaClassEntry> Classes, List<string> Regions, string? Note,
    List<UrbanAreaTargetEntry> Targets);

internal sealed record UrbanAreaClassEntry(string Class, string Basis, DateOnly HeldFrom, DateOnly? RecognisedOn, string? Decision, string? Source);

internal sealed record UrbanAreaTargetEntry(int Year, string Class, string Basis, string? UnitType, string? Directive, string? Section, string? Quote);

/// <summary>A key project as the seeds name it; what they do not say is left out (null), never invented.</summary>
internal sealed record ProjectEntry(string Name, string Kind, UnitRef? FormerUnit, UnitRef? Unit, List<MilestoneEntry> Milestones, List<TaskQuote> Tasks, string? Note);

internal sealed record MilestoneEntry(string Kind, DateOnly? PlannedOn, DateOnly? AchievedOn, string? Note);

/// <summary>A task of a seeded directive, found by words of its text.</summary>
internal sealed record TaskQuote(string Directive, string Quote);
