using LoTrinh.Core.Projects;
using LoTrinh.Web.Features.Tasks;
using LoTrinh.Web.Features.Units;

namespace LoTrinh.Web.Features.Projects;

/// <summary>
/// A key project (công trình, dự án trọng điểm). What its documents do not say stays null and shows as "chưa rõ": no budget,
/// investor or point is ever invented.
/// </summary>
public sealed class KeyProject : Data.IVersioned
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>One of <see cref="ProjectNames.Kinds"/>.</summary>
    public string Kind { get; set; } = "other";

    /// <summary>Its unit on today's map, when one holds it.</summary>
    public long? AdministrativeUnitId { get; set; }

    public AdministrativeUnit? AdministrativeUnit { get; set; }

    /// <summary>The unit as the directive wrote it before 1/7/2025 (huyện Đức Trọng), through the reform's lineage.</summary>
    public long? FormerUnitId { get; set; }

    public AdministrativeUnit? FormerUnit { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }

    /// <summary>The site's outline, a ring of [latitude, longitude] pairs.</summary>
    public List<decimal[]>? Site { get; set; }

    public string? Investor { get; set; }

    /// <summary>The decision that set it up (chủ trương đầu tư, phê duyệt dự án) and its date.</summary>
    public string? Decision { get; set; }

    public DateOnly? DecidedOn { get; set; }
    public decimal? TotalInvestmentVnd { get; set; }

    /// <summary>Nguồn vốn: ngân sách tỉnh, ngân sách huyện, vốn xã hội hóa…</summary>
    public string? CapitalSources { get; set; }

    public string? Note { get; set; }

    /// <summary>Shown to the public on the portal's map.</summary>
    public bool Published { get; set; }

    public uint Version { get; set; }
    public List<ProjectMilestone> Milestones { get; set; } = [];
    public List<ProjectDisbursement> Disbursements { get; set; } = [];
    public List<TaskItem> Tasks { get; set; } = [];
}

/// <summary>A milestone of a project, once per kind: planned, and reached when it was.</summary>
public sealed class ProjectMilestone
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public MilestoneKind Kind { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public DateOnly? AchievedOn { get; set; }
    public string? Note { get; set; }

    public Milestone Rule() => new(Kind, PlannedOn, AchievedOn);
}

/// <summary>Capital planned and disbursed in a year (kế hoạch vốn, giải ngân), as reported on a day.</summary>
public sealed class ProjectDisbursement
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public int Year { get; set; }
    public decimal PlannedVnd { get; set; }
    public decimal DisbursedVnd { get; set; }
    public DateOnly ReportedOn { get; set; }
    public string? Source { get; set; }
}

/// <summary>A photo of a project or an incident, re-encoded on upload; its bytes are in <see cref="PhotoContent"/>.</summary>
public sealed class Photo
{
    public long Id { get; set; }
    public long? ProjectId { get; set; }
    public long? IncidentId { get; set; }
    public required string FileName { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Where the camera was, from the photo's EXIF, when it said.</summary>
    public decimal? Latitude { get; set; }

    public decimal? Longitude { get; set; }
    public DateTime? TakenAt { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public PhotoContent? Content { get; set; }
}

public sealed class PhotoContent
{
    public long PhotoId { get; set; }
    public required byte[] Jpeg { get; set; }
}
