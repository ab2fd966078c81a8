using LoTrinh.Core.Classification;
using static LoTrinh.Core.Tests.Classification.ClassificationFixtures;

namespace LoTrinh.Core.Tests.Classification;

/// <summary>
/// Reviews as they were reported (issue 21), rebuilt on the scale in force: the figures are not the reports' (their
/// inputs were not published), the shape of the outcome is.
/// </summary>
public sealed class RealCaseTests
{
    /// <summary>
    /// Phú Bình, class IV review of 06/2023: 66 points, infrastructure and landscape below their minimum — the report
    /// gave both reasons. Here: the infrastructure group (III) at zero, the total under 75.
    /// </summary>
    [Fact]
    public void UnderThePassMark_WithAGroupBelowItsMinimum_SaysBothReasons()
    {
        var values = AtMaximum(Nq111, "III");
        foreach (var s in Nq111.StandardsFor("III").Where(s => s.Group == "III"))
        {
            values[s.Code] = JustBelow(s, s.ThresholdFor("III")!.Min!);
        }

        var result = Classifier.Assess(Nq111, Input("III", values));

        Assert.Equal(Verdict.NotRecognised, result.Verdict);
        Assert.True(result.Total < 75m);
        Assert.Contains(result.Reasons, r => r.StartsWith("Tổng điểm", StringComparison.Ordinal) && r.Contains("thấp hơn mức đạt 75", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.StartsWith("Nhóm III", StringComparison.Ordinal) && r.Contains("thấp hơn tối thiểu", StringComparison.Ordinal));
        Assert.Contains(result.GroupGaps, g => g.Code == "III");
    }

    /// <summary>
    /// Trảng Bàng 2024: recognised with 86.76 points while 6 of 63 standards were below their minimum. A recognised
    /// area's gap list still shows the standards under their minimum level.
    /// </summary>
    [Fact]
    public void Recognised_WithSixStandardsBelowTheirMinimum_TheGapListShowsThem()
    {
        var values = AtMaximum(Nq111, "III");
        // Six of the infrastructure group's, the group with room above its minimum (65 points, 48 required).
        var below = Nq111.StandardsFor("III").Where(s => s.Group == "III" && s.ThresholdFor("III")!.MinPoints > 0)
            .OrderBy(s => s.ThresholdFor("III")!.MaxPoints).ThenBy(s => s.Code, StringComparer.Ordinal).Take(6).ToList();
        foreach (var s in below)
        {
            values[s.Code] = JustBelow(s, s.ThresholdFor("III")!.Min!);
        }

        var result = Classifier.Assess(Nq111, Input("III", values));

        Assert.Equal(Verdict.Recognised, result.Verdict);
        Assert.True(result.Total >= 75m);
        Assert.Equal(6, result.Standards.Count(r => r.Met == false));
        Assert.All(below, s => Assert.Equal(s.ThresholdFor("III")!.Min, result.Gaps.Single(g => g.Code == s.Code).NeededForMin));
    }
}
