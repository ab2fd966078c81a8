using System.Globalization;
using LoTrinh.Core.Incidents;
using LoTrinh.Core.Projects;

namespace LoTrinh.Core.Tests.Incidents;

public sealed class IncidentRulesTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static DateOnly? N(string? text) => text is null ? null : D(text);

    public static TheoryData<string?, string?, string?, string, string> Statuses => new()
    {
        // assigned on, due on, resolved on, as of → code
        { null, null, null, "2026-03-01", "unassigned" },
        { "2026-03-02", "2026-03-10", null, "2026-03-01", "unassigned" },                       // given after the cut-off: not yet known
        { "2026-03-02", "2026-03-10", null, "2026-03-10", "in_progress_within_deadline" },      // the due day itself is not late
        { "2026-03-02", "2026-03-10", null, "2026-03-11", "in_progress_overdue" },
        { "2026-03-02", null, null, "2026-03-11", "no_deadline" },
        { "2026-03-02", "2026-03-10", "2026-03-10", "2026-03-12", "completed_on_time" },
        { "2026-03-02", "2026-03-10", "2026-03-11", "2026-03-12", "completed_late" },
        { "2026-03-02", "2026-03-10", "2026-03-11", "2026-03-10", "in_progress_within_deadline" }, // resolved after the cut-off
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Status_IsATaskStatusOnceAssigned(string? assigned, string? due, string? resolved, string asOf, string code)
    {
        var status = IncidentRules.Status(N(assigned), N(due), N(resolved), D(asOf));
        Assert.Equal(code, status.Code);
        Assert.Equal(!code.StartsWith("completed", StringComparison.Ordinal), status.IsOpen);
        Assert.False(string.IsNullOrWhiteSpace(status.Vietnamese));
    }

    [Theory]
    [InlineData(11.74, 108.37, true)]     // Liên Nghĩa, Đức Trọng
    [InlineData(23.4, 102.1, true)]       // the box's corner is in
    [InlineData(23.41, 105.0, false)]
    [InlineData(8.6, 116.0, true)]        // Trường Sa
    [InlineData(108.37, 11.74, false)]    // swapped
    [InlineData(-11.74, 108.37, false)]
    [InlineData(11.74, 101.9, false)]
    public void InVietnam_IsTheBox(double latitude, double longitude, bool inside)
    {
        Assert.Equal(inside, IncidentRules.InVietnam(latitude, longitude));
        Assert.Equal(inside, IncidentRules.CheckPoint(latitude, longitude).Count == 0);
    }

    [Fact]
    public void CheckPoint_WantsBothHalvesOrNone()
    {
        Assert.Empty(IncidentRules.CheckPoint(null, null));
        Assert.Equal("longitude", Assert.Single(IncidentRules.CheckPoint(11.7, null)).Field);
        Assert.Equal("latitude", Assert.Single(IncidentRules.CheckPoint(null, 108.3)).Field);
        Assert.Contains("đảo vĩ độ", Assert.Single(IncidentRules.CheckPoint(108.37, 11.74)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-05", "2026-03-10", null)]
    [InlineData("2026-03-05", null, null)]
    [InlineData("2026-03-05", "2026-03-04", "dueOn")]   // before the day it was given
    [InlineData("2026-03-05", "2026-02-27", "dueOn")]   // before the incident
    public void CheckAssignment_DeadlineNotBeforeTheIncidentNorTheAssignment(string assigned, string? due, string? field)
    {
        var problems = IncidentRules.CheckAssignment(D("2026-03-01"), D(assigned), N(due));
        Assert.Equal(field, problems.Select(p => p.Field).SingleOrDefault());
    }

    public static TheoryData<string, string, string?, string?, string?> Measures => new()
    {
        // kind, taken on, decision, amount → the field at fault (null: fine)
        { "record", "2026-03-02", null, null, null },
        { "record", "2026-03-01", null, null, null },                       // the day it happened
        { "record", "2026-02-28", null, null, "takenOn" },                  // before it happened
        { "record", "2026-03-11", null, null, "takenOn" },                  // the future (today 10/3)
        { "record", "2026-03-02", null, "1000000", "amountVnd" },            // only a fine has an amount
        { "fine", "2026-03-02", "12/QĐ-XPHC", "40000000", null },
        { "fine", "2026-03-02", null, "40000000", "decision" },
        { "fine", "2026-03-02", "12/QĐ-XPHC", null, "amountVnd" },
        { "fine", "2026-03-02", "12/QĐ-XPHC", "0", "amountVnd" },
        { "suspension", "2026-03-02", null, null, "decision" },
        { "suspension", "2026-03-02", "05/QĐ-UBND", null, null },
    };

    [Theory]
    [MemberData(nameof(Measures))]
    public void CheckMeasure_AtItsBoundaries(string kind, string taken, string? decision, string? amount, string? field)
    {
        Assert.True(IncidentRules.TryParseMeasure(kind, out var k));
        var problems = IncidentRules.CheckMeasure(k, D(taken), decision, amount is null ? null : decimal.Parse(amount, CultureInfo.InvariantCulture),
            D("2026-03-01"), D("2026-03-10"));
        Assert.Equal(field, problems.Select(p => p.Field).SingleOrDefault());
    }

    [Fact]
    public void Codes_ReadBack()
    {
        foreach (var kind in Enum.GetValues<MeasureKind>())
        {
            Assert.True(IncidentRules.TryParseMeasure(kind.Code(), out var back));
            Assert.Equal(kind, back);
        }

        foreach (var kind in Enum.GetValues<MilestoneKind>())
        {
            Assert.True(ProjectNames.TryParseMilestone(kind.Code(), out var back));
            Assert.Equal(kind, back);
        }

        foreach (var state in Enum.GetValues<ScheduleState>())
        {
            Assert.True(ProjectNames.TryParseState(state.Code(), out var back));
            Assert.Equal(state, back);
        }

        Assert.False(IncidentRules.TryParseMeasure("phạt", out _));
        Assert.Equal("Chậm tiến độ: Khởi công, 61 ngày",
            new ScheduleStatus(ScheduleState.Behind, MilestoneKind.GroundBreaking, 61, null).Describe());
    }
}
