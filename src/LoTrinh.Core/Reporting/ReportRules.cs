namespace LoTrinh.Core.Reporting;

/// <summary>Where an agency's report of a period stands. A returned report (trả lại) is a draft again, with the comment.</summary>
public enum ReportState
{
    /// <summary>Đang soạn: officers fill it, drafts save.</summary>
    Draft,

    /// <summary>Đã trình: the head sent it; it waits for the secretariat.</summary>
    Submitted,

    /// <summary>Đã duyệt: accepted, its figures count, and it is locked.</summary>
    Approved,
}

public enum ReportAction
{
    /// <summary>Lưu nháp.</summary>
    Save,

    /// <summary>Trình: the agency head sends it.</summary>
    Submit,

    /// <summary>Trả lại: the secretariat sends it back with a comment.</summary>
    Return,

    /// <summary>Phê duyệt.</summary>
    Approve,

    /// <summary>Mở khóa: the secretariat reopens an approved report, giving a reason.</summary>
    Unlock,
}

/// <summary>What an agency says of one of its tasks in a period.</summary>
public enum ClaimedProgress
{
    /// <summary>Chưa triển khai.</summary>
    NotStarted,

    /// <summary>Đang thực hiện.</summary>
    InProgress,

    /// <summary>Đã hoàn thành.</summary>
    Completed,
}

/// <summary>One task's line in an agency's report.</summary>
public sealed record ReportLine(ClaimedProgress Claimed, int? Percent, DateOnly? CompletedOn, string? Progress, string? Difficulties, string? Proposals);

public static class ReportRules
{
    /// <summary>Why a report cannot be edited, in the words the page shows; null when it can.</summary>
    public static string? WhyLocked(ReportState state, bool periodClosed) =>
        periodClosed ? "Kỳ báo cáo đã đóng: số liệu của kỳ đã khóa; thường trực mở lại kỳ (nêu lý do) để sửa."
        : state switch
        {
            ReportState.Submitted => "Báo cáo đã trình, đang chờ thường trực xem xét; chỉ sửa được khi bị trả lại.",
            ReportState.Approved => "Báo cáo đã được phê duyệt và khóa; thường trực có thể mở khóa, nêu lý do.",
            _ => null,
        };

    /// <summary>Why an action is refused in a state, or null; the state after it is <see cref="After"/>.</summary>
    public static string? Refusal(ReportAction action, ReportState state, bool periodClosed, string? comment)
    {
        if (periodClosed)
        {
            return WhyLocked(state, true);
        }

        return action switch
        {
            ReportAction.Save or ReportAction.Submit when state != ReportState.Draft => WhyLocked(state, false),
            ReportAction.Return or ReportAction.Approve when state != ReportState.Submitted =>
                state == ReportState.Draft ? "Báo cáo chưa được trình." : "Báo cáo đã được phê duyệt.",
            ReportAction.Return when string.IsNullOrWhiteSpace(comment) => "Trả lại báo cáo cần ghi ý kiến: cơ quan cần sửa gì.",
            ReportAction.Unlock when state != ReportState.Approved => "Chỉ mở khóa được báo cáo đã phê duyệt.",
            ReportAction.Unlock when string.IsNullOrWhiteSpace(comment) => "Mở khóa cần nêu lý do; lý do được ghi vào lịch sử.",
            _ => null,
        };
    }

    public static ReportState After(ReportAction action, ReportState state) => action switch
    {
        ReportAction.Submit => ReportState.Submitted,
        ReportAction.Approve => ReportState.Approved,
        ReportAction.Return or ReportAction.Unlock => ReportState.Draft,
        _ => state,
    };

    /// <summary>What is wrong with a line, field by field: a percentage outside 0–100, a completion date in the future or
    /// before the task was given (the directive's date, when known), a completed task without its date, a percentage of 100 on a task not completed.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(ReportLine line, DateOnly today, DateOnly? givenOn)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Percent is < 0 or > 100)
        {
            yield return ("percent", $"Tỷ lệ hoàn thành {line.Percent}% phải từ 0 đến 100.");
        }

        if (line.CompletedOn is { } done)
        {
            if (done > today)
            {
                yield return ("completedOn", $"Ngày hoàn thành {done:dd/MM/yyyy} chưa tới (hôm nay {today:dd/MM/yyyy}).");
            }
            else if (done < givenOn)
            {
                yield return ("completedOn", $"Ngày hoàn thành {done:dd/MM/yyyy} trước ngày giao nhiệm vụ ({givenOn.Value:dd/MM/yyyy}).");
            }

            if (line.Claimed != ClaimedProgress.Completed)
            {
                yield return ("claimed", "Có ngày hoàn thành thì tình trạng phải là \"Đã hoàn thành\".");
            }
        }
        else if (line.Claimed == ClaimedProgress.Completed)
        {
            yield return ("completedOn", "Nhiệm vụ đã hoàn thành cần ngày hoàn thành.");
        }

        if (line.Percent == 100 && line.Claimed != ClaimedProgress.Completed)
        {
            yield return ("percent", "Tỷ lệ 100% nghĩa là đã hoàn thành: chọn \"Đã hoàn thành\" và ghi ngày.");
        }

        if (line.Claimed == ClaimedProgress.NotStarted && line.Percent is > 0)
        {
            yield return ("percent", "Nhiệm vụ chưa triển khai không có tỷ lệ hoàn thành.");
        }
    }

    public static string Code(this ClaimedProgress claimed) => claimed switch
    {
        ClaimedProgress.NotStarted => "not_started",
        ClaimedProgress.InProgress => "in_progress",
        _ => "completed",
    };

    public static string Vietnamese(this ClaimedProgress claimed) => claimed switch
    {
        ClaimedProgress.NotStarted => "Chưa triển khai",
        ClaimedProgress.InProgress => "Đang thực hiện",
        _ => "Đã hoàn thành",
    };

    public static string Vietnamese(this ReportState state) => state switch
    {
        ReportState.Draft => "Đang soạn",
        ReportState.Submitted => "Đã trình, chờ duyệt",
        _ => "Đã duyệt",
    };

    public static bool TryParseClaimed(string? code, out ClaimedProgress claimed)
    {
        foreach (var candidate in Enum.GetValues<ClaimedProgress>())
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.Ordinal))
            {
                claimed = candidate;
                return true;
            }
        }

        claimed = default;
        return false;
    }
}
