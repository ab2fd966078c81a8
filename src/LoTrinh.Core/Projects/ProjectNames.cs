namespace LoTrinh.Core.Projects;

/// <summary>The words a key project is described with: its kinds, milestones and states, in Vietnamese and as API codes.</summary>
public static class ProjectNames
{
    /// <summary>Kinds of key project (loại công trình, dự án) as the programme's conclusions name them.</summary>
    public static IReadOnlyList<(string Code, string Name)> Kinds { get; } =
    [
        ("infrastructure", "Giao thông, hạ tầng kỹ thuật"),
        ("irrigation", "Thủy lợi, hồ chứa nước"),
        ("resettlement", "Tái định cư, tái định canh"),
        ("land_fund", "Quỹ đất, đấu giá quyền sử dụng đất"),
        ("planning", "Quy hoạch"),
        ("public_building", "Trụ sở, công trình công cộng"),
        ("other", "Khác"),
    ];

    public static string KindName(string code) => Kinds.FirstOrDefault(k => k.Code == code).Name ?? code;

    public static string Code(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.Approval => "approval",
        MilestoneKind.SiteClearance => "site_clearance",
        MilestoneKind.LandHandover => "land_handover",
        MilestoneKind.GroundBreaking => "ground_breaking",
        MilestoneKind.Completion => "completion",
        MilestoneKind.Handover => "handover",
    };

    public static string Vietnamese(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.Approval => "Phê duyệt",
        MilestoneKind.SiteClearance => "Giải phóng mặt bằng",
        MilestoneKind.LandHandover => "Bàn giao đất",
        MilestoneKind.GroundBreaking => "Khởi công",
        MilestoneKind.Completion => "Hoàn thành",
        MilestoneKind.Handover => "Bàn giao đưa vào sử dụng",
    };

    public static bool TryParseMilestone(string? code, out MilestoneKind kind) => Text.Codes.TryParse(code ?? "", Code, out kind);

    public static string Code(this ScheduleState state) => state switch
    {
        ScheduleState.Completed => "completed",
        ScheduleState.OnSchedule => "on_schedule",
        ScheduleState.Behind => "behind",
        ScheduleState.Stalled => "stalled",
        ScheduleState.NotPlanned => "not_planned",
    };

    public static string Vietnamese(this ScheduleState state) => state switch
    {
        ScheduleState.Completed => "Đã hoàn thành",
        ScheduleState.OnSchedule => "Đúng tiến độ",
        ScheduleState.Behind => "Chậm tiến độ",
        ScheduleState.Stalled => "Đình trệ",
        ScheduleState.NotPlanned => "Chưa có tiến độ",
    };

    public static bool TryParseState(string? code, out ScheduleState state) => Text.Codes.TryParse(code ?? "", Code, out state);

    /// <summary>"Chậm tiến độ: Khởi công, 61 ngày" — the state with what is late, for a list or a popup.</summary>
    public static string Describe(this ScheduleStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.State switch
        {
            ScheduleState.Behind => $"Chậm tiến độ: {status.Late!.Value.Vietnamese()}, {status.DaysBehind} ngày",
            ScheduleState.Stalled => $"Đình trệ: {status.DaysQuiet} ngày không có tiến triển",
            _ => status.State.Vietnamese(),
        };
    }
}
