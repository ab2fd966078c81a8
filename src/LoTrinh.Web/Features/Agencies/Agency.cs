using LoTrinh.Web.Features.Units;

namespace LoTrinh.Web.Features.Agencies;

/// <summary>An agency (cơ quan, đơn vị): sở, ban, ngành, UBND, a Party committee or board, a steering committee.</summary>
public sealed class Agency
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The name folded for matching (<see cref="Core.Text.VietnameseText.MatchKey"/>).</summary>
    public required string NameKey { get; set; }

    public string? ShortName { get; set; }
    public required string Kind { get; set; }
    public long? ParentId { get; set; }
    public Agency? Parent { get; set; }
    public long? AdministrativeUnitId { get; set; }
    public AdministrativeUnit? AdministrativeUnit { get; set; }

    public DateOnly? ValidFrom { get; set; }

    /// <summary>The last day the body existed (its unit's last day by default: the 2025 reform ended districts on 30/6/2025).</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>The body that took over its open tasks, once the secretariat confirmed it.</summary>
    public long? SuccessorId { get; set; }

    public Agency? Successor { get; set; }

    /// <summary>A duplicate record merged into another; its tasks and accounts went there.</summary>
    public long? MergedIntoId { get; set; }

    public bool IsDissolvedOn(DateOnly day) => ValidTo is { } end && end < day;
}
