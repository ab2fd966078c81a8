using LoTrinh.Core.Targets;

namespace LoTrinh.Core.Tests.Targets;

public sealed class PlausibilityTests
{
    [Theory]
    [InlineData("%", 0)]
    [InlineData("%", 100)]
    [InlineData("%", 58.5)]
    [InlineData("đô thị", 15)]
    [InlineData("m2/người", 0)]
    [InlineData("người/km²", 1234.5)]
    public void AFigureItsUnitAllows_Stands(string unit, double value) => Assert.Null(Plausibility.Problem(unit, (decimal)value));

    [Theory]
    [InlineData("%", 140, "từ 0 đến 100")]
    [InlineData("%", -0.5, "từ 0 đến 100")]
    [InlineData("đô thị", -1, "không thể âm")]
    [InlineData("người", 1e15, "quá lớn")]
    [InlineData("%", -1e16, "quá lớn")]
    public void AFigureItsUnitDoesNotAllow_IsRefusedSayingWhy(string unit, double value, string said) =>
        Assert.Contains(said, Plausibility.Problem(unit, (decimal)value), StringComparison.Ordinal);
}
