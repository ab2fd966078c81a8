using LoTrinh.Web.Features.Tasks;
using LoTrinh.Web.Features.Units;

namespace LoTrinh.Web.Features.Projects;

/// <summary>A key project (công trình, dự án trọng điểm).</summary>
public sealed class KeyProject
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public long? AdministrativeUnitId { get; set; }
    public AdministrativeUnit? AdministrativeUnit { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    public string? Investor { get; set; }
    public decimal? TotalInvestmentVnd { get; set; }
    public decimal? DisbursedVnd { get; set; }
    public List<ProjectMilestone> Milestones { get; set; } = [];
    public List<TaskItem> Tasks { get; set; } = [];
}

/// <summary>A milestone: site clearance, ground-breaking, completion…</summary>
public sealed class ProjectMilestone
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public required string Name { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public DateOnly? AchievedOn { get; set; }
}
