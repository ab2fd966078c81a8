using LoTrinh.Core.Classification;

namespace LoTrinh.Core.Tests.Classification;

public sealed class UrbanRegisterTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static ClassRecord R(string urbanClass, string heldFrom, string basis = "1210/2016", string? recognisedOn = null) =>
        new(urbanClass, basis, DateOnly.Parse(heldFrom, System.Globalization.CultureInfo.InvariantCulture),
            recognisedOn is null ? null : DateOnly.Parse(recognisedOn, System.Globalization.CultureInfo.InvariantCulture));

    private static RegisteredArea A(long id, string name, params ClassRecord[] classes) => new(id, name, null, classes);

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2019-12-31", null)]
    [InlineData("2020-01-01", "V")]
    [InlineData("2024-06-29", "V")]
    [InlineData("2024-06-30", "IV")]
    [InlineData("2030-01-01", "IV")]
    public void ClassOn_TakesTheLatestStartOnOrBeforeTheDay(string day, string? expected)
    {
        ClassRecord[] history = [R("IV", "2024-06-30"), R("V", "2020-01-01")];
        Assert.Equal(expected, UrbanRegister.ClassOn(history, D(day))?.Class);
    }

    [Fact]
    public void ClassOn_TwoRecordsOnOneDay_TheOneRecordedLastHolds()
    {
        ClassRecord[] history = [R("V", "2024-01-01"), R("IV", "2024-01-01")];
        Assert.Equal("IV", UrbanRegister.ClassOn(history, D("2024-01-01"))!.Class);
    }

    [Fact]
    public void Count_ByClassUnderTheBasis_AreasOfAnotherBasisListedApart()
    {
        RegisteredArea[] areas =
        [
            A(1, "Đà Lạt", R("I", "2009-03-23")),
            A(2, "Di Linh", R("V", "2024-04-02")),
            A(3, "Nam Ban", R("V", "2024-04-02")),
            A(4, "Liên Nghĩa", R("IV", "2024-04-02")),
            A(5, "Đô thị mới", R("III", "2026-03-01", basis: "111/2025")),
        ];

        var classV = UrbanRegister.Count(areas, D("2026-06-30"), "V", "1210/2016");
        Assert.Equal(["Di Linh", "Nam Ban"], classV.Counted.Select(c => c.Area.Name));
        Assert.Equal(["Đô thị mới"], classV.OtherBasis.Select(c => c.Area.Name));
        Assert.Equal(5, UrbanRegister.Count(areas, D("2026-06-30"), null, "1210/2016").Count);
        Assert.Equal(4, UrbanRegister.Count(areas, D("2025-12-31"), null, "1210/2016").Count);
        Assert.Equal(1, UrbanRegister.Count(areas, D("2024-04-01"), null, "1210/2016").Count);
    }

    [Theory]
    [InlineData("2025-12-31", 1)]
    [InlineData("2026-01-01", 0)]
    public void Count_ARetiredAreaCountsUntilTheDayBefore(string day, int expected)
    {
        RegisteredArea[] areas = [new(1, "Đạ M'ri", D("2026-01-01"), [R("V", "2024-04-02")])];
        Assert.Equal(expected, UrbanRegister.Count(areas, D(day), "V", "1210/2016").Count);
    }

    [Fact]
    public void Count_AClassChangedInTheRegister_MovesTheAreaBetweenCounts()
    {
        var before = A(4, "Liên Nghĩa", R("IV", "2024-04-02"));
        var after = before with { Classes = [.. before.Classes, R("III", "2025-05-01", recognisedOn: "2025-05-01")] };
        Assert.Equal(1, UrbanRegister.Count([before], D("2025-12-31"), "IV", "1210/2016").Count);
        Assert.Equal(0, UrbanRegister.Count([after], D("2025-12-31"), "IV", "1210/2016").Count);
        Assert.Equal(1, UrbanRegister.Count([after], D("2025-12-31"), "III", "1210/2016").Count);
        Assert.Equal(1, UrbanRegister.Count([after], D("2025-04-30"), "IV", "1210/2016").Count);
    }

    [Fact]
    public void Series_AFigureAtEachChange_EachYearEnd_AndTheCutOff()
    {
        RegisteredArea[] areas = [A(1, "a", R("V", "2022-01-01")), A(2, "b", R("V", "2022-01-01")), A(3, "c", R("V", "2023-05-01"), R("IV", "2024-01-01"))];
        var series = UrbanRegister.Series(areas, D("2025-03-31"), "V", "1210/2016");
        Assert.Equal(
            [(D("2022-01-01"), 2), (D("2022-12-31"), 2), (D("2023-05-01"), 3), (D("2023-12-31"), 3), (D("2024-01-01"), 2), (D("2024-12-31"), 2), (D("2025-03-31"), 2)],
            series);
        Assert.Empty(UrbanRegister.Series(areas, D("2021-12-31"), "V", "1210/2016"));
    }

    [Fact]
    public void Candidates_LatestAssessmentReachingTheClass_NotAlreadyCounted()
    {
        RegisteredArea[] areas = [A(1, "a", R("IV", "2020-01-01")), A(2, "b", R("V", "2020-01-01")), A(3, "c", R("V", "2020-01-01")), A(4, "d", R("V", "2020-01-01"))];
        var count = UrbanRegister.Count(areas, D("2025-12-31"), "IV", "1210/2016");
        AssessedArea[] assessments =
        [
            new(1, "IV", "1210/2016", Verdict.Recognised, D("2024-01-01"), 10),
            new(2, "IV", "1210/2016", Verdict.Recognised, D("2024-01-01"), 11),
            new(3, "IV", "1210/2016", Verdict.Recognised, D("2023-01-01"), 12),
            new(3, "IV", "1210/2016", Verdict.NotRecognised, D("2024-01-01"), 13),
            new(4, "IV", "111/2025", Verdict.Recognised, D("2024-01-01"), 14),
            new(4, "IV", "1210/2016", Verdict.ThresholdsMet, D("2026-01-01"), 15),
        ];
        Assert.Equal([11L], UrbanRegister.Candidates(count, assessments).Select(a => a.AssessmentId));
    }

    public static TheoryData<string, string, string?, string?, string> Refused => new()
    {
        { "VI", "1210/2016", null, null, "class" },
        { "III", "112/2025", null, null, "basis" },
        { "III", "999/2030", null, null, "basis" },
        { "IV", "1210/2016", "2027-01-01", null, "recognisedOn" },
        { "IV", "1210/2016", "2015-01-01", "2020-01-01", "recognisedOn" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_NamesTheField(string urbanClass, string basis, string? recognisedOn, string? unitFrom, string field)
    {
        var set = CriteriaSetReader.BuiltIn.SingleOrDefault(s => s.Basis == basis);
        var record = new ClassRecord(urbanClass, basis, recognisedOn is null ? D("2024-04-02") : D(recognisedOn), recognisedOn is null ? null : D(recognisedOn));
        var problems = UrbanRegister.Check(record, set, unitFrom is null ? null : D(unitFrom), Today);
        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public void Check_HeldBeforeRecognised_Refused_AndAValidRecordPasses()
    {
        var set = ClassificationFixtures.Nq1210;
        Assert.Contains(UrbanRegister.Check(R("IV", "2024-01-01", recognisedOn: "2024-02-01"), set, null, Today), p => p.Field == "heldFrom");
        Assert.Empty(UrbanRegister.Check(R("IV", "2024-02-01", recognisedOn: "2024-02-01"), set, null, Today));
        Assert.Empty(UrbanRegister.Check(R("III", "2026-02-01", basis: "111/2025"), ClassificationFixtures.Nq111, D("2025-07-01"), Today));
        Assert.Contains(UrbanRegister.Check(R("III", "2025-02-01", basis: "111/2025"), ClassificationFixtures.Nq111, D("2025-07-01"), Today), p => p.Field == "heldFrom");
    }
}
