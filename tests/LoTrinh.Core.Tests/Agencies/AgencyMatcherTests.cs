using LoTrinh.Core.Agencies;

namespace LoTrinh.Core.Tests.Agencies;

public sealed class AgencyMatcherTests
{
    private static readonly AgencyCandidate DistrictCommittee = new(1, "Ủy ban nhân dân huyện Đức Trọng", "UBND huyện Đức Trọng", "Đức Trọng");
    private static readonly AgencyCandidate OtherDistrict = new(2, "Ủy ban nhân dân huyện Lâm Hà", null, "Lâm Hà");
    private static readonly AgencyCandidate Construction = new(3, "Sở Xây dựng", null, "Lâm Đồng");
    private static readonly AgencyCandidate Departments = new(4, "Các sở, ban, ngành", null, null);
    private static readonly AgencyCandidate[] OnFile = [DistrictCommittee, OtherDistrict, Construction, Departments];

    private static long? Best(string written, string? place) =>
        AgencyMatcher.Suggest(written, place, OnFile) is [var first, ..] ? first.Agency.Id : null;

    [Theory]
    [InlineData("Sở Xây dựng", null, 3L)]
    [InlineData("sở  xây dựng.", null, 3L)]
    [InlineData("UBND huyện Đức Trọng", null, 1L)]
    [InlineData("Ủy ban nhân dân huyện Đức Trọng", "Lâm Hà", 1L)]
    [InlineData("UBND huyện", "Đức Trọng", 1L)]
    [InlineData("Lãnh đạo UBND huyện", "Đức Trọng", 1L)]
    [InlineData("UBND huyện", "Lâm Hà", 2L)]
    [InlineData("các Sở, Ngành của Tỉnh", null, 4L)]
    public void Suggest_PutsTheBodyMeantFirst(string written, string? place, long expected) =>
        Assert.Equal(expected, Best(written, place));

    [Fact]
    public void Suggest_ExactNameScoresOne_UnrelatedNamesAreLeftOut()
    {
        var exact = AgencyMatcher.Suggest("Sở Xây dựng", null, OnFile);
        Assert.Equal(1.0, exact[0].Score);
        Assert.Empty(AgencyMatcher.Suggest("Công an tỉnh", null, OnFile));
    }

    [Fact]
    public void Key_SpellsOutAbbreviationsAndBothSpellingsOfUy()
    {
        Assert.Equal(AgencyMatcher.Key("Uỷ ban nhân dân tỉnh"), AgencyMatcher.Key("UBND tỉnh"));
        Assert.Equal("ban chỉ đạo huyện", AgencyMatcher.Key("BCĐ huyện"));
    }

    [Theory]
    [InlineData("BTV Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Lâm Đồng", true)]
    [InlineData("UBND tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Lâm Đồng", true)]
    [InlineData("UBND tỉnh", "Ủy ban nhân dân tỉnh Cao Bằng", true)] // which province? the same until said
    [InlineData("Ủy ban nhân dân tỉnh Cao Bằng", "Ủy ban nhân dân thành phố Hà Nội", false)]
    [InlineData("Ủy ban nhân dân tỉnh Lâm", "Ủy ban nhân dân tỉnh Lâm Đồng", true)]
    [InlineData("Tỉnh ủy Lâm Đồng", "Tỉnh ủy Gia Lai", false)]
    [InlineData("Sở Xây dựng", "Sở Xây dựng", true)]
    [InlineData("Sở Xây", "Sở Xây dựng", true)]
    [InlineData("Sở Xây dựng", "Sở Tài chính", false)]
    public void MaySameIssuer_SameBodyWrittenAnotherWay_NotAnotherPlace(string a, string b, bool same)
    {
        Assert.Equal(same, AgencyMatcher.MaySameIssuer(a, b));
        Assert.Equal(same, AgencyMatcher.MaySameIssuer(b, a));
    }
}
