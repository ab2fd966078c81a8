namespace LoTrinh.Core.Accounts;

/// <summary>What a signed-in person is in the programme. Someone not signed in is the public.</summary>
public enum Role
{
    /// <summary>Quản trị hệ thống: accounts and settings, and everything else.</summary>
    Administrator,

    /// <summary>Lãnh đạo: reads everything, approves nothing.</summary>
    Leadership,

    /// <summary>Thường trực / tổ giúp việc Ban Chỉ đạo: manages the programme and approves submissions.</summary>
    Secretariat,

    /// <summary>Lãnh đạo cơ quan: as an officer, and submits the agency's report.</summary>
    AgencyHead,

    /// <summary>Cán bộ cơ quan: reads and reports on its agency's tasks and its localities' indicators.</summary>
    AgencyOfficer,
}

/// <summary>Things a role may do. Which records it may do them to is its <see cref="ReadScope"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The word of the domain; it names what it is, not a permission-type suffix.")]
public enum Permission
{
    /// <summary>Directives, targets, tasks, imports, criteria sets, assessments.</summary>
    ManageProgramme,

    /// <summary>Progress of a task, completion, measurements (báo cáo tiến độ, số liệu).</summary>
    ReportProgress,

    /// <summary>Send the agency's report to the secretariat (trình báo cáo).</summary>
    SubmitReport,

    /// <summary>Accept a submitted report (phê duyệt).</summary>
    ApproveReport,

    /// <summary>Accounts: create, reset passwords, lock.</summary>
    ManageAccounts,

    /// <summary>Read working data that is not published (tasks, progress, measurements, assessments).</summary>
    ReadInternal,
}

/// <summary>Which records a reader sees.</summary>
public enum ReadScope
{
    /// <summary>Published directives and what they set; nothing internal.</summary>
    Published,

    /// <summary>The tasks where the agency is lead or cooperating, and the measurements of its localities.</summary>
    Agency,

    /// <summary>Everything.</summary>
    All,
}

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>The grants, one line per role; a permission not listed is refused.</summary>
    public static bool Has(this Role role, Permission permission) => role switch
    {
        Role.Administrator => true,
        Role.Leadership => permission is Permission.ReadInternal,
        Role.Secretariat => permission is Permission.ManageProgramme or Permission.ReportProgress or Permission.ApproveReport or Permission.ReadInternal,
        Role.AgencyHead => permission is Permission.ReportProgress or Permission.SubmitReport or Permission.ReadInternal,
        Role.AgencyOfficer => permission is Permission.ReportProgress or Permission.ReadInternal,
        _ => false,
    };

    /// <summary>The public (not signed in) reads what is published and may do nothing.</summary>
    public static ReadScope Scope(this Role? role) => role switch
    {
        null => ReadScope.Published,
        Role.AgencyHead or Role.AgencyOfficer => ReadScope.Agency,
        _ => ReadScope.All,
    };

    /// <summary>Officers and heads act for an agency; the others act for the programme.</summary>
    public static bool BelongsToAgency(this Role role) => role is Role.AgencyHead or Role.AgencyOfficer;

    public static string Code(this Role role) => role switch
    {
        Role.Administrator => "administrator",
        Role.Leadership => "leadership",
        Role.Secretariat => "secretariat",
        Role.AgencyHead => "agency_head",
        Role.AgencyOfficer => "agency_officer",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Vietnamese(this Role role) => role switch
    {
        Role.Administrator => "Quản trị hệ thống",
        Role.Leadership => "Lãnh đạo",
        Role.Secretariat => "Thường trực, tổ giúp việc",
        Role.AgencyHead => "Lãnh đạo cơ quan",
        Role.AgencyOfficer => "Cán bộ cơ quan",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? code, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
