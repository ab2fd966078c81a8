using LoTrinh.Core.Agencies;

namespace LoTrinh.Core.Tests.Agencies;

public sealed class AgencyRegisterTests
{
    [Theory]
    [InlineData("Các sở, ban, ngành", AgencyKinds.Group)]
    [InlineData("các cơ quan liên quan", AgencyKinds.Group)]
    [InlineData("Các đồng chí lãnh đạo, thành viên Ban chỉ đạo", AgencyKinds.Group)]
    [InlineData("đồng chí Bí thư Đảng ủy các xã, thị trấn", AgencyKinds.Group)]
    [InlineData("Thủ trưởng các sở, ban, ngành", AgencyKinds.Group)]
    [InlineData("đồng chí Phó Bí thư Thường trực Huyện ủy", AgencyKinds.Person)]
    [InlineData("Chủ tịch UBND tỉnh", AgencyKinds.Person)]
    [InlineData("Phó Chủ tịch UBND huyện phụ trách xây dựng", AgencyKinds.Person)]
    [InlineData("Giám đốc Sở Xây dựng", AgencyKinds.Person)]
    [InlineData("Sở Xây dựng", AgencyKinds.Department)]
    [InlineData("UBND huyện Đức Trọng", AgencyKinds.PeoplesCommittee)]
    [InlineData("Ban Thường vụ Tỉnh ủy Lâm Đồng", AgencyKinds.PartyCommittee)]
    [InlineData("Ban chỉ đạo xây dựng huyện Đức Trọng thành đô thị loại 4", AgencyKinds.SteeringCommittee)]
    public void Infer_TellsBodiesFromCollectivesAndPersons(string name, string kind) => Assert.Equal(kind, AgencyKinds.Infer(name));

    [Theory]
    [InlineData(AgencyKinds.Group, false)]
    [InlineData(AgencyKinds.Person, false)]
    [InlineData(AgencyKinds.Department, true)]
    [InlineData(AgencyKinds.Other, true)]
    public void IsBody_OnlyForBodiesThatCanBeHeldToAccount(string kind, bool body) => Assert.Equal(body, AgencyKinds.IsBody(kind));

    private static readonly AgencyAtUnit DistrictCommittee = new(1, "Ủy ban nhân dân huyện Đức Trọng", AgencyKinds.PeoplesCommittee, "Huyện Đức Trọng");
    private static readonly AgencyAtUnit CommuneCommittee = new(2, "Ủy ban nhân dân xã Đức Trọng", AgencyKinds.PeoplesCommittee, "Xã Đức Trọng");
    private static readonly AgencyAtUnit CommunePartyCommittee = new(3, "Đảng ủy xã Đức Trọng", AgencyKinds.PartyCommittee, "Xã Đức Trọng");
    private static readonly AgencyAtUnit CommuneFront = new(4, "Ủy ban Mặt trận Tổ quốc xã Đức Trọng", AgencyKinds.MassOrganisation, "Xã Đức Trọng");

    [Fact]
    public void Succession_SameBodyAtTheSuccessorUnit_IsSuggested()
    {
        var suggested = AgencySuccession.Suggest(DistrictCommittee, [CommunePartyCommittee, CommuneFront, CommuneCommittee]);
        Assert.Equal(CommuneCommittee, suggested);
    }

    [Fact]
    public void Succession_OfSeveralAlike_TheOneInTheUnitCarryingTheOldLocalitysName_IsSuggested()
    {
        var district = DistrictCommittee with { UnitBareName = "Đức Trọng" };
        var hiepThanh = new AgencyAtUnit(9, "Ủy ban nhân dân xã Hiệp Thạnh", AgencyKinds.PeoplesCommittee, "Xã Hiệp Thạnh", "Hiệp Thạnh");
        Assert.Equal(2, AgencySuccession.Suggest(district, [hiepThanh, CommuneCommittee with { UnitBareName = "Đức Trọng" }])!.Id);
    }

    [Fact]
    public void Succession_TheOnlyBodyOfTheSameKind_IsSuggested_WhenNamesDiffer()
    {
        var districtParty = new AgencyAtUnit(5, "Huyện ủy Đức Trọng", AgencyKinds.PartyCommittee, "Huyện Đức Trọng");
        Assert.Equal(CommunePartyCommittee, AgencySuccession.Suggest(districtParty, [CommuneCommittee, CommunePartyCommittee]));
    }

    [Fact]
    public void Succession_TwoOfTheSameKindAndNoSameName_SuggestsNothing()
    {
        var districtParty = new AgencyAtUnit(5, "Huyện ủy Đức Trọng", AgencyKinds.PartyCommittee, "Huyện Đức Trọng");
        var other = new AgencyAtUnit(6, "Đảng ủy xã Hiệp Thạnh", AgencyKinds.PartyCommittee, "Xã Hiệp Thạnh");
        Assert.Null(AgencySuccession.Suggest(districtParty, [CommunePartyCommittee, other]));
    }

    [Fact]
    public void Succession_ACollectiveAddressee_IsNotMatchedByKindAlone()
    {
        var districtGroup = new AgencyAtUnit(7, "các đoàn thể huyện", AgencyKinds.Group, "Huyện Đức Trọng");
        var communeGroup = new AgencyAtUnit(8, "các hội đoàn thể xã", AgencyKinds.Group, "Xã Đức Trọng");
        Assert.Null(AgencySuccession.Suggest(districtGroup, [communeGroup]));
    }

    [Fact]
    public void Succession_NothingAtTheSuccessorUnit_SuggestsNothing() => Assert.Null(AgencySuccession.Suggest(DistrictCommittee, []));

    [Theory]
    [InlineData("Sở Xây dựng tỉnh Lâm Đồng", "Tỉnh Lâm Đồng", "sở xây dựng")]
    [InlineData("Ủy ban nhân dân xã Đức Trọng", "Xã Đức Trọng", "ủy ban nhân dân")]
    [InlineData("Sở Xây dựng", null, "sở xây dựng")]
    public void Stem_TakesTheLocalityOut(string name, string? unit, string stem) =>
        Assert.Equal(stem, AgencySuccession.Stem(new AgencyAtUnit(1, name, AgencyKinds.Department, unit)));
}
