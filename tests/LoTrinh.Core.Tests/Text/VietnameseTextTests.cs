using System.Text;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Normalize_DecomposedAndLookalikes_BecomeComposed()
    {
        var decomposed = "Ðức Trọng N’Thôn".Normalize(NormalizationForm.FormD);

        Assert.Equal("Đức Trọng N'Thôn", VietnameseText.Normalize(decomposed));
    }

    [Fact]
    public void MatchKey_SpacingAndCase_DoNotMatter() =>
        Assert.Equal(VietnameseText.MatchKey("Sở  Xây dựng."), VietnameseText.MatchKey("sở xây dựng"));

    [Fact]
    public void MatchKey_Diacritics_Matter() =>
        Assert.NotEqual(VietnameseText.MatchKey("Đà Lạt"), VietnameseText.MatchKey("Đa Lat"));

    [Theory]
    [InlineData(58.8, "58,8")]
    [InlineData(54, "54")]
    [InlineData(1.5, "1,5")]
    [InlineData(220697, "220.697")]
    public void FormatNumber_UsesDecimalComma(double value, string expected) =>
        Assert.Equal(expected, VietnameseText.FormatNumber((decimal)value));

    [Theory]
    [InlineData("35000", 35000)]
    [InlineData("35.000", 35000)]
    [InlineData("58,8", 58.8)]
    [InlineData("58.8", 58.8)]
    [InlineData("1.234.567", 1234567)]
    public void TryParseNumber_AsPeopleTypeIt(string text, decimal expected)
    {
        Assert.True(VietnameseText.TryParseNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(75.0, "75,00")]
    [InlineData(5.625, "5,63")]
    [InlineData(null, "—")]
    public void FormatPoints_TwoDecimals(double? value, string expected) =>
        Assert.Equal(expected, VietnameseText.FormatPoints((decimal?)value));
}
