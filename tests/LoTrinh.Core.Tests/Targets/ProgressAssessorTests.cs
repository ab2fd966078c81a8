using LoTrinh.Core.Targets;

namespace LoTrinh.Core.Tests.Targets;

public sealed class ProgressAssessorTests
{
    private static readonly TargetSpec Above54 = TargetSpec.Create(Comparator.Gt, 54, null, null);
    private static readonly DateOnly End2025 = new(2025, 12, 31);

    [Fact]
    public void Assess_LamDongUrbanisation_IsLimitedProgress()
    {
        // 40.1 % (2021) → 42.7 % (Q1 2024): observed CAGR (42.7/40.1)^(1/2.25) − 1 ≈ 2.84 %/year;
        // required (54/40.1)^(1/4) − 1 ≈ 7.72 %/year; ratio ≈ 0.37 → limited progress, off track.
        var result = ProgressAssessor.Assess(Above54, Direction.Increase, End2025,
            [new(new DateOnly(2021, 12, 31), 40.1m), new(new DateOnly(2024, 3, 31), 42.7m)]);

        Assert.Equal(ProgressCategory.LimitedProgress, result.Category);
        Assert.True(result.IsOffTrack);
        Assert.Equal("off_track", result.StatusCode);
        Assert.Equal(0.0284, result.ObservedGrowth!.Value, 3);
        Assert.Equal(0.0772, result.RequiredGrowth!.Value, 3);
        Assert.Equal(0.37, result.Ratio!.Value, 2);
        Assert.Equal("cần tăng 7,7 %/năm, thực tế tăng 2,8 %/năm", result.Explanation);
    }

    private static readonly Observation[] LamDong = [new(new DateOnly(2021, 12, 31), 40.1m), new(new DateOnly(2024, 3, 31), 42.7m)];

    [Fact]
    public void Assess_AYearThatIsOver_WithItsValueShort_IsNotAchieved_NotOffTrack()
    {
        var result = ProgressAssessor.Assess(Above54, Direction.Increase, End2025, [.. LamDong, new(End2025, 48.5m)], asOf: new DateOnly(2026, 11, 28));

        Assert.Equal(ProgressCategory.NotAchieved, result.Category);
        Assert.Equal("not_achieved", result.StatusCode);
        Assert.Equal("Không đạt", result.StatusVietnamese);
        Assert.Equal(48.5m, result.Latest!.Value);
        Assert.Null(result.Explanation);
    }

    [Fact]
    public void Assess_AYearThatIsOver_WithItsValueMeetingIt_IsAchieved() =>
        Assert.Equal(ProgressCategory.Achieved,
            ProgressAssessor.Assess(Above54, Direction.Increase, End2025, [.. LamDong, new(new DateOnly(2025, 6, 30), 55m)], asOf: new DateOnly(2026, 1, 5)).Category);

    [Fact]
    public void Assess_AYearThatIsOver_WithNoValueOfThatYear_HasNoData_EvenWithLaterOnes()
    {
        var result = ProgressAssessor.Assess(Above54, Direction.Increase, End2025, [.. LamDong, new(new DateOnly(2026, 6, 30), 60m)], asOf: new DateOnly(2026, 11, 28));
        Assert.Equal(ProgressCategory.InsufficientData, result.Category);
        Assert.Equal("no_data_for_year", result.StatusCode);
        Assert.Null(result.Latest);
    }

    [Fact]
    public void Assess_BeforeTheYearIsOver_ProjectsAsBefore() =>
        Assert.Equal(ProgressCategory.LimitedProgress, ProgressAssessor.Assess(Above54, Direction.Increase, End2025, LamDong, asOf: new DateOnly(2025, 12, 31)).Category);

    [Fact]
    public void Assess_OneValueThatFallsShort_SaysSoBesideTheFigure_NotThatThereIsNoData()
    {
        var result = ProgressAssessor.Assess(Above54, Direction.Increase, End2025, [new(new DateOnly(2024, 3, 31), 42.7m)]);
        Assert.Equal("no_trend", result.StatusCode);
        Assert.DoesNotContain("không đủ số liệu", result.StatusVietnamese, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no_data", ProgressAssessor.Assess(Above54, Direction.Increase, End2025, []).StatusCode);
    }

    [Theory]
    // Baseline 40 at the end of 2021, target 54 at the end of 2025 (4 years), latest after 2 years.
    // Required CAGR = (54/40)^(1/4) − 1 = 7.79 %; on-track latest = 40 × 1.0779² ≈ 46.48.
    [InlineData(47.0, ProgressCategory.OnTrack)]
    [InlineData(46.2, ProgressCategory.OnTrack)]
    [InlineData(45.0, ProgressCategory.NeedsAcceleration)]
    [InlineData(41.0, ProgressCategory.LimitedProgress)]
    [InlineData(40.0, ProgressCategory.LimitedProgress)]
    [InlineData(39.0, ProgressCategory.Deteriorating)]
    [InlineData(55.0, ProgressCategory.Achieved)]
    public void Assess_Increase_FollowsOpenSdgThresholds(double latest, ProgressCategory expected)
    {
        var result = ProgressAssessor.Assess(Above54, Direction.Increase, End2025,
            [new(new DateOnly(2021, 12, 31), 40m), new(new DateOnly(2023, 12, 31), (decimal)latest)]);

        Assert.Equal(expected, result.Category);
    }

    [Theory]
    // 10 (2022) → at most 6 by 2026 needs (0.6)^(1/4) − 1 = −12.0 %/year.
    [InlineData(7.7, ProgressCategory.OnTrack)] // (0.77)^(1/2) − 1 = −12.3 %: ratio 1.02
    [InlineData(8.0, ProgressCategory.NeedsAcceleration)] // −10.6 %: ratio 0.88
    [InlineData(11.0, ProgressCategory.Deteriorating)]
    [InlineData(5.0, ProgressCategory.Achieved)]
    public void Assess_Decrease_MeasuresGrowthDownward(double latest, ProgressCategory expected)
    {
        var atMost6 = TargetSpec.Create(Comparator.Lte, 6, null, null);

        var result = ProgressAssessor.Assess(atMost6, Direction.Unspecified, new DateOnly(2026, 12, 31),
            [new(new DateOnly(2022, 12, 31), 10m), new(new DateOnly(2024, 12, 31), (decimal)latest)]);

        Assert.Equal(expected, result.Category);
    }

    [Fact]
    public void Assess_NoValues_IsInsufficientData() =>
        Assert.Equal(ProgressCategory.InsufficientData, ProgressAssessor.Assess(Above54, Direction.Increase, End2025, []).Category);

    [Fact]
    public void Assess_RangeTarget_AimsAtTheNearBound()
    {
        var greenSpace = TargetSpec.Create(Comparator.Range, null, 8, 10);

        var result = ProgressAssessor.Assess(greenSpace, Direction.Increase, End2025,
            [new(new DateOnly(2021, 12, 31), 4m), new(new DateOnly(2023, 12, 31), 5.6m)]);

        // Required (8/4)^(1/4) − 1 = 18.9 %; observed (5.6/4)^(1/2) − 1 = 18.3 %; ratio 0.97.
        Assert.Equal(ProgressCategory.OnTrack, result.Category);
    }

    [Fact]
    public void Assess_ZeroBaseline_IsReplacedAsOpenSdgDoes()
    {
        var full = TargetSpec.Create(Comparator.Eq, 100, null, null);

        var result = ProgressAssessor.Assess(full, Direction.Increase, End2025,
            [new(new DateOnly(2021, 12, 31), 0m), new(new DateOnly(2023, 12, 31), 50m)]);

        Assert.Equal(ProgressCategory.OnTrack, result.Category);
    }
}
