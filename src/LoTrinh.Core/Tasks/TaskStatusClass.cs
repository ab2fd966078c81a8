namespace LoTrinh.Core.Tasks;

/// <summary>
/// The government's status classes for an assigned task, as of a date (vn-conventions §3.1;
/// Báo cáo 1270/BC-TCTTTg: completed on time / late, not completed within deadline / overdue).
/// </summary>
public enum TaskStatusClass
{
    /// <summary>Hoàn thành đúng hạn (đúng/trước hạn).</summary>
    CompletedOnTime,

    /// <summary>Hoàn thành quá hạn (trễ hạn).</summary>
    CompletedLate,

    /// <summary>Đang thực hiện trong hạn.</summary>
    InProgressWithinDeadline,

    /// <summary>Đang thực hiện quá hạn (quá hạn chưa hoàn thành).</summary>
    InProgressOverdue,

    /// <summary>Thường xuyên / định kỳ: no single deadline, never overdue as a whole.</summary>
    Recurring,

    /// <summary>Không có thời hạn: counted apart, as Bình Định's reports do.</summary>
    NoDeadline,
}

public static class TaskStatusClassNames
{
    public static string Vietnamese(this TaskStatusClass status) => status switch
    {
        TaskStatusClass.CompletedOnTime => "Hoàn thành đúng hạn",
        TaskStatusClass.CompletedLate => "Hoàn thành quá hạn",
        TaskStatusClass.InProgressWithinDeadline => "Đang thực hiện trong hạn",
        TaskStatusClass.InProgressOverdue => "Đang thực hiện quá hạn",
        TaskStatusClass.Recurring => "Thường xuyên, định kỳ",
        TaskStatusClass.NoDeadline => "Không có thời hạn",
    };

    /// <summary>The snake_case code the JSON API uses.</summary>
    public static string Code(this TaskStatusClass status) => status switch
    {
        TaskStatusClass.CompletedOnTime => "completed_on_time",
        TaskStatusClass.CompletedLate => "completed_late",
        TaskStatusClass.InProgressWithinDeadline => "in_progress_within_deadline",
        TaskStatusClass.InProgressOverdue => "in_progress_overdue",
        TaskStatusClass.Recurring => "recurring",
        TaskStatusClass.NoDeadline => "no_deadline",
    };

    public static bool TryParseCode(string code, out TaskStatusClass status) => Text.Codes.TryParse(code, Code, out status);

    public static bool IsCompleted(this TaskStatusClass status) =>
        status is TaskStatusClass.CompletedOnTime or TaskStatusClass.CompletedLate;
}
