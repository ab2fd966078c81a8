using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Units;

namespace LoTrinh.Web.Features.Classification;

/// <summary>
/// An urban area (đô thị) followed for classification. It is not always one administrative unit:
/// the programme names huyện Đức Trọng, today's map has xã Đức Trọng.
/// </summary>
public sealed class UrbanArea : Data.IVersioned
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string NameKey { get; set; }
    public long? FormerUnitId { get; set; }
    public AdministrativeUnit? FormerUnit { get; set; }
    public long? AdministrativeUnitId { get; set; }
    public AdministrativeUnit? AdministrativeUnit { get; set; }

    /// <summary>The province whose register lists the area (today's; its predecessors' targets count it too).</summary>
    public long? ProvinceId { get; set; }

    public AdministrativeUnit? Province { get; set; }

    /// <summary>The classes it held, each from a date (history, never overwritten).</summary>
    public List<UrbanAreaClass> Classes { get; set; } = [];

    /// <summary>From this day the area is no longer counted (merged into another, no longer urban).</summary>
    public DateOnly? RetiredOn { get; set; }

    public string? RetiredReason { get; set; }
    public uint Version { get; set; }
    public bool Heritage { get; set; }

    /// <summary>Regional adjustment codes that apply (mountainous, tayNguyen…).</summary>
    public List<string> Regions { get; set; } = [];

    public string? Note { get; set; }
    public List<UrbanAreaTarget> Targets { get; set; } = [];
}

/// <summary>A class held from a date (công nhận loại đô thị); see Core's <c>ClassRecord</c>.</summary>
public sealed class UrbanAreaClass
{
    public long Id { get; set; }
    public long UrbanAreaId { get; set; }
    public required string Class { get; set; }
    public required string Basis { get; set; }
    public DateOnly HeldFrom { get; set; }
    public DateOnly? RecognisedOn { get; set; }
    public string? Decision { get; set; }
    public string? Source { get; set; }

    public Core.Classification.ClassRecord Record() => new(Class, Basis, HeldFrom, RecognisedOn, Decision, Source);
}

/// <summary>A class to reach by a year, as a directive wrote it (its basis is the law of that time).</summary>
public sealed class UrbanAreaTarget
{
    public long Id { get; set; }
    public long UrbanAreaId { get; set; }
    public int Year { get; set; }
    public required string Class { get; set; }
    public required string Basis { get; set; }

    /// <summary>An administrative form aimed at alongside the class (thi_xa).</summary>
    public string? UnitType { get; set; }

    public long? DirectiveId { get; set; }
    public Directive? Directive { get; set; }
    public string? Section { get; set; }
    public string? Quote { get; set; }
}

/// <summary>A saved assessment of an urban area or of an administrative unit: the input and the result as computed on that day, never recomputed.</summary>
public sealed class Assessment
{
    public long Id { get; set; }
    public long? UrbanAreaId { get; set; }
    public UrbanArea? UrbanArea { get; set; }
    public long? AdministrativeUnitId { get; set; }
    public AdministrativeUnit? AdministrativeUnit { get; set; }
    public DateOnly AssessedOn { get; set; }
    public required string Basis { get; set; }
    public required string SetVersion { get; set; }
    public required string Class { get; set; }
    public required string Input { get; set; }
    public required string Result { get; set; }
    public decimal? Total { get; set; }
    public required string Verdict { get; set; }
    public required string AssessedBy { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An uploaded version of a criteria set (the built-in ones live in Core).</summary>
public sealed class CriteriaSetVersion
{
    public long Id { get; set; }
    public required string Basis { get; set; }
    public required string Version { get; set; }
    public required string Content { get; set; }
    public bool Active { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
