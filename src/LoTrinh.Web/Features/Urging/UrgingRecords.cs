using LoTrinh.Core.Urging;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Reporting;
using LoTrinh.Web.Features.Tasks;

namespace LoTrinh.Web.Features.Urging;

/// <summary>The secretariat's urging rules as stored (one row); Core's <see cref="UrgingRules"/> reads them.</summary>
public sealed class UrgingRuleRow
{
    public int Id { get; set; }
    public int[] DaysBefore { get; set; } = [];
    public bool OnTheDay { get; set; }
    public int OverdueEvery { get; set; }
    public int StaleAfterDays { get; set; }
    public int UnassignedAfterDays { get; set; }
    public int EscalateToHeadAfter { get; set; }
    public int EscalateToSecretariatAfter { get; set; }
    public bool EscalateToLeadership { get; set; }
    public long? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public UrgingRules Rules => new(DaysBefore, OnTheDay, OverdueEvery, StaleAfterDays, UnassignedAfterDays,
        EscalateToHeadAfter, EscalateToSecretariatAfter, EscalateToLeadership);
}

/// <summary>One line of the urging log (nhật ký đôn đốc): an urge about a task or a report, to an agency or the secretariat.</summary>
public sealed class UrgingEntry
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public UrgeKind Kind { get; set; }
    public Audience Audience { get; set; }
    public long? TaskId { get; set; }
    public TaskItem? Task { get; set; }
    public long? ReportId { get; set; }
    public AgencyReport? Report { get; set; }
    public long? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Reason { get; set; }

    /// <summary>The text of a văn bản đôn đốc the secretariat wrote (manual urges only).</summary>
    public string? Note { get; set; }

    public long? SentBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Notification> Notifications { get; set; } = [];
}

/// <summary>A person told of an urge in the app.</summary>
public sealed class Notification
{
    public long UserId { get; set; }
    public long UrgingId { get; set; }
    public UrgingEntry Urging { get; set; } = null!;
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>The e-mail carrying a person's urges of a day (or, weekly, of a week).</summary>
public sealed class Digest
{
    public long UserId { get; set; }
    public DateOnly Day { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public required string Address { get; set; }
    public int Items { get; set; }
    public string? Error { get; set; }
}

public sealed class UrgingRun
{
    public DateOnly Day { get; set; }
    public int Urges { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
}

public static class UrgeLabels
{
    public static string Vietnamese(this UrgeKind kind) => kind switch
    {
        UrgeKind.DueSoon => "Sắp đến hạn",
        UrgeKind.DueToday => "Đến hạn hôm nay",
        UrgeKind.Overdue => "Quá hạn",
        UrgeKind.EscalatedToHead => "Báo thủ trưởng cơ quan",
        UrgeKind.EscalatedToSecretariat => "Báo thường trực",
        UrgeKind.Stale => "Không cập nhật tiến độ",
        UrgeKind.Unassigned => "Chưa có chủ trì hoặc thời hạn",
        _ => "Văn bản đôn đốc",
    };

    public static string Vietnamese(this Audience audience) => audience switch
    {
        Audience.Agency => "Cơ quan (cán bộ và thủ trưởng)",
        Audience.AgencyHead => "Thủ trưởng cơ quan",
        _ => "Thường trực, tổ giúp việc",
    };
}
