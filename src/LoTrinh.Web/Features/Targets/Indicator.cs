using LoTrinh.Core.Targets;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Units;

namespace LoTrinh.Web.Features.Targets;

/// <summary>An indicator (chỉ tiêu) with its unit and the direction in which it improves.</summary>
public sealed class Indicator
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string NameKey { get; set; }
    public required string Unit { get; set; }
    public Direction Direction { get; set; }

    /// <summary>Classification standards this indicator measures (e.g. "2A.II.05"), for prefilling assessments.</summary>
    public List<string> StandardCodes { get; set; } = [];

    /// <summary>The indicator counts the urban-area register (Số đô thị loại …): its figures come from there.</summary>
    public bool CountsUrbanAreas { get; set; }

    /// <summary>The class counted (null: every urban area) under <see cref="CountsBasis"/>.</summary>
    public string? CountsClass { get; set; }

    public string? CountsBasis { get; set; }
}

/// <summary>A target: what a directive asks of an indicator for a locality and a year.</summary>
public sealed class Target
{
    public long Id { get; set; }
    public long IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public long DirectiveId { get; set; }
    public Directive Directive { get; set; } = null!;
    public string? Section { get; set; }

    /// <summary>The scope as the directive words it ("toàn tỉnh", "đô thị").</summary>
    public required string Scope { get; set; }

    public long? AdministrativeUnitId { get; set; }
    public AdministrativeUnit? AdministrativeUnit { get; set; }
    public int? Year { get; set; }
    public Comparator Comparator { get; set; }
    public decimal? Value { get; set; }
    public decimal? Low { get; set; }
    public decimal? High { get; set; }
    public string? Quote { get; set; }
    public long? RevisesTargetId { get; set; }
    public Target? Revises { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public TargetSpec Spec => new(Comparator, Value, Low, High);
}

/// <summary>A reported value (số liệu thực hiện) of an indicator for a unit and a period.</summary>
public sealed class Measurement : Data.IVersioned, Data.ISoftDeletable
{
    public long Id { get; set; }
    public long IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public long AdministrativeUnitId { get; set; }
    public AdministrativeUnit AdministrativeUnit { get; set; } = null!;
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public required string PeriodLabel { get; set; }
    public decimal Value { get; set; }
    public required string Source { get; set; }
    public required string EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Entered by an agency and not yet approved by the secretariat (chờ duyệt): hidden from the public.</summary>
    public bool AwaitingApproval { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }
}
