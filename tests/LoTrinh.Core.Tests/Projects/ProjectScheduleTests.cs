using System.Globalization;
using LoTrinh.Core.Projects;

namespace LoTrinh.Core.Tests.Projects;

public sealed class ProjectScheduleTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static DateOnly? N(string? text) => text is null ? null : D(text);

    // Ground-breaking planned 2023-09-30 (16-KL/BCĐ: "tháng 9 năm 2023 phải khởi công"), site clearance planned 2023-06-30.
    public static TheoryData<string?, string?, string?, string, string, string?, int> Cases => new()
    {
        // site clearance actual, ground-breaking actual, other progress, as of → state, late milestone, days behind
        { "2023-06-20", null, "2023-09-15", "2023-09-30", "OnSchedule", null, 0 },          // the planned day itself is not late
        { "2023-06-20", null, "2023-09-15", "2023-10-01", "Behind", "GroundBreaking", 1 },   // the day after is
        { "2023-06-20", "2023-10-05", "2023-09-15", "2023-10-04", "Behind", "GroundBreaking", 4 }, // reached after the cut-off: not known yet
        { "2023-06-20", "2023-10-05", null, "2023-10-05", "OnSchedule", null, 0 },          // reached late, caught up
        { null, null, null, "2023-07-01", "Behind", "SiteClearance", 1 },           // the earliest missing milestone is named
        { null, null, "2023-04-01", "2023-06-29", "OnSchedule", null, 0 },          // 89 days quiet: not stalled
        { null, null, "2023-04-01", "2023-06-30", "Stalled", null, 0 },             // 90 days quiet: stalled
        { null, null, "2023-04-01", "2023-07-10", "Stalled", "SiteClearance", 10 }, // stalled wins over behind, and names it
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assess_AtItsBoundaries(string? cleared, string? started, string? progress, string asOf, string state, string? late, int days)
    {
        Milestone[] milestones =
        [
            new(MilestoneKind.SiteClearance, D("2023-06-30"), N(cleared)),
            new(MilestoneKind.GroundBreaking, D("2023-09-30"), N(started)),
            new(MilestoneKind.Completion, D("2025-12-31"), null),
        ];

        var status = ProjectSchedule.Assess(milestones, N(progress), D(asOf));

        Assert.Equal((state, late, days), (status.State.ToString(), status.Late?.ToString(), status.DaysBehind));
    }

    [Fact]
    public void Assess_CompletedOnOrBeforeTheCutOff_IsCompleted_WhateverElseIsMissing()
    {
        Milestone[] milestones = [new(MilestoneKind.LandHandover, D("2023-01-31"), null), new(MilestoneKind.Completion, D("2024-12-31"), D("2024-12-20"))];
        Assert.Equal(ScheduleState.Completed, ProjectSchedule.Assess(milestones, null, D("2024-12-20")).State);
        Assert.Equal(ScheduleState.Behind, ProjectSchedule.Assess(milestones, null, D("2024-12-19")).State);
    }

    [Fact]
    public void Assess_NoPlannedDate_NotPlanned_AndNoSignAtAll_IsNotCalledStalled()
    {
        Milestone[] milestones = [new(MilestoneKind.GroundBreaking, null, null)];
        var status = ProjectSchedule.Assess(milestones, null, D("2026-11-29"));
        Assert.Equal((ScheduleState.NotPlanned, (int?)null), (status.State, status.DaysQuiet));
        Assert.Equal(ScheduleState.NotPlanned, ProjectSchedule.Assess([], null, D("2026-11-29")).State);
    }

    [Fact]
    public void Assess_ASignAfterTheCutOff_DoesNotCount()
    {
        Milestone[] milestones = [new(MilestoneKind.GroundBreaking, D("2030-01-01"), null)];
        var status = ProjectSchedule.Assess(milestones, D("2026-06-01"), D("2026-05-01"));
        Assert.Null(status.DaysQuiet);
        Assert.Equal(ScheduleState.OnSchedule, status.State);
    }

    [Theory]
    [InlineData(0, 5, null)]
    [InlineData(-1, 5, null)]
    [InlineData(200, 0, 0.0)]
    [InlineData(200, 100, 0.5)]
    [InlineData(3, 1, 0.3333)]
    [InlineData(200, 250, 1.25)]
    public void DisbursementRate(double planned, double disbursed, double? rate) =>
        Assert.Equal(rate is null ? null : (decimal)rate.Value, ProjectSchedule.DisbursementRate((decimal)planned, (decimal)disbursed));

    [Theory]
    [InlineData("2023-01-01", "2022-12-31", "2026-11-29", "actual")]   // reached before the project was decided
    [InlineData(null, "2027-01-01", "2026-11-29", "actual")]           // reached in the future
    public void CheckMilestone_NamesTheField(string? decided, string actual, string today, string field)
    {
        var problems = ProjectSchedule.Check(new Milestone(MilestoneKind.GroundBreaking, null, D(actual)), N(decided), D(today));
        Assert.Contains(problems, p => p.Field == field);
        Assert.Empty(ProjectSchedule.Check(new Milestone(MilestoneKind.GroundBreaking, D("2023-09-30"), D("2023-10-05")), D("2023-01-01"), D(today)));
    }

    [Fact]
    public void CheckDisbursement_OverTheTotal_OrNegative_IsRefused_AtTheTotalItIsNot()
    {
        Assert.Empty(ProjectSchedule.CheckDisbursement(100, 40, 60, 100));
        Assert.Contains(ProjectSchedule.CheckDisbursement(100, 41, 60, 100), p => p.Field == "disbursed");
        Assert.Contains(ProjectSchedule.CheckDisbursement(-1, 0, 0, null), p => p.Field == "planned");
        Assert.Contains(ProjectSchedule.CheckDisbursement(0, -1, 0, null), p => p.Field == "disbursed");
        Assert.Empty(ProjectSchedule.CheckDisbursement(0, 10_000, 0, null));
    }
}
