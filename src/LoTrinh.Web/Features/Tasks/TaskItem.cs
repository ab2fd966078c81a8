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

    /// <summary>The deadline as first set, when it has since been adjusted (điều chỉnh thời hạn).</summary>
    public string? OriginalDeadlineText { get; private set; }

    public DateOnly? OriginalDueOn { get; private set; }

    /// <summary>Set when deleted: the row stays, hidden, and the audit trail says who deleted it.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>PostgreSQL's xmin: a save made from an older reading is refused, not applied over a newer one.</summary>
    public uint Version { get; set; }

    /// <summary>The lead agency (chủ trì), kept by the database from <see cref="Agencies"/> so the dashboard can
    /// group the country's tasks by it in one scan; read-only here.</summary>
    public long? LeadAgencyId { get; private set; }

    /// <summary>The last day on which finishing counts as on time: <see cref="DueOn"/>, moved to the next working day
    /// when it falls on a day off and deadlines roll forward (Điều 148 BLDS; migration 0011). Kept by the database.</summary>
    public DateOnly? DueRolledOn { get; private set; }

    public List<TaskAgency> Agencies { get; set; } = [];
    public List<ProgressUpdate> ProgressUpdates { get; set; } = [];

    public Deadline? Deadline => DeadlineText is null ? null : new Deadline(DeadlineText, DueOn, DeadlinePrecision, DeadlineExclusive);

    /// <summary>Sets a new deadline, keeping the first one when a deadline that was set is adjusted.</summary>
    public void AdjustDeadline(Deadline deadline)
    {
        if (OriginalDeadlineText is null && Assignment.IsChange(Deadline, deadline))
        {
            OriginalDeadlineText = DeadlineText;
            OriginalDueOn = DueOn;
        }

        SetDeadline(deadline);
    }

    public void SetDeadline(Deadline? deadline)
    {
        DeadlineText = deadline?.Text;
        DueOn = deadline?.Due;
        DeadlinePrecision = deadline?.Precision ?? DeadlinePrecision.None;
        DeadlineExclusive = deadline?.Exclusive ?? false;
    }

    /// <summary>The only way to finish a task.</summary>
    public void Complete(DateOnly on) => CompletedOn = on;

    /// <summary>The status as of a date, on the last day the database keeps (a deadline on a day off rolled forward).</summary>
    public TaskStatusClass StatusOn(DateOnly asOf) =>
        TaskStatusRules.ClassifyByLastDay(Deadline is null ? null : DueRolledOn, Deadline is { IsRecurring: true }, CompletedOn, asOf);
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

    /// <summary>The dissolved agency this part was taken over from (nhận từ …).</summary>
    public long? ReceivedFromAgencyId { get; set; }

    public Agency? ReceivedFrom { get; set; }
}

/// <summary>An act of assignment (phân công): lead, cooperating agencies and deadline given to a task, citing a decision.</summary>
public sealed class TaskAssignment
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public long? LeadAgencyId { get; set; }

    /// <summary>Set instead of the id when the act also makes the agency.</summary>
    public Agency? LeadAgency { get; set; }

    public long[] CooperatingAgencyIds { get; set; } = [];
    public string? DeadlineText { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? PreviousDeadlineText { get; set; }
    public string? DocumentNumber { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public string? Reason { get; set; }
    public long? AssignedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
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
