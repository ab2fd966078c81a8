using LoTrinh.Core.Extraction;

namespace LoTrinh.Core.Tests.Extraction;

/// <summary>The extraction rules one at a time, on short texts written for the rule.</summary>
public sealed class ExtractorRuleTests
{
    private static DirectiveExtraction Extract(string text) => DirectiveExtractor.Extract(text);

    [Fact]
    public void Normalise_JoinsHardBreaks_DropsPageNumbersAndFootnoteMarks()
    {
        const string raw = "III. NHIỆM VỤ\n\n1. Sở Xây dựng chủ trì rà soát quy hoạch chung đô thị và các\nchương trình phát triển đô thị¹, hoàn thành trong Quý II/2024.\n\n12\n\n¹ Chú thích.\n2. Nghị quyết 06-\nNQ/TW của Bộ Chính trị.";
        var text = DirectiveText.Normalise(raw);

        Assert.Contains("đô thị và các chương trình phát triển đô thị, hoàn thành", text.Text, StringComparison.Ordinal);
        Assert.Contains("06-NQ/TW", text.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n12\n", text.Text, StringComparison.Ordinal);
        Assert.Equal(["Chú thích."], text.Footnotes);
    }

    [Fact]
    public void Normalise_LookalikeEth_BecomesDStroke()
    {
        Assert.Equal("Đà Lạt", DirectiveText.Normalise("\u00D0à Lạt").Text);
    }

    [Fact]
    public void Normalise_RunningHeaderOnEveryPage_IsDropped()
    {
        var page = "KẾ HOẠCH SỐ 5/KH-UBND\n- Rà soát quy hoạch chung đô thị theo hướng bền vững.\n";
        var text = DirectiveText.Normalise(page + page + page);
        Assert.DoesNotContain("KẾ HOẠCH SỐ 5", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_LabelsFollowTheDocumentsOwnNumbering_DashesCarryTheirPoint()
    {
        var blocks = Layout.Read("I. MỤC TIÊU\n1. Chỉ tiêu\na) Giai đoạn 2021-2025:\n- Tỷ lệ đô thị hóa đạt 40%.\nII. NHIỆM VỤ\n1. Sở Xây dựng rà soát quy hoạch.");
        Assert.Equal(["I", "I.1", "I.1.a", "I.1.a", "II", "II.1"], blocks.Select(b => b.Label));
        Assert.Equal(PartKind.Objectives, blocks[3].Part);
        Assert.Equal(PartKind.Tasks, blocks[5].Part);
        Assert.True(blocks[2].IsHeading);
    }

    [Theory]
    [InlineData("- Tỷ lệ đô thị hóa đến năm 2025 đạt trên 54%.", "gt", 54.0, 2025)]
    [InlineData("- Tỷ lệ cấp nước sạch đạt tối thiểu 95% vào năm 2025.", "gte", 95.0, 2025)]
    [InlineData("- Tỷ lệ hộ nghèo dưới 2% vào năm 2026.", "lt", 2.0, 2026)]
    [InlineData("- Tỷ lệ thất thoát nước không quá 15% vào năm 2025.", "lte", 15.0, 2025)]
    [InlineData("- Kinh tế đô thị đóng góp khoảng 75% GRDP vào năm 2025.", "approx", 75.0, 2025)]
    [InlineData("- Tỷ lệ đô thị hoá đạt 58,8% năm 2030.", "gte", 58.8, 2030)]
    [InlineData("- Bảo đảm 100% đô thị có quy hoạch chung năm 2025.", "eq", 100.0, 2025)]
    [InlineData("- Số đô thị loại IV năm 2030 là 5 đô thị trở lên.", "gte", 5.0, 2030)]
    public void Targets_ComparatorWordsAndDecimalCommas(string line, string comparator, double value, int year)
    {
        var target = Assert.Single(Extract("II. CHỈ TIÊU\n" + line).Targets).Item;
        Assert.Equal(comparator, target.Comparator);
        Assert.Equal((decimal)value, target.Value);
        Assert.Equal(year, target.Year);
    }

    [Fact]
    public void Targets_OneStatementTwoYears_GivesTwoTargets_AndRangesKeepBothEnds()
    {
        var targets = Extract("II. CHỈ TIÊU\n- Diện tích cây xanh bình quân đạt khoảng 8 - 10m2 vào năm 2025, khoảng 10 - 15 m2 vào năm 2030.")
            .Targets.Select(t => t.Item).ToList();
        Assert.Equal(2, targets.Count);
        Assert.All(targets, t => Assert.Equal("range", t.Comparator));
        Assert.Equal((8m, 10m, 2025), (targets[0].Low!.Value, targets[0].High!.Value, targets[0].Year!.Value));
        Assert.Equal((10m, 15m, 2030), (targets[1].Low!.Value, targets[1].High!.Value, targets[1].Year!.Value));
        Assert.Equal(targets[0].Indicator, targets[1].Indicator);
        Assert.Equal("m2/người", targets[0].Unit);
    }

    [Fact]
    public void Targets_CountBrokenDownByClass_GivesOneTargetPerClass()
    {
        var targets = Extract("II. MỤC TIÊU\n- Số lượng đô thị toàn tỉnh năm 2025 là 12 đô thị (02 đô thị loại II, 10 đô thị loại V).")
            .Targets.Select(t => t.Item).ToList();
        Assert.Equal(["Số lượng đô thị toàn tỉnh", "Số đô thị loại II", "Số đô thị loại V"], targets.Select(t => t.Indicator));
        Assert.Equal([12m, 2m, 10m], targets.Select(t => t.Value!.Value));
        Assert.All(targets, t => Assert.Equal(2025, t.Year));
    }

    [Fact]
    public void Targets_NumbersThatAreNotTargets_AreLeftAlone()
    {
        Assert.Empty(Extract("III. NHIỆM VỤ\n- Hoàn thành đấu giá khu 200ha; kết nối 03 vùng kinh tế và Quốc lộ 20, 27.").Targets);
    }

    [Fact]
    public void Tasks_ATimeSentenceInsideAnItem_IsThatItemsDeadline_NotATaskOfItsOwn()
    {
        var tasks = Extract("II. NHIỆM VỤ\n1. Phòng Kinh tế và Hạ tầng chủ trì rà soát quy hoạch chung đô thị Nam Ban. Thời gian hoàn thành: Quý III/2024.\n2. Phòng Tài chính - Kế hoạch bố trí vốn chuẩn bị đầu tư. Thời hạn: tháng 6/2024.").Tasks;

        Assert.Equal(2, tasks.Count);
        Assert.Equal(new DateOnly(2024, 9, 30), tasks[0].Item.Deadline?.Due);
        Assert.Equal(["Phòng Kinh tế và Hạ tầng"], tasks[0].Item.Lead);
        Assert.Equal(new DateOnly(2024, 6, 30), tasks[1].Item.Deadline?.Due);
    }

    [Fact]
    public void Tasks_LeadCooperatingAndDeadline_FromOneItem()
    {
        var task = Assert.Single(Extract("III. NHIỆM VỤ\n1. Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ rà soát tiêu chuẩn, báo cáo UBND tỉnh trước ngày 30/10/2024.").Tasks).Item;
        Assert.Equal(["Sở Xây dựng"], task.Lead);
        Assert.Equal(["Sở Tài chính", "Sở Nội vụ"], task.Cooperating);
        Assert.Equal(new DateOnly(2024, 10, 30), task.Deadline?.Due);
        Assert.Equal("day", task.Deadline?.Precision);
    }

    [Fact]
    public void Tasks_BlockDeadline_AppliesToEveryTaskOfTheBlock()
    {
        var tasks = Extract("III. NHIỆM VỤ\n1. Công tác tuyên truyền:\na) Các sở, ban, ngành phổ biến Nghị quyết.\nb) UBND huyện tổ chức quán triệt.\nThời gian thực hiện và hoàn thành: Quý II/2022.\n2. Công tác quy hoạch:\na) Sở Xây dựng rà soát quy hoạch.")
            .Tasks.Select(t => t.Item).ToList();
        Assert.Equal(3, tasks.Count);
        Assert.Equal(new DateOnly(2022, 6, 30), tasks[0].Deadline?.Due);
        Assert.Equal(new DateOnly(2022, 6, 30), tasks[1].Deadline?.Due);
        Assert.Null(tasks[2].Deadline);
        Assert.Equal(["Các sở, ban, ngành"], tasks[0].Lead);
    }

    [Fact]
    public void Tasks_SentenceWithItsOwnDeadline_IsATaskOfItsOwn()
    {
        var tasks = Extract("1. Khẩn trương hoàn thành hồ sơ đấu giá đất. Quyết liệt triển khai để tháng 9 năm 2023 phải khởi công hạ tầng.")
            .Tasks.Select(t => t.Item).ToList();
        Assert.Equal(2, tasks.Count);
        Assert.Null(tasks[0].Deadline);
        Assert.Equal(new DateOnly(2023, 9, 30), tasks[1].Deadline?.Due);
    }

    [Theory]
    [InlineData("Triển khai Kế hoạch Làng đô thị xanh giai đoạn 2022 - 2023.")]
    [InlineData("Thực hiện Chiến lược cấp nước đến năm 2025.")]
    [InlineData("Thường xuyên tuyên truyền, vận động nhân dân.")]
    [InlineData("Đưa chỉ tiêu nhà ở vào Kế hoạch phát triển nhà ở giai đoạn 2021 - 2025 và hàng năm.")]
    public void Tasks_PlanPeriodsAndUrgencyWords_AreNotDeadlines(string item)
    {
        Assert.Null(TaskReader.FindDeadline(item, 2023));
    }

    [Theory]
    [InlineData("định kỳ sơ kết, báo cáo Ban Thường vụ.", "recurring")]
    [InlineData("chậm nhất tháng Quý I/2024 phải hoàn thành trình phê duyệt.", "quarter")]
    [InlineData("trình phê duyệt trong năm 2023.", "year")]
    public void Tasks_DeadlinePhrasesInsideSentences(string sentence, string precision)
    {
        Assert.Equal(precision, TaskReader.FindDeadline(sentence, 2023)?.Precision);
    }

    [Fact]
    public void Agencies_SharedHeadsStayTogether_DistinctBodiesSplit()
    {
        Assert.Equal(["Các sở, ban, ngành"], AgencyPhrases.Split("Các sở, ban, ngành"));
        Assert.Equal(["Sở Kế hoạch và Đầu tư"], AgencyPhrases.Split("Sở Kế hoạch và Đầu tư"));
        Assert.Equal(["Các Ban Xây dựng Đảng", "Ủy ban Mặt trận tổ quốc", "các đoàn thể huyện"],
            AgencyPhrases.Split("Các Ban Xây dựng Đảng, Ủy ban Mặt trận tổ quốc và các đoàn thể huyện"));
    }

    [Fact]
    public void References_ImplementedDocumentAndCitedOnes()
    {
        var refs = Extract("KẾ HOẠCH\nThực hiện Nghị quyết số 06-NQ/TU ngày 12/11/2021 của Ban Thường vụ Tỉnh ủy\nI. NHIỆM VỤ\n1. Rà soát theo Quyết định số 178/QĐ-UBND ngày 30/01/2023 của UBND tỉnh Lâm Đồng.")
            .References.Select(r => r.Item).ToList();
        Assert.Equal(2, refs.Count);
        Assert.Equal(("06-NQ/TU", "implements", new DateOnly(2021, 11, 12), "Ban Thường vụ Tỉnh ủy"), (refs[0].Number, refs[0].Relation, refs[0].IssuedOn!.Value, refs[0].Issuer!));
        Assert.Equal(("178/QĐ-UBND", "cites"), (refs[1].Number, refs[1].Relation));
    }

    [Fact]
    public void Metadata_FromAStateHeader()
    {
        var m = Extract("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 412/TB-UBND\n\nBình Định, ngày 18 tháng 9 năm 2024\n\nTHÔNG BÁO\n\nKết luận về tiến độ nâng loại đô thị\n\n1. Sở Xây dựng rà soát.\n\nNơi nhận:\n- Lưu: VT.\n\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Hòa").Metadata;
        Assert.Equal("412/TB-UBND", m.Number);
        Assert.Equal("Thông báo", m.Kind);
        Assert.Equal("Ủy ban nhân dân tỉnh Bình Định", m.Issuer);
        Assert.Equal(new DateOnly(2024, 9, 18), m.IssuedOn);
        Assert.Equal(("Nguyễn Văn Hòa", "TL."), (m.Signer!, m.SigningAuthority!));
    }

    [Theory]
    [InlineData("", "Tệp không có chữ nào.")]
    [InlineData("The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog.", "Văn bản không phải tiếng Việt")]
    [InlineData("\u0001\u0002\u0003PK\u0004binary", "Tệp không phải văn bản")]
    public void Problem_ExplainsWhyATextCannotBeRead(string raw, string expected)
    {
        Assert.StartsWith(expected, DirectiveExtractor.Problem(raw), StringComparison.Ordinal);
    }

    [Fact]
    public void NoStructure_GivesMetadataOnly_WithAWarning()
    {
        var result = Extract("Số: 5/KH-UBND\nHội nghị đã trao đổi về tình hình phát triển đô thị của địa phương trong năm.");
        Assert.Empty(result.Tasks);
        Assert.Equal("5/KH-UBND", result.Metadata.Number);
        Assert.Contains(result.Warnings, w => w.StartsWith("Không nhận ra bố cục", StringComparison.Ordinal));
    }

    [Fact]
    public void Spans_PointAtTheWordsTheItemWasReadFrom()
    {
        var result = Extract("II. CHỈ TIÊU\n- Tỷ lệ đô thị hoá đến năm 2025 đạt trên 54%.\nIII. NHIỆM VỤ\n1. Sở Xây dựng rà soát quy hoạch.");
        var target = Assert.Single(result.Targets);
        Assert.Equal("trên 54%", result.Text.Substring(target.Start, target.Length));
        var task = Assert.Single(result.Tasks);
        Assert.StartsWith("Sở Xây dựng", result.Text[task.Start..], StringComparison.Ordinal);
    }
}
