using LoTrinh.Core.Accounts;

namespace LoTrinh.Core.Tests.Accounts;

public sealed class RolesTests
{
    [Theory]
    [InlineData(Role.Administrator, Permission.ManageAccounts, true)]
    [InlineData(Role.Administrator, Permission.ManageProgramme, true)]
    [InlineData(Role.Leadership, Permission.ReadInternal, true)]
    [InlineData(Role.Leadership, Permission.ManageProgramme, false)]
    [InlineData(Role.Leadership, Permission.ApproveReport, false)]
    [InlineData(Role.Leadership, Permission.ReportProgress, false)]
    [InlineData(Role.Secretariat, Permission.ManageProgramme, true)]
    [InlineData(Role.Secretariat, Permission.ApproveReport, true)]
    [InlineData(Role.Secretariat, Permission.ManageAccounts, false)]
    [InlineData(Role.Secretariat, Permission.SubmitReport, false)]
    [InlineData(Role.AgencyHead, Permission.SubmitReport, true)]
    [InlineData(Role.AgencyHead, Permission.ReportProgress, true)]
    [InlineData(Role.AgencyHead, Permission.ApproveReport, false)]
    [InlineData(Role.AgencyHead, Permission.ManageProgramme, false)]
    [InlineData(Role.AgencyOfficer, Permission.ReportProgress, true)]
    [InlineData(Role.AgencyOfficer, Permission.SubmitReport, false)]
    [InlineData(Role.AgencyOfficer, Permission.ManageProgramme, false)]
    [InlineData(Role.AgencyOfficer, Permission.ManageAccounts, false)]
    public void Has_RoleAndPermission_GrantsAsTheIssueDefines(Role role, Permission permission, bool expected) =>
        Assert.Equal(expected, role.Has(permission));

    [Theory]
    [InlineData(null, ReadScope.Published)]
    [InlineData(Role.AgencyOfficer, ReadScope.Agency)]
    [InlineData(Role.AgencyHead, ReadScope.Agency)]
    [InlineData(Role.Leadership, ReadScope.All)]
    [InlineData(Role.Secretariat, ReadScope.All)]
    [InlineData(Role.Administrator, ReadScope.All)]
    public void Scope_Role_ReadsWhatItsPlaceAllows(Role? role, ReadScope expected) => Assert.Equal(expected, role.Scope());

    [Fact]
    public void Code_EveryRole_ParsesBack()
    {
        foreach (var role in Roles.All)
        {
            Assert.True(Roles.TryParse(role.Code().ToUpperInvariant(), out var parsed));
            Assert.Equal(role, parsed);
            Assert.False(string.IsNullOrWhiteSpace(role.Vietnamese()));
        }

        Assert.False(Roles.TryParse("root", out _));
        Assert.False(Roles.TryParse(null, out _));
    }
}
