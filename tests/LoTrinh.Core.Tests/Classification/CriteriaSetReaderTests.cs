using LoTrinh.Core.Classification;
using static LoTrinh.Core.Tests.Classification.ClassificationFixtures;

namespace LoTrinh.Core.Tests.Classification;

public sealed class CriteriaSetReaderTests
{
    /// <summary>
    /// A small set an administrator might upload: one scored class with a lower-is-better standard,
    /// a yes/no standard and a one-of standard, and a regional factor that is known.
    /// </summary>
    private const string Small = """
        {
          "schema": "lotrinh-criteria-set/1", "basis": "TEST/2030", "kind": "urban", "title": "Bộ thử",
          "legalBasis": "Thử", "effectiveFrom": "2030-01-01", "version": "1", "flag": "CONFIRMED", "rounding": "2 chữ số",
          "classes": [ { "code": "A", "name": "Loại A", "rank": 1, "method": "points", "passTotal": 6 } ],
          "groups": [ { "code": "G", "name": "Nhóm", "maxPoints": 10, "minPoints": 6 } ],
          "standards": [
            { "code": "LOSS", "group": "G", "name": "Tỷ lệ thất thoát nước", "unit": "%", "kind": "lower", "flag": "CONFIRMED",
              "perClass": { "A": { "min": 30, "max": 10, "minPoints": 2, "maxPoints": 4 } } },
            { "code": "PLAN", "group": "G", "name": "Có quy hoạch chung", "kind": "yesNo", "flag": "CONFIRMED",
              "perClass": { "A": { "min": true, "minPoints": 3, "maxPoints": 3 } } },
            { "code": "TYPE", "group": "G", "name": "Loại đơn vị", "kind": "oneOf", "flag": "CONFIRMED",
              "perClass": { "A": { "min": ["phường", "đặc khu"], "minPoints": 1, "maxPoints": 3 } } }
          ],
          "regionalAdjustments": [
            { "code": "island", "name": "Hải đảo", "factor": 0.5, "appliesTo": ["LOSS"], "legalRef": "Điều thử", "flag": "CONFIRMED" }
          ]
        }
        """;

    private static CriteriaSet Load(string json)
    {
        var (set, errors) = CriteriaSetReader.Read(json);
        Assert.Empty(errors);
        return set!;
    }

    [Fact]
    public void Version_LongerThanALabel_IsRefused()
    {
        var (set, errors) = CriteriaSetReader.Read(Small.Replace("\"version\": \"1\"", $"\"version\": \"{new string('v', 8000)}\"", StringComparison.Ordinal));
        Assert.Null(set);
        Assert.Contains(errors, e => e.StartsWith("version: dài 8000", StringComparison.Ordinal));
    }

    [Fact]
    public void BuiltIn_FiveBasesLoad()
    {
        Assert.Equal(["111/2025", "112/2025", "1210/2016", "1211/2016", "76/2025"], CriteriaSetReader.BuiltIn.Select(s => s.Basis).Order(StringComparer.Ordinal));
        Assert.Equal(Certainty.Secondary, Nq111.Flag);
        Assert.Equal(new DateOnly(2026, 1, 1), Nq111.EffectiveFrom);
        Assert.True(Nq1210.InForceOn(new DateOnly(2025, 6, 30)));
        Assert.False(Nq1210.InForceOn(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void BuiltInText_RoundTrips()
    {
        var (set, errors) = CriteriaSetReader.Read(CriteriaSetReader.BuiltInText("111/2025"));

        Assert.Empty(errors);
        Assert.Equal(Nq111.Standards.Count, set!.Standards.Count);
    }

    [Theory]
    [InlineData(0, 4)] // better than the best level (10 %) → maximum
    [InlineData(10, 4)]
    [InlineData(20, 3)] // half-way: 2 + 2 × (30 − 20)/(30 − 10)
    [InlineData(30, 2)] // at the minimum level
    [InlineData(30.5, 0)] // worse than the minimum level
    public void LowerIsBetter_Interpolates_TheOtherWay(decimal loss, decimal expected)
    {
        var set = Load(Small);
        var points = Classifier.Assess(set, new ClassificationInput("TEST/2030", "A") { Values = new Dictionary<string, StandardValue> { ["LOSS"] = N(loss) } })
            .Standards.Single(r => r.Code == "LOSS").Points;

        Assert.Equal(expected, points);
    }

    [Fact]
    public void YesNo_And_OneOf()
    {
        var set = Load(Small);
        ClassificationResult Assess(bool plan, string type) => Classifier.Assess(set, new ClassificationInput("TEST/2030", "A")
        {
            Values = new Dictionary<string, StandardValue> { ["LOSS"] = N(10), ["PLAN"] = new StandardValue.YesNo(plan), ["TYPE"] = L(type) },
        });

        Assert.Equal((10m, Verdict.Recognised), (Assess(true, "Phường").Total!.Value, Assess(true, "Phường").Verdict));
        Assert.Equal(7m, Assess(false, "đặc khu").Total);
        Assert.Equal(7m, Assess(true, "xã").Total);
    }

    [Fact]
    public void KnownRegionalFactor_EasesTheMinimumOfItsStandards()
    {
        var set = Load(Small);

        // Lower-is-better: the accepted loss rises from 30 % to 30 / 0.5 = 60 %.
        var result = Classifier.Assess(set, new ClassificationInput("TEST/2030", "A")
        {
            Values = new Dictionary<string, StandardValue> { ["LOSS"] = N(60) },
            Regions = new HashSet<string> { "island" },
        });

        Assert.Equal(2m, result.Standards.Single(r => r.Code == "LOSS").Points);
        Assert.Contains(result.Adjustments, a => a.StartsWith("Áp dụng điều chỉnh \"Hải đảo\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{", "JSON hợp lệ")]
    [InlineData("[]", "đối tượng JSON")]
    [InlineData("""{"schema":"x"}""", "schema")]
    public void Malformed_IsRefusedWithAMessage(string json, string expected)
    {
        var (set, errors) = CriteriaSetReader.Read(json);

        Assert.Null(set);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"maxPoints\": 10, \"minPoints\": 6", "\"maxPoints\": 12, \"minPoints\": 6", "điểm tối đa của nhóm là 12")]
    [InlineData("\"group\": \"G\", \"name\": \"Tỷ lệ", "\"group\": \"X\", \"name\": \"Tỷ lệ", "nhóm 'X'")]
    [InlineData("\"kind\": \"lower\"", "\"kind\": \"sideways\"", "'sideways' không phải")]
    [InlineData("\"min\": 30, \"max\": 10", "\"min\": 10, \"max\": 30", "mức tối thiểu phải kém hơn")]
    [InlineData("\"min\": 30, \"max\": 10", "\"min\": \"ba mươi\", \"max\": 10", "không hợp với loại")]
    [InlineData("\"factor\": 0.5", "\"factor\": 1.5", "hệ số phải")]
    [InlineData("\"appliesTo\": [\"LOSS\"]", "\"appliesTo\": [\"GAIN\"]", "'GAIN'")]
    [InlineData("\"effectiveFrom\": \"2030-01-01\"", "\"effectiveFrom\": \"2030-02-30\"", "yyyy-MM-dd")]
    [InlineData("\"passTotal\": 6", "\"passTotal\": null", "cần passTotal")]
    [InlineData("\"perClass\": { \"A\": { \"min\": true", "\"perClass\": { \"B\": { \"min\": true", "lớp 'B'")]
    public void InconsistentSet_IsRefused_NamingThePlace(string find, string replace, string expected)
    {
        Assert.Contains(find, Small, StringComparison.Ordinal);
        var (set, errors) = CriteriaSetReader.Read(Small.Replace(find, replace, StringComparison.Ordinal));

        Assert.Null(set);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
