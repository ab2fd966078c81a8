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
}
