using LoTrinh.Core.Classification;

namespace LoTrinh.Core.Tests.Classification;

public sealed class ClassificationInputTests
{
    [Fact]
    public void ReadsTheClassifyFile()
    {
        var (input, error) = ClassificationInput.FromJson("""
            {"basis": "111/2025", "class": "III", "values": {"2A.II.03": 35000, "2A.I.01": "Cấp tỉnh", "x": null},
             "notConsidered": ["2A.II.04"], "heritage": true, "regions": ["mountainous"]}
            """);

        Assert.Null(error);
        Assert.Equal(("111/2025", "III", true), (input!.Basis, input.Class, input.Heritage));
        Assert.Equal(new StandardValue.Number(35000), input.Values["2a.ii.03"]);
        Assert.Equal(new StandardValue.Level("Cấp tỉnh"), input.Values["2A.I.01"]);
        Assert.Equal(2, input.Values.Count);
        Assert.Contains("2A.II.04", input.NotConsidered);
    }

    [Theory]
    [InlineData("not json", "JSON hợp lệ")]
    [InlineData("[1]", "đối tượng JSON")]
    [InlineData("""{"class": "III"}""", "basis")]
    [InlineData("""{"basis": "111/2025", "class": "III", "values": [1]}""", "values")]
    [InlineData("""{"basis": "111/2025", "class": "III", "values": {"2A.II.03": {"a": 1}}}""", "2A.II.03")]
    [InlineData("""{"basis": "111/2025", "class": "III", "heritage": "yes"}""", "heritage")]
    [InlineData("""{"basis": "111/2025", "class": "III", "notConsidered": "2A.II.04"}""", "notConsidered")]
    public void Malformed_GivesOneLine(string json, string expected)
    {
        var (input, error) = ClassificationInput.FromJson(json);

        Assert.Null(input);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }
}
