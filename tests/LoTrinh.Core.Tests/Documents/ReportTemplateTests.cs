using LoTrinh.Core.Documents;

namespace LoTrinh.Core.Tests.Documents;

public sealed class OfficialFormatTests
{
    [Theory]
    [InlineData(7, "BC-UBND", "Số: 07/BC-UBND")]
    [InlineData(10, "BC-UBND", "Số: 10/BC-UBND")]
    [InlineData(174, "BC-BCĐ", "Số: 174/BC-BCĐ")]
    [InlineData(null, "BC-UBND", "Số:      /BC-UBND")]
    public void NumberLine_PadsBelowTen_LeavesADraftsNumberBlank(int? number, string symbol, string expected) =>
        Assert.Equal(expected, OfficialFormat.NumberLine(number, symbol));

    [Theory]
    [InlineData(2026, 2, 5, "Lâm Đồng, ngày 05 tháng 02 năm 2026")]
    [InlineData(2026, 3, 12, "Lâm Đồng, ngày 12 tháng 3 năm 2026")]
    [InlineData(2023, 2, 28, "Lâm Đồng, ngày 28 tháng 02 năm 2023")]
    [InlineData(2024, 1, 9, "Lâm Đồng, ngày 09 tháng 01 năm 2024")]
    [InlineData(2024, 12, 31, "Lâm Đồng, ngày 31 tháng 12 năm 2024")]
    [InlineData(2024, 10, 1, "Lâm Đồng, ngày 01 tháng 10 năm 2024")]
    public void PlaceAndDate_PadsDaysOneToNine_AndOnlyJanuaryAndFebruary(int y, int m, int d, string expected) =>
        Assert.Equal(expected, OfficialFormat.PlaceAndDate(" Lâm Đồng ", new DateOnly(y, m, d)));

    [Theory]
    [InlineData("BC-UBND", true)]
    [InlineData("BC-BCĐ", true)]
    [InlineData("BC-SXD", true)]
    [InlineData("bc-ubnd", false)]
    [InlineData("BC - UBND", false)]
    [InlineData("BC", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SymbolProblem_UpperCaseGroupsJoinedByHyphens(string? symbol, bool valid) =>
        Assert.Equal(valid, OfficialFormat.SymbolProblem(symbol) is null);

    [Fact]
    public void SignatureProblems_AuthorityOnEveryLineButTheLast()
    {
        Assert.Empty(OfficialFormat.SignatureProblems(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]));
        Assert.Empty(OfficialFormat.SignatureProblems(["GIÁM ĐỐC"]));
        Assert.Empty(OfficialFormat.SignatureProblems(["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]));
        Assert.Contains("Dòng 2", Assert.Single(OfficialFormat.SignatureProblems(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"])), StringComparison.Ordinal);
        Assert.Contains("thẩm quyền", Assert.Single(OfficialFormat.SignatureProblems(["ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])), StringComparison.Ordinal);
        Assert.Single(OfficialFormat.SignatureProblems([]));
    }
}

public sealed class ReportTemplateTests
{
    private static readonly IReadOnlyList<Placeholder> Known = ReportTemplate.ProgressReport;

    [Fact]
    public void Parse_HeadingsParagraphsAndBlocks_InOrder()
    {
        var (blocks, problems) = ReportTemplate.Parse("Mở đầu {ngay_chot}.\r\n\n# I. KẾT QUẢ\n  {bang_theo_van_ban}  \nHết.", Known);
        Assert.Empty(problems);
        Assert.Equal<TemplateBlock>(
            [new ParagraphBlock("Mở đầu {ngay_chot}."), new HeadingBlock("I. KẾT QUẢ"), new DataBlock("bang_theo_van_ban"), new ParagraphBlock("Hết.")],
            blocks);
    }

    [Fact]
    public void Parse_UnknownNames_AreListedByName_AndNothingParses()
    {
        var (blocks, problems) = ReportTemplate.Parse("Ngày {ngay_chot}, {so_lieu_moi} và {Tong}.\n{bang_la}", Known);
        Assert.Empty(blocks);
        var problem = Assert.Single(problems);
        Assert.StartsWith("Mẫu có tên không được hỗ trợ: {Tong}, {bang_la}, {so_lieu_moi}.", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ngày {ngay_chot", "dấu { hoặc }")]
    [InlineData("Ngày ngay_chot}", "dấu { hoặc }")]
    [InlineData("Bảng: {bang_chi_tieu}", "phải đứng riêng một dòng")]
    [InlineData("a\0b", "không in được")]
    [InlineData("   ", "trống")]
    public void Parse_AProblemIsNamedWithItsLine(string text, string expected)
    {
        var (blocks, problems) = ReportTemplate.Parse(text, Known);
        Assert.Empty(blocks);
        Assert.Contains(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_IsRefused() =>
        Assert.Contains("quá", Assert.Single(ReportTemplate.Parse(new string('a', ReportTemplate.MaxLength + 1), Known).Problems), StringComparison.Ordinal);

    [Fact]
    public void Fill_ReplacesEveryName_AndRefusesAMissingValue()
    {
        Assert.Equal("Đến 30/06/2024: 12 nhiệm vụ, 12.",
            ReportTemplate.Fill("Đến {ngay_chot}: {tong_nhiem_vu} nhiệm vụ, {tong_nhiem_vu}.", new Dictionary<string, string> { ["ngay_chot"] = "30/06/2024", ["tong_nhiem_vu"] = "12" }));
        Assert.Throws<ArgumentException>(() => ReportTemplate.Fill("{qua_han}", new Dictionary<string, string>()));
    }

    [Fact]
    public void LineProblems_TheSummaryLineTakesNoTable() =>
        Assert.Contains("Trích yếu", Assert.Single(ReportTemplate.LineProblems("Báo cáo {bang_chi_tieu}", "Trích yếu", Known)), StringComparison.Ordinal);

    [Fact]
    public void DefaultForm_HasNoProblems_AndUsesEveryBlock()
    {
        Assert.Empty(ReportForm.Default.Problems());
        var used = ReportForm.Default.Blocks.OfType<DataBlock>().Select(b => b.Name).ToHashSet();
        Assert.Equal(Known.Where(p => p.Kind == PlaceholderKind.Block).Select(p => p.Name).ToHashSet(), used);
    }

    [Fact]
    public void FormProblems_AreKeyedByField()
    {
        var form = ReportForm.Default with { Symbol = "bc", Body = "{khong_co}", SignatureLines = ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"], Recipients = [], Filing = " " };
        Assert.Equal(["symbol", "body", "signatureLines", "recipients", "filing"], form.Problems().Select(p => p.Field));
    }
}
