using LoTrinh.Core.Classification;
using static LoTrinh.Core.Tests.Classification.ClassificationFixtures;

namespace LoTrinh.Core.Tests.Classification;

public sealed class ClassifierTests
{
    public static TheoryData<string, string> ScoredStandards()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in new[] { "II", "III" })
        {
            foreach (var s in Nq111.StandardsFor(c))
            {
                data.Add(c, s.Code);
            }
        }

        return data;
    }

    [Fact]
    public void Nq111_Bang2A_HasTwentyThreeStandardsWorthHundredPointsAndSeventyFiveAtMinimum()
    {
        foreach (var c in new[] { "II", "III" })
        {
            var rows = Nq111.StandardsFor(c).Select(s => s.ThresholdFor(c)!).ToList();
            Assert.Equal(23, rows.Count);
            Assert.Equal(100m, rows.Sum(t => t.MaxPoints));
            Assert.Equal(75m, rows.Sum(t => t.MinPoints));
        }
    }

    [Fact]
    public void EveryStandardAtClassIIIMinimum_TotalsSeventyFive_Recognised()
    {
        var result = Classifier.Assess(Nq111, Input("III", AtMinimum(Nq111, "III")));

        Assert.Equal(75.00m, result.Total);
        Assert.Equal(Verdict.Recognised, result.Verdict);
        Assert.True(result.Recognised);
        Assert.Equal([11.5m, 15.5m, 48m], result.Groups.Select(g => g.Points!.Value));
        Assert.Empty(result.GroupGaps);
    }

    [Theory]
    [MemberData(nameof(ScoredStandards))]
    public void OneStandardJustBelowMinimum_NotRecognised_AndNamed(string urbanClass, string code)
    {
        var s = Nq111.FindStandard(code)!;
        var values = AtMinimum(Nq111, urbanClass);
        values[code] = JustBelow(s, s.ThresholdFor(urbanClass)!.Min!);

        var result = Classifier.Assess(Nq111, Input(urbanClass, values));

        Assert.Equal(Verdict.NotRecognised, result.Verdict);
        Assert.Equal(75m - s.ThresholdFor(urbanClass)!.MinPoints, result.Total);
        Assert.Equal(0m, result.Standards.Single(r => r.Code == code).Points);
        Assert.Contains(result.Reasons, r => r.StartsWith(code + " ", StringComparison.Ordinal));
        Assert.Contains(result.GroupGaps, g => g.Code == s.Group);
        Assert.Equal(s.ThresholdFor(urbanClass)!.Min, result.Gaps.Single(g => g.Code == code).NeededForMin);
    }

    [Theory]
    [MemberData(nameof(ScoredStandards))]
    public void EachStandard_AtMinimum_Between_AtMaximum_Above(string urbanClass, string code)
    {
        var s = Nq111.FindStandard(code)!;
        var t = s.ThresholdFor(urbanClass)!;
        decimal PointsWith(StandardValue value)
        {
            var values = AtMinimum(Nq111, urbanClass);
            values[code] = value;
            return Classifier.Assess(Nq111, Input(urbanClass, values)).Standards.Single(r => r.Code == code).Points!.Value;
        }

        Assert.Equal(t.MinPoints, PointsWith(t.Min!));
        Assert.Equal(t.MaxPoints, PointsWith(t.Max!));
        if (t.Min is StandardValue.Number min && t.Max is StandardValue.Number max)
        {
            // Between the levels the points are linear in the value (rounded to 2 places); counts
            // take the whole number below the middle.
            var middle = s.Kind == StandardKind.Count ? decimal.Floor((min.Value + max.Value) / 2) : (min.Value + max.Value) / 2;
            var expected = t.MinPoints!.Value + ((t.MaxPoints!.Value - t.MinPoints.Value) * (middle - min.Value) / (max.Value - min.Value));
            Assert.Equal(decimal.Round(expected, 2, MidpointRounding.AwayFromZero), PointsWith(N(middle)));
            Assert.InRange(PointsWith(N(middle)), t.MinPoints.Value, t.MaxPoints.Value);
            Assert.Equal(t.MaxPoints, PointsWith(N((max.Value * 2) + 1)));
        }
        else
        {
            // Ordinal scales do not interpolate; the top of the scale earns the maximum.
            Assert.Equal(t.MaxPoints, PointsWith(L(s.Levels[^1].Label)));
        }
    }

    [Fact]
    public void Interpolation_IsLinearAndRoundedToTwoPlaces()
    {
        var values = AtMinimum(Nq111, "III");

        // 2A.II.03 class III: 20,000 → 5.5 points, 200,000 → 7 points.
        // 110,000: 5.5 + 1.5 × 90,000 / 180,000 = 6.25.
        values["2A.II.03"] = N(110_000);

        // 2A.III.15 class III: 1 → 3.75, 10 → 5. 4 facilities: 3.75 + 1.25 × 3/9 = 4.1666… → 4.17.
        values["2A.III.15"] = N(4);

        // 2A.III.16 class III: 2 → 3.75, 10 → 5. 6 works: 3.75 + 1.25 × 4/8 = 4.375 → 4.38 (half away from zero).
        values["2A.III.16"] = N(6);
        var result = Classifier.Assess(Nq111, Input("III", values));

        Assert.Equal(6.25m, Points(result, "2A.II.03"));
        Assert.Equal(4.17m, Points(result, "2A.III.15"));
        Assert.Equal(4.38m, Points(result, "2A.III.16"));
        Assert.Contains("Nội suy", result.Standards.Single(r => r.Code == "2A.III.15").Computation, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinalLevel_ReadFromAliasOrCount()
    {
        var values = AtMinimum(Nq111, "III");
        values["2A.III.13"] = N(3); // three funeral homes read as the top level "Từ 2 cơ sở"
        values["2A.III.23"] = L("implemented ≥ 3 years"); // the spelling of urban-classification.json

        var result = Classifier.Assess(Nq111, Input("III", values));

        Assert.Equal(3m, Points(result, "2A.III.13"));
        Assert.Equal(5m, Points(result, "2A.III.23"));
    }

    [Fact]
    public void GroupMinimum_RefusesATotalAboveSeventyFive()
    {
        // Everything at maximum (100) except group II, whose three standards sit just below their
        // minimum: total 100 − 20 = 80 ≥ 75, but group II has 0 < 15.5.
        var values = AtMaximum(Nq111, "III");
        foreach (var s in Nq111.StandardsFor("III").Where(s => s.Group == "II"))
        {
            values[s.Code] = JustBelow(s, s.ThresholdFor("III")!.Min!);
        }

        var result = Classifier.Assess(Nq111, Input("III", values));

        Assert.Equal(80m, result.Total);
        Assert.Equal(Verdict.NotRecognised, result.Verdict);
        var gap = Assert.Single(result.GroupGaps);
        Assert.Equal(("II", 15.5m), (gap.Code, gap.Shortfall));
    }

    [Fact]
    public void NotConsidered_EarnsMinimumPoints_EvenWithoutAValue()
    {
        var values = AtMinimum(Nq111, "III");
        values.Remove("2A.II.04");

        var result = Classifier.Assess(Nq111, Input("III", values) with { NotConsidered = new HashSet<string> { "2A.II.04" } });

        var row = result.Standards.Single(r => r.Code == "2A.II.04");
        Assert.Equal((StandardOutcome.NotConsidered, 4.5m), (row.Outcome, row.Points));
        Assert.Equal(75m, result.Total);
        Assert.DoesNotContain(result.Gaps, g => g.Code == "2A.II.04");
    }

    [Fact]
    public void MissingValue_EarnsZero_IsListed_AndGapGivesBothLevels()
    {
        var values = AtMinimum(Nq111, "III");
        values.Remove("2A.III.08");

        var result = Classifier.Assess(Nq111, Input("III", values));

        Assert.Equal(["2A.III.08"], result.MissingValues);
        Assert.Equal(73m, result.Total);
        var gap = result.Gaps.Single(g => g.Code == "2A.III.08");
        Assert.Equal((N(85), N(95), 3m), (gap.NeededForMin, gap.NeededForMax, gap.CouldAdd));
    }

    [Fact]
    public void Gaps_AreSortedByPointsTheyCouldAdd()
    {
        var result = Classifier.Assess(Nq111, Input("III", AtMinimum(Nq111, "III")));

        Assert.Equal(23, result.Gaps.Count);
        Assert.True(result.Gaps.Zip(result.Gaps.Skip(1)).All(p => p.First.CouldAdd >= p.Second.CouldAdd));
        Assert.Equal(2m, result.Gaps[0].CouldAdd); // 2A.I.02 role, 6 → 8
        Assert.Null(result.Gaps[0].NeededForMin); // already at the minimum
    }

    [Fact]
    public void Heritage_DensityNotConsidered_MinimumHalved_CountsRoundedNeverBelowOne()
    {
        var result = Classifier.Assess(Nq111, Input("III", HeritageExample()) with { Heritage = true });

        Assert.Equal(StandardOutcome.NotConsidered, result.Standards.Single(r => r.Code == "2A.II.04").Outcome);
        Assert.Equal(N(10_000), result.Standards.Single(r => r.Code == "2A.II.03").MinLevel);
        Assert.Equal(N(1), result.Standards.Single(r => r.Code == "2A.III.15").MinLevel); // 1 × 0.5 rounds to 1, never below 1
        Assert.Equal(N(1), result.Standards.Single(r => r.Code == "2A.III.16").MinLevel); // 2 × 0.5
        Assert.Equal(N(2.5m), result.Standards.Single(r => r.Code == "2A.III.22").MinLevel); // landscape keeps its level
        Assert.Equal(L("Cấp xã"), result.Standards.Single(r => r.Code == "2A.I.01").MinLevel); // levels are not halved
        Assert.Contains(result.Adjustments, a => a.StartsWith("Áp dụng quy tắc đô thị di sản", StringComparison.Ordinal));
    }

    /// <summary>
    /// Class III values at the heritage minimum (half the table minimum; counts rounded, not below 1;
    /// levels and landscape unchanged), population 12,000 and no density figure.
    /// </summary>
    private static Dictionary<string, StandardValue> HeritageExample() => new()
    {
        ["2A.I.01"] = L("Cấp xã"),
        ["2A.I.02"] = L("Cấp xã"),
        ["2A.II.03"] = N(12_000),
        ["2A.II.05"] = N(27.5m),
        ["2A.III.06"] = L("Cấp xã"),
        ["2A.III.07"] = N(2),
        ["2A.III.08"] = N(42.5m),
        ["2A.III.09"] = N(1.5m),
        ["2A.III.10"] = N(25),
        ["2A.III.11"] = N(35),
        ["2A.III.12"] = N(25),
        ["2A.III.13"] = L("Có dự án được phê duyệt"),
        ["2A.III.14"] = N(15),
        ["2A.III.15"] = N(1),
        ["2A.III.16"] = N(1),
        ["2A.III.17"] = N(1),
        ["2A.III.18"] = N(1),
        ["2A.III.19"] = N(0.75m),
        ["2A.III.20"] = N(1),
        ["2A.III.21"] = N(25),
        ["2A.III.22"] = N(2.5m),
        ["2A.III.23"] = L("Áp dụng từ 1 đến dưới 3 năm"),
    };

    [Fact]
    public void RegionalAdjustment_WithUnknownFactor_IsReportedNotApplied()
    {
        var input = Input("III", AtMinimum(Nq111, "III")) with { Regions = new HashSet<string> { "mountainous", "tayNguyen" } };

        var result = Classifier.Assess(Nq111, input);

        Assert.Equal(2, result.Adjustments.Count(a => a.StartsWith("Chưa áp dụng điều chỉnh", StringComparison.Ordinal)));
        Assert.Equal(N(20_000), result.Standards.Single(r => r.Code == "2A.II.03").MinLevel);
    }

    [Theory]
    [InlineData("IV", "III")]
    [InlineData("V", "III")]
    [InlineData("thi_xa", "III")]
    [InlineData("thi_tran", "III")]
    [InlineData("III", "II")]
    [InlineData("II", "II")]
    [InlineData("I", "II")]
    [InlineData("I_central", "I")]
    [InlineData("special", "special")]
    public void Transition_Article15(string former, string expected)
    {
        Assert.Equal(expected, Nq111.Transitions!.Map(former)!.To);
    }

    [Fact]
    public void Transition_UnknownFormerClass_HasNoRule()
    {
        Assert.Null(Nq111.Transitions!.Map("VI"));
    }

    /// <summary>
    /// Worked example 1, class III, computed by hand (each line: rule → points):
    /// I.01 Cấp tỉnh = max → 7; I.02 Cấp xã = min → 6. Group I = 13 (≥ 11.5).
    /// II.03 110,000: 5.5 + 1.5×90,000/180,000 = 6.25; II.04 750: 4.5 + 1.5×250/500 = 5.25;
    /// II.05 60: 5.5 + 1.5×5/10 = 6.25. Group II = 17.75 (≥ 15.5).
    /// III.06 Cấp xã → 3; III.07 5: 4 + 1×1/2 = 4.5; III.08 90: 2 + 5/10 = 2.5; III.09 3.2: 2 + 0.2/0.5 = 2.4;
    /// III.10 40 &lt; 50 → 0; III.11 80 = max → 3; III.12 55: 2 + 5/20 = 2.25; III.13 has a project = min → 2.5;
    /// III.14 32: 3.75 + 1.25×2/5 = 4.25; III.15 4: 3.75 + 1.25×3/9 = 4.1667 → 4.17;
    /// III.16 6: 3.75 + 1.25×4/8 = 4.375 → 4.38; III.17 2 = min → 3; III.18 7 ≥ 5 → 3; III.19 1.8: 2 + 0.3/0.5 = 2.6;
    /// III.20 1 = min → 3; III.21 30: 2 + 5/10 = 2.5; III.22 5: 2.5 + 0.5×2.5/4.5 = 2.7778 → 2.78;
    /// III.23 1–3 years = min → 4. Group III = 53.83 (≥ 48). Total 13 + 17.75 + 53.83 = 84.58 → recognised.
    /// </summary>
    [Fact]
    public void WorkedExample1_ClassIII_Recognised_84_58()
    {
        var values = new Dictionary<string, StandardValue>
        {
            ["2A.I.01"] = L("Cấp tỉnh"),
            ["2A.I.02"] = L("Cấp xã"),
            ["2A.II.03"] = N(110_000),
            ["2A.II.04"] = N(750),
            ["2A.II.05"] = N(60),
            ["2A.III.06"] = L("Cấp xã"),
            ["2A.III.07"] = N(5),
            ["2A.III.08"] = N(90),
            ["2A.III.09"] = N(3.2m),
            ["2A.III.10"] = N(40),
            ["2A.III.11"] = N(80),
            ["2A.III.12"] = N(55),
            ["2A.III.13"] = L("Có dự án được phê duyệt"),
            ["2A.III.14"] = N(32),
            ["2A.III.15"] = N(4),
            ["2A.III.16"] = N(6),
            ["2A.III.17"] = N(2),
            ["2A.III.18"] = N(7),
            ["2A.III.19"] = N(1.8m),
            ["2A.III.20"] = N(1),
            ["2A.III.21"] = N(30),
            ["2A.III.22"] = N(5),
            ["2A.III.23"] = L("Áp dụng từ 1 đến dưới 3 năm"),
        };

        var result = Classifier.Assess(Nq111, Input("III", values));

        Assert.Equal([13m, 17.75m, 53.83m], result.Groups.Select(g => g.Points!.Value));
        Assert.Equal(84.58m, result.Total);
        Assert.Equal(Verdict.Recognised, result.Verdict);
        Assert.Equal(("2A.I.02", 2m), (result.Gaps[0].Code, result.Gaps[0].CouldAdd!.Value)); // Cấp xã → Cấp tỉnh
        var wastewater = result.Gaps.Single(g => g.Code == "2A.III.10");
        Assert.Equal((1m, N(50), N(70)), (wastewater.CouldAdd!.Value, wastewater.NeededForMin, wastewater.NeededForMax));
    }

    /// <summary>
    /// Worked example 2, class II, every standard at its class II minimum except population
    /// 150,000 &lt; 200,000 → 0. Group II = 0 + 4.5 + 5.5 = 10 &lt; 15.5; total 75 − 5.5 = 69.5 → not
    /// recognised on both counts; the largest gain is population (7 points, needs 200,000 / 500,000).
    /// </summary>
    [Fact]
    public void WorkedExample2_ClassII_PopulationShort_NotRecognised_69_5()
    {
        var values = AtMinimum(Nq111, "II");
        values["2A.II.03"] = N(150_000);

        var result = Classifier.Assess(Nq111, Input("II", values));

        Assert.Equal(69.5m, result.Total);
        Assert.Equal(10m, result.Groups.Single(g => g.Code == "II").Points);
        Assert.Equal(Verdict.NotRecognised, result.Verdict);
        Assert.Equal(("2A.II.03", 7m, N(200_000), N(500_000)), (result.Gaps[0].Code, result.Gaps[0].CouldAdd!.Value, result.Gaps[0].NeededForMin, result.Gaps[0].NeededForMax));
        Assert.Equal(5.5m, result.GroupGaps.Single().Shortfall);
    }

    /// <summary>
    /// Worked example 3, heritage, class III, values of <see cref="HeritageExample"/>:
    /// group I: Cấp xã, Cấp xã → 5.5 + 6 = 11.5 (levels are not halved).
    /// group II: population 12,000 against the heritage minimum 10,000 (max 200,000):
    /// 5.5 + 1.5 × 2,000/190,000 = 5.5158 → 5.52; density not considered → 4.5; labour 27.5 = ½ × 55 → 5.5;
    /// group II = 15.52. Group III: every standard at its heritage minimum → its minimum points, 48.
    /// Total 11.5 + 15.52 + 48 = 75.02 → recognised. The same values without the heritage rule fall
    /// below the table minima (population 12,000 &lt; 20,000 → 0, …): not recognised.
    /// </summary>
    [Fact]
    public void WorkedExample3_Heritage_ClassIII_75_02()
    {
        var heritage = Classifier.Assess(Nq111, Input("III", HeritageExample()) with { Heritage = true });
        var plain = Classifier.Assess(Nq111, Input("III", HeritageExample()));

        Assert.Equal([11.5m, 15.52m, 48m], heritage.Groups.Select(g => g.Points!.Value));
        Assert.Equal((75.02m, Verdict.Recognised), (heritage.Total!.Value, heritage.Verdict));
        Assert.Equal(Verdict.NotRecognised, plain.Verdict);
        Assert.Equal(0m, plain.Standards.Single(r => r.Code == "2A.II.03").Points);
    }

    [Fact]
    public void ClassI_TwelveOfFifteen_TenUnderHeritageWithGroupMinimums()
    {
        var values = Nq111.StandardsFor("I").ToDictionary(s => s.Code, s => s.ThresholdFor("I")!.Min!);

        Assert.Equal(Verdict.Recognised, Classifier.Assess(Nq111, Input("I", values)).Verdict);

        // Fail three of group 1.I (6 standards): 12/15 still passes normally…
        foreach (var code in new[] { "1.I.01", "1.I.03", "1.I.04" })
        {
            values[code] = new StandardValue.YesNo(false);
        }

        Assert.Equal(12, Classifier.Assess(Nq111, Input("I", values)).MetCount);
        Assert.Equal(Verdict.Recognised, Classifier.Assess(Nq111, Input("I", values)).Verdict);

        // …and a fourth failure in the same group: 11/15 fails normally; under heritage 11 ≥ 10,
        // but group 1.I has 2 of 6 met, below its heritage minimum of 4.
        values["1.I.02"] = N(1);
        Assert.Equal(Verdict.NotRecognised, Classifier.Assess(Nq111, Input("I", values)).Verdict);
        var heritage = Classifier.Assess(Nq111, Input("I", values) with { Heritage = true });
        Assert.Equal((11, 10, Verdict.NotRecognised), (heritage.MetCount!.Value, heritage.RequiredCount!.Value, heritage.Verdict));
        Assert.Contains(heritage.Reasons, r => r.Contains("1.I", StringComparison.Ordinal) && r.Contains("di sản", StringComparison.Ordinal));

        // Rank is lower-is-better: 10th passes, 11th fails.
        values = Nq111.StandardsFor("I").ToDictionary(s => s.Code, s => s.ThresholdFor("I")!.Min!);
        values["1.I.05"] = N(11);
        Assert.False(Classifier.Assess(Nq111, Input("I", values)).Standards.Single(r => r.Code == "1.I.05").Met);
    }

    [Fact]
    public void Basis1210_IsAThresholdCheck_NeverAScore()
    {
        var values = new Dictionary<string, StandardValue>
        {
            ["1210.G2.POP_TOTAL"] = N(60_000),
            ["1210.G2.POP_INNER"] = N(19_000), // below 20,000
            ["1210.G3.DENS_TOTAL"] = N(1_286),
            ["1210.G3.DENS_INNER_BUILT"] = N(6_500),
            ["1210.G4.NONAG_TOTAL"] = N(56),
            ["1210.G4.NONAG_INNER"] = N(72),
        };

        var result = Classifier.Assess(Nq1210, Input("IV", values, "1210/2016"));

        Assert.Null(result.Total);
        Assert.Equal(ClassMethod.Thresholds, result.Method);
        Assert.Equal(Verdict.ThresholdsNotMet, result.Verdict);
        Assert.False(result.Recognised);
        Assert.Equal("1210.G2.POP_INNER", Assert.Single(result.Gaps).Code);
        Assert.StartsWith("Chỉ kiểm tra ngưỡng tối thiểu", result.Reasons[0], StringComparison.Ordinal);

        values["1210.G2.POP_INNER"] = N(20_000);
        var met = Classifier.Assess(Nq1210, Input("IV", values, "1210/2016"));
        Assert.Equal(Verdict.ThresholdsMet, met.Verdict);
        Assert.Null(met.Recognised); // a partial check never claims recognition
    }

    [Fact]
    public void Basis1210_ClassII_ThresholdsUnknown_AreNotChecked()
    {
        var result = Classifier.Assess(Nq1210, Input("II", new Dictionary<string, StandardValue>(), "1210/2016"));

        Assert.All(result.Standards, r => Assert.Equal(StandardOutcome.NotChecked, r.Outcome));
        Assert.Equal(Verdict.ThresholdsMet, result.Verdict);
        Assert.Equal(0, result.RequiredCount);
    }

    [Fact]
    public void AdministrativeUnit_Xa_ByCase()
    {
        var set = CriteriaSetReader.BuiltIn.Single(s => s.Basis == "112/2025");
        var values = new Dictionary<string, StandardValue> { ["112.XA.POP"] = N(9_000), ["112.XA.AREA"] = N(120) };

        Assert.Equal(Verdict.ThresholdsMet, Classifier.Assess(set, Input("xa_mien_nui", values, "112/2025")).Verdict);
        Assert.Equal(Verdict.ThresholdsNotMet, Classifier.Assess(set, Input("xa_khac", values, "112/2025")).Verdict);
    }

    [Fact]
    public void HighestRecognised_TriesClassesFromTheTop()
    {
        var (highest, results) = Classifier.HighestRecognised(Nq111, new ClassificationInput("111/2025", "III") { Values = AtMinimum(Nq111, "III") });

        Assert.Equal("III", highest!.Code);
        Assert.Equal(["I", "II", "III"], results.Select(r => r.Class));
    }

    [Theory]
    [InlineData("IV", "không có lớp 'IV'")]
    [InlineData("special", "chưa có trong dữ liệu")]
    public void Check_ClassTheBasisCannotAssess(string urbanClass, string expected)
    {
        var errors = Classifier.Check(Nq111, Input(urbanClass, new Dictionary<string, StandardValue>()));

        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnknownCode_WrongKind_UnknownLevel_FractionalCount_UnknownRegion()
    {
        var input = Input("III", new Dictionary<string, StandardValue>
        {
            ["2A.IX.99"] = N(1),
            ["2A.II.03"] = L("nhiều"),
            ["2A.I.01"] = L("Cấp huyện"),
            ["2A.III.15"] = N(2.5m),
        }) with
        { Regions = new HashSet<string> { "atlantis" } };

        var errors = Classifier.Check(Nq111, input);

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Field == "values" && e.Message.Contains("2A.IX.99", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "values.2A.II.03" && e.Message.StartsWith("2A.II.03: cần một số", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("2A.I.01: mức 'Cấp huyện'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("2A.III.15: phải là số nguyên", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => Classifier.Assess(Nq111, input));
    }

    [Fact]
    public void Provenance_CarriesTheSetFlagAndEveryStandard()
    {
        var result = Classifier.Assess(Nq111, Input("III", AtMinimum(Nq111, "III")));

        Assert.Equal(Certainty.Secondary, result.Provenance.Flag);
        Assert.Contains("nguồn thứ cấp", result.Provenance.Notice, StringComparison.Ordinal);
        Assert.Equal(23, result.Provenance.Rows.Count);
        Assert.All(result.Provenance.Rows, r => Assert.NotEmpty(r.Sources));
    }

    private static decimal Points(ClassificationResult result, string code) => result.Standards.Single(r => r.Code == code).Points!.Value;
}
