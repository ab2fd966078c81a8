using LoTrinh.Core.Text;

namespace LoTrinh.Core.Agencies;

/// <summary>The kinds of body that directives give tasks to.</summary>
public static class AgencyKinds
{
    public const string PeoplesCommittee = "peoples_committee";
    public const string Department = "department";
    public const string SteeringCommittee = "steering_committee";
    public const string PartyCommittee = "party_committee";
    public const string PartyBoard = "party_board";
    public const string MassOrganisation = "mass_organisation";
    public const string Group = "group";

    /// <summary>A person or a post ("đồng chí Phó Bí thư Thường trực Huyện ủy", "Chủ tịch UBND tỉnh"), not a body.</summary>
    public const string Person = "person";

    public const string Other = "other";

    public static readonly string[] All =
        [PeoplesCommittee, Department, SteeringCommittee, PartyCommittee, PartyBoard, MassOrganisation, Group, Person, Other];

    /// <summary>
    /// A body that can be held to account for a task: not a collective addressee ("Các sở, ban, ngành", "các
    /// cơ quan liên quan", which the secretariat must break down) and not a person or post.
    /// </summary>
    public static bool IsBody(string kind) => kind is not (Group or Person);

    // Posts a directive names as the one who acts: "Chủ tịch UBND tỉnh chỉ đạo…", "đồng chí Bí thư…".
    private static readonly string[] Posts =
        ["đồng chí ", "đ/c ", "bí thư ", "phó bí thư ", "chủ tịch ", "phó chủ tịch ", "giám đốc ", "phó giám đốc ", "trưởng ban ", "phó trưởng ban ", "thủ trưởng "];

    /// <summary>Guesses the kind from how the name is written; a person can correct it.</summary>
    public static string Infer(string name)
    {
        var s = VietnameseText.Fold(name);
        if (s.StartsWith("các ", StringComparison.Ordinal) || s.Contains(" các ", StringComparison.Ordinal) && Posts.Any(p => s.StartsWith(p, StringComparison.Ordinal)))
        {
            // "Các sở…", and "Thủ trưởng các sở…", "đồng chí Bí thư Đảng ủy các xã": many, not one.
            return Group;
        }

        if (Posts.Any(p => s.StartsWith(p, StringComparison.Ordinal)))
        {
            return Person;
        }

        if (s.Contains("ban chỉ đạo", StringComparison.Ordinal))
        {
            return SteeringCommittee;
        }

        if (s.StartsWith("ubnd", StringComparison.Ordinal) || s.Contains("ủy ban nhân dân", StringComparison.Ordinal)
            && !s.StartsWith("ban cán sự", StringComparison.Ordinal))
        {
            return PeoplesCommittee;
        }

        if (s.StartsWith("sở ", StringComparison.Ordinal))
        {
            return Department;
        }

        if (s.StartsWith("ban tuyên giáo", StringComparison.Ordinal) || s.StartsWith("ban dân vận", StringComparison.Ordinal)
            || s.StartsWith("ban tổ chức", StringComparison.Ordinal) || s.StartsWith("văn phòng", StringComparison.Ordinal)
            || s.StartsWith("ban kiểm tra", StringComparison.Ordinal))
        {
            return PartyBoard;
        }

        if (s.Contains("ủy", StringComparison.Ordinal) && (s.StartsWith("tỉnh", StringComparison.Ordinal)
                || s.StartsWith("thành", StringComparison.Ordinal) || s.StartsWith("huyện", StringComparison.Ordinal)
                || s.StartsWith("đảng ủy", StringComparison.Ordinal) || s.StartsWith("ban thường vụ", StringComparison.Ordinal))
            || s.StartsWith("bộ chính trị", StringComparison.Ordinal) || s.StartsWith("ban cán sự", StringComparison.Ordinal)
            || s.StartsWith("đảng đoàn", StringComparison.Ordinal))
        {
            return PartyCommittee;
        }

        if (s.Contains("mặt trận", StringComparison.Ordinal) || s.Contains("đoàn thể", StringComparison.Ordinal)
            || s.Contains("tổ chức chính trị", StringComparison.Ordinal))
        {
            return MassOrganisation;
        }

        return Other;
    }

    public static string Vietnamese(string kind) => kind switch
    {
        PeoplesCommittee => "Ủy ban nhân dân",
        Department => "Sở, ngành",
        SteeringCommittee => "Ban chỉ đạo",
        PartyCommittee => "Cấp ủy, tổ chức đảng",
        PartyBoard => "Ban, cơ quan tham mưu của cấp ủy",
        MassOrganisation => "Mặt trận, đoàn thể",
        Group => "Nhóm cơ quan (cần giao cụ thể)",
        Person => "Cá nhân, chức danh",
        _ => "Khác",
    };
}
