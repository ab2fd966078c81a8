using LoTrinh.Core.Incidents;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Projects;
using LoTrinh.Web.Features.Units;

namespace LoTrinh.Web.Features.Incidents;

/// <summary>A field incident (sự cố, vi phạm hiện trường) the operations centre follows to its resolution.</summary>
public sealed class Incident : Data.IVersioned
{
    public long Id { get; set; }
    public required string KindCode { get; set; }
    public IncidentKind? Kind { get; set; }
    public required string Description { get; set; }
    public DateOnly OccurredOn { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    public string? Address { get; set; }
    public long? AdministrativeUnitId { get; set; }
    public AdministrativeUnit? AdministrativeUnit { get; set; }

    /// <summary>The key project in whose area it happened, when it did.</summary>
    public long? ProjectId { get; set; }

    public KeyProject? Project { get; set; }
    public required string ReportedBy { get; set; }
    public long? ReportedByAgencyId { get; set; }
    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>The agency that handles it (chủ trì xử lý), from the day it was given.</summary>
    public long? AgencyId { get; set; }

    public Agency? Agency { get; set; }
    public DateOnly? AssignedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public string? Resolution { get; set; }
    public uint Version { get; set; }
    public List<IncidentMeasure> Measures { get; set; } = [];
    public List<Photo> Photos { get; set; } = [];

    public IncidentStatus StatusOn(DateOnly asOf) => IncidentRules.Status(AssignedOn, DueOn, ResolvedOn, asOf);
}

public sealed class IncidentKind
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Sort { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A measure taken (lập biên bản, đình chỉ, xử phạt…), with its decision and, for a fine, the amount.</summary>
public sealed class IncidentMeasure
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public MeasureKind Kind { get; set; }
    public DateOnly TakenOn { get; set; }
    public string? Decision { get; set; }
    public decimal? AmountVnd { get; set; }
    public string? Note { get; set; }
}
