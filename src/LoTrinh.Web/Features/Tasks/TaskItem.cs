using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Directives;

namespace LoTrinh.Web.Features.Tasks;

/// <summary>A task (nhiệm vụ, giải pháp) given by a directive. Facts only: status is computed by Core as of a date.</summary>
public sealed class TaskItem : Data.IVersioned, Data.ISoftDeletable
{
    public long Id { get; set; }
    public long DirectiveId { get; set; }
    public Directive Directive { get; set; } = null!;
    public string? Section { get; set; }
    public required string Text { get; set; }
    public string? Quote { get; set; }
    public string? DeadlineText { get; set; }
    public DateOnly? DueOn { get; set; }
    public DeadlinePrecision DeadlinePrecision { get; set; }
    public bool DeadlineExclusive { get; set; }
    public DateOnly? CompletedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when deleted: the row stays, hidden, and the audit trail says who deleted it.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>PostgreSQL's xmin: a save made from an older reading is refused, not applied over a newer one.</summary>
    public uint Version { get; set; }

    public List<TaskAgency> Agencies { get; set; } = [];
    public List<ProgressUpdate> ProgressUpdates { get; set; } = [];

    public Deadline? Deadline => DeadlineText is null ? null : new Deadline(DeadlineText, DueOn, DeadlinePrecision, DeadlineExclusive);

    public void SetDeadline(Deadline? deadline)
    {
        DeadlineText = deadline?.Text;
        DueOn = deadline?.Due;
        DeadlinePrecision = deadline?.Precision ?? DeadlinePrecision.None;
        DeadlineExclusive = deadline?.Exclusive ?? false;
    }

    /// <summary>The only way to finish a task.</summary>
    public void Complete(DateOnly on) => CompletedOn = on;

    public TaskStatusClass StatusOn(DateOnly asOf) => TaskStatusRules.Classify(Deadline, CompletedOn, asOf);
}

/// <summary>An agency's part in a task.</summary>
public sealed class TaskAgency
{
    public long TaskId { get; set; }
    public TaskItem Task { get; set; } = null!;
    public long AgencyId { get; set; }
    public Agency Agency { get; set; } = null!;
    public required string Role { get; set; }
    public int Ordinal { get; set; }
}

public static class TaskRoles
{
    /// <summary>chủ trì</summary>
    public const string Lead = "lead";

    /// <summary>Further actors a directive names beside the lead (đồng chủ trì).</summary>
    public const string CoLead = "co_lead";

    /// <summary>phối hợp</summary>
    public const string Cooperating = "cooperating";
}

/// <summary>A progress report on a task.</summary>
public sealed class ProgressUpdate
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public TaskItem Task { get; set; } = null!;
    public DateOnly ReportedOn { get; set; }
    public required string Text { get; set; }
    public int? Percent { get; set; }
    public required string EnteredBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}
