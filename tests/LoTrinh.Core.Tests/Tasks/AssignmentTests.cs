using LoTrinh.Core.Agencies;
using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Tasks;

namespace LoTrinh.Core.Tests.Tasks;

public sealed class AssignmentTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly AssignedAgency Department = new("Sở Xây dựng", AgencyKinds.Department, null);
    private static readonly Deadline Q4 = new("Quý IV/2026", new DateOnly(2026, 12, 31), DeadlinePrecision.Quarter);
    private static readonly Deadline Q2 = new("Quý II/2027", new DateOnly(2027, 6, 30), DeadlinePrecision.Quarter);

    private static List<(string Field, string Message)> Check(AssignedAgency? lead, Deadline? deadline, Deadline? current = null, string? reason = null) =>
        [.. Assignment.Problems(lead, deadline, current, reason, Today)];

    [Fact]
    public void ABodyAndAFirstDeadline_AreFine() => Assert.Empty(Check(Department, Q4));

    [Fact]
    public void AnAgencyDissolvedBeforeTheDeadline_IsRefused()
    {
        var district = new AssignedAgency("UBND huyện Đức Trọng", AgencyKinds.PeoplesCommittee, new DateOnly(2025, 6, 30));
        var problem = Assert.Single(Check(district, Q4));
        Assert.Equal("lead", problem.Field);
        Assert.Contains("01/07/2025", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAgencyDissolvedBeforeToday_IsRefused_EvenWithoutADeadline() =>
        Assert.Single(Check(new AssignedAgency("UBND huyện Đức Trọng", AgencyKinds.PeoplesCommittee, new DateOnly(2025, 6, 30)), null));

    [Fact]
    public void AnAgencyThatLastsPastTheDeadline_IsFine() =>
        Assert.Empty(Check(new AssignedAgency("Ban chỉ đạo", AgencyKinds.SteeringCommittee, new DateOnly(2027, 1, 1)), Q4));

    [Theory]
    [InlineData(AgencyKinds.Group)]
    [InlineData(AgencyKinds.Person)]
    public void ACollectiveOrAPerson_IsNotALead(string kind) =>
        Assert.Equal("lead", Assert.Single(Check(new AssignedAgency("Các sở, ban, ngành", kind, null), Q4)).Field);

    [Fact]
    public void ChangingASetDeadline_WithoutAReason_IsRefused() =>
        Assert.Equal("reason", Assert.Single(Check(Department, Q2, current: Q4)).Field);

    [Fact]
    public void ChangingASetDeadline_WithAReason_IsFine() => Assert.Empty(Check(Department, Q2, current: Q4, reason: "Chờ vốn bố trí năm 2027"));

    [Fact]
    public void KeepingTheSameDeadline_NeedsNoReason() => Assert.Empty(Check(Department, Q4 with { Text = "quý 4 năm 2026" }, current: Q4));

    [Fact]
    public void ADeadlineForATaskThatHadAnUnreadableOne_IsNotAChange() =>
        Assert.Empty(Check(Department, Q4, current: Deadline.Unreadable("sớm")));

    [Fact]
    public void NoLead_OnlyTheDeadlineIsChecked() => Assert.Equal("reason", Assert.Single(Check(null, Q2, current: Q4)).Field);
}
