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
    public const string Other = "other";

    public static readonly string[] All =
        [PeoplesCommittee, Department, SteeringCommittee, PartyCommittee, PartyBoard, MassOrganisation, Group, Other];

    /// <summary>Guesses the kind from how the name is written; a person can correct it.</summary>
    public static string Infer(string name)
    {
        var s = VietnameseText.Fold(name);
        if (s.StartsWith("các ", StringComparison.Ordinal))
        {
            return Group;
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
        Group => "Nhóm cơ quan",
        _ => "Khác",
    };
}
