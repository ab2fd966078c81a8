using LoTrinh.Core.Reporting;

namespace LoTrinh.Core.Tests.Reporting;

public sealed class ReportRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 20);
    private static readonly DateOnly Given = new(2024, 1, 10);

    private static List<string> Fields(ReportLine line) => [.. ReportRules.Problems(line, Today, Given).Select(p => p.Field)];

    [Theory]
    [InlineData(ReportAction.Save, ReportState.Draft, ReportState.Draft)]
    [InlineData(ReportAction.Submit, ReportState.Draft, ReportState.Submitted)]
    [InlineData(ReportAction.Return, ReportState.Submitted, ReportState.Draft)]
    [InlineData(ReportAction.Approve, ReportState.Submitted, ReportState.Approved)]
    [InlineData(ReportAction.Unlock, ReportState.Approved, ReportState.Draft)]
    public void TheCycle_MovesAsTheSecretariatAndTheAgencyAct(ReportAction action, ReportState from, ReportState to)
    {
        Assert.Null(ReportRules.Refusal(action, from, periodClosed: false, comment: "lý do"));
        Assert.Equal(to, ReportRules.After(action, from));
    }

    [Theory]
    [InlineData(ReportAction.Save, ReportState.Submitted, "chờ thường trực")]
    [InlineData(ReportAction.Save, ReportState.Approved, "phê duyệt và khóa")]
    [InlineData(ReportAction.Submit, ReportState.Submitted, "chờ thường trực")]
    [InlineData(ReportAction.Return, ReportState.Draft, "chưa được trình")]
    [InlineData(ReportAction.Approve, ReportState.Draft, "chưa được trình")]
    [InlineData(ReportAction.Approve, ReportState.Approved, "đã được phê duyệt")]
    [InlineData(ReportAction.Unlock, ReportState.Submitted, "Chỉ mở khóa")]
    [InlineData(ReportAction.Unlock, ReportState.Draft, "Chỉ mở khóa")]
    public void AnActionOutOfTurn_IsRefused_SayingWhy(ReportAction action, ReportState state, string said) =>
        Assert.Contains(said, ReportRules.Refusal(action, state, false, "lý do"), StringComparison.Ordinal);

    [Fact]
    public void ReturningOrUnlocking_NeedsAComment()
    {
        Assert.Contains("ý kiến", ReportRules.Refusal(ReportAction.Return, ReportState.Submitted, false, "  "), StringComparison.Ordinal);
        Assert.Contains("lý do", ReportRules.Refusal(ReportAction.Unlock, ReportState.Approved, false, null), StringComparison.Ordinal);
    }

    [Fact]
    public void AClosedPeriod_LocksEverything_UntilTheSecretariatReopensIt()
    {
        foreach (var action in Enum.GetValues<ReportAction>())
        {
            Assert.Contains("Kỳ báo cáo đã đóng", ReportRules.Refusal(action, ReportState.Approved, true, "x"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheLockSaysWhy()
    {
        Assert.Null(ReportRules.WhyLocked(ReportState.Draft, false));
        Assert.Contains("đang chờ", ReportRules.WhyLocked(ReportState.Submitted, false), StringComparison.Ordinal);
        Assert.Contains("đã được phê duyệt", ReportRules.WhyLocked(ReportState.Approved, false), StringComparison.Ordinal);
        Assert.Contains("đã đóng", ReportRules.WhyLocked(ReportState.Draft, true), StringComparison.Ordinal);
    }

    [Fact]
    public void AFairLine_HasNoProblem()
    {
        Assert.Empty(Fields(new ReportLine(ClaimedProgress.InProgress, 60, null, "Đang thẩm định", null, null)));
        Assert.Empty(Fields(new ReportLine(ClaimedProgress.Completed, 100, new DateOnly(2026, 5, 4), "Đã ban hành", null, null)));
        Assert.Empty(Fields(new ReportLine(ClaimedProgress.NotStarted, null, null, null, "Chưa bố trí vốn", "Đề nghị bố trí vốn")));
    }

    [Theory]
    [InlineData(140)]
    [InlineData(-5)]
    public void APercentageOutside0To100_IsRefused(int percent) =>
        Assert.Equal(["percent"], Fields(new ReportLine(ClaimedProgress.InProgress, percent, null, null, null, null)));

    [Fact]
    public void ACompletionDate_NotInTheFuture_NorBeforeTheTaskWasGiven()
    {
        Assert.Equal(["completedOn"], Fields(new ReportLine(ClaimedProgress.Completed, 100, Today.AddDays(1), null, null, null)));
        Assert.Equal(["completedOn"], Fields(new ReportLine(ClaimedProgress.Completed, 100, Given.AddDays(-1), null, null, null)));
        Assert.Empty(Fields(new ReportLine(ClaimedProgress.Completed, 100, Today, null, null, null)));
        Assert.Empty(Fields(new ReportLine(ClaimedProgress.Completed, 100, Given, null, null, null)));
        // A directive whose date is not on file: the row's import date is not the day the task was given; no lower bound.
        Assert.Empty(ReportRules.Problems(new ReportLine(ClaimedProgress.Completed, 100, Given.AddYears(-5), null, null, null), Today, null));
    }

    [Fact]
    public void CompletionAndItsDate_GoTogether()
    {
        Assert.Equal(["completedOn"], Fields(new ReportLine(ClaimedProgress.Completed, null, null, null, null, null)));
        Assert.Equal(["claimed"], Fields(new ReportLine(ClaimedProgress.InProgress, null, Today, null, null, null)));
        Assert.Equal(["percent"], Fields(new ReportLine(ClaimedProgress.InProgress, 100, null, null, null, null)));
        Assert.Equal(["percent"], Fields(new ReportLine(ClaimedProgress.NotStarted, 20, null, null, null, null)));
    }

    [Fact]
    public void ClaimedProgress_CodesRoundTrip()
    {
        foreach (var claimed in Enum.GetValues<ClaimedProgress>())
        {
            Assert.True(ReportRules.TryParseClaimed(claimed.Code(), out var back));
            Assert.Equal(claimed, back);
        }

        Assert.False(ReportRules.TryParseClaimed("done", out _));
    }
}
