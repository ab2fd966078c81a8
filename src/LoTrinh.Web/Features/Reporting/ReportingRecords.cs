using LoTrinh.Core.Reporting;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Tasks;

namespace LoTrinh.Web.Features.Reporting;

/// <summary>A reporting regime (chế độ báo cáo): who reports on which directive's tasks, how often, by when, to whom.</summary>
public sealed class ReportingRegime : Data.ISoftDeletable
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public RegimeKind Kind { get; set; }

    /// <summary>Null for a thematic or ad hoc regime, whose one period is set by hand.</summary>
    public ReportingFrequency? Frequency { get; set; }

    public CutOffRule CutOff { get; set; }
    public DeadlineRule DeadlineRule { get; set; }
    public int DeadlineValue { get; set; }
    public long DirectiveId { get; set; }
    public Directive Directive { get; set; } = null!;

    /// <summary>Nơi nhận: "Thường trực Ban Chỉ đạo".</summary>
    public required string Recipient { get; set; }

    public DateOnly InForceFrom { get; set; }
    public long? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public SubmissionRule Submission => new(DeadlineRule, DeadlineValue);

    /// <summary>The indicators each report of the regime gives a value of, for the agency's locality.</summary>
    public List<RegimeIndicator> Indicators { get; set; } = [];
}

public sealed class RegimeIndicator
{
    public long RegimeId { get; set; }
    public long IndicatorId { get; set; }
}

/// <summary>One period of a regime: the days its data covers and when its reports are due.</summary>
public sealed class ReportPeriod
{
    public long Id { get; set; }
    public long RegimeId { get; set; }
    public ReportingRegime Regime { get; set; } = null!;
    public required string Label { get; set; }
    public int? Year { get; set; }
    public int? Number { get; set; }
    public DateOnly WindowFrom { get; set; }
    public DateOnly WindowTo { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long? ClosedBy { get; set; }
    public List<AgencyReport> Reports { get; set; } = [];
}

/// <summary>An agency's report for a period: one form, filled by its officers, sent by its head.</summary>
public sealed class AgencyReport : Data.IVersioned
{
    public long Id { get; set; }
    public long PeriodId { get; set; }
    public ReportPeriod Period { get; set; } = null!;
    public long AgencyId { get; set; }
    public Agency Agency { get; set; } = null!;
    public ReportState State { get; set; }
    public string? Summary { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public long? SubmittedBy { get; set; }

    /// <summary>Working days after the due date the report was sent; 0 when on time.</summary>
    public int? WorkingDaysLate { get; set; }

    public int TimesReturned { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public long? ApprovedBy { get; set; }
    public DateTimeOffset? SavedAt { get; set; }
    public uint Version { get; set; }
    public List<AgencyReportLine> Lines { get; set; } = [];
    public List<AgencyReportEvent> Events { get; set; } = [];
    public List<EvidenceFile> Files { get; set; } = [];
    public List<AgencyReportValue> Values { get; set; } = [];
}

/// <summary>An indicator's value for a locality in an agency's report; the figure of the period once approved.</summary>
public sealed class AgencyReportValue
{
    public long ReportId { get; set; }
    public long IndicatorId { get; set; }
    public Targets.Indicator Indicator { get; set; } = null!;
    public long AdministrativeUnitId { get; set; }
    public Units.AdministrativeUnit AdministrativeUnit { get; set; } = null!;
    public decimal? Value { get; set; }

    /// <summary>Where the figure comes from, or what qualifies it.</summary>
    public string? Note { get; set; }
}

public sealed class AgencyReportLine
{
    public long ReportId { get; set; }
    public long TaskId { get; set; }
    public TaskItem Task { get; set; } = null!;

    /// <summary>The agency's part in the task: lead or cooperating (<see cref="TaskRoles"/>).</summary>
    public required string Role { get; set; }

    public ClaimedProgress Claimed { get; set; }
    public int? Percent { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Progress { get; set; }

    /// <summary>Khó khăn, vướng mắc.</summary>
    public string? Difficulties { get; set; }

    /// <summary>Đề xuất, kiến nghị.</summary>
    public string? Proposals { get; set; }

    public ReportLine AsLine() => new(Claimed, Percent, CompletedOn, Progress, Difficulties, Proposals);
}

/// <summary>What was done to a report: the record of the cycle, with the comment given.</summary>
public sealed class AgencyReportEvent
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public required string Action { get; set; }
    public string? Comment { get; set; }
    public long? ActorId { get; set; }
    public required string ActorName { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Evidence attached to a report (to one task's line, or to the whole); its bytes in <see cref="EvidenceContent"/>.</summary>
public sealed class EvidenceFile : Data.ISoftDeletable
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public long? TaskId { get; set; }
    public required string FileName { get; set; }
    public EvidenceKind Kind { get; set; }
    public int SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public long? UploadedBy { get; set; }
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public EvidenceContent? Content { get; set; }
}

public sealed class EvidenceContent
{
    public long FileId { get; set; }
    public required byte[] Content { get; set; }
}
