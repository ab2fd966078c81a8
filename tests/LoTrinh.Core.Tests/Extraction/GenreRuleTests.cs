using LoTrinh.Core.Extraction;

namespace LoTrinh.Core.Tests.Extraction;

/// <summary>
/// Rules for the genre beyond the seeds (issue 19), each on a short text in the form real directives use:
/// who leads when the item does not say, field blocks, lists of bodies, closing formulas, broken lines.
/// </summary>
public sealed class GenreRuleTests
{
    private static List<ExtractedTask> Tasks(string text) => DirectiveExtractor.Extract(text).Tasks.Select(t => t.Item).ToList();

    [Theory]
    [InlineData("1. Sở Công Thương", "Sở Công Thương")]
    [InlineData("1. Bộ Kế hoạch và Đầu tư:", "Bộ Kế hoạch và Đầu tư")]
    [InlineData("2. Thanh tra tỉnh", "Thanh tra tỉnh")]
    [InlineData("1. Cục Biến đổi khí hậu có trách nhiệm:", "Cục Biến đổi khí hậu")]
    [InlineData("1. Trách nhiệm chung của các cơ quan, đơn vị", "các cơ quan, đơn vị")]
    [InlineData("3. Đối với Ủy ban nhân dân các xã, phường:", "Ủy ban nhân dân các xã, phường")]
    public void AHeadingThatNamesABody_LeadsEveryItemUnderIt(string heading, string lead)
    {
        var tasks = Tasks($"II. NHIỆM VỤ\n{heading}\n- Chủ trì, phối hợp với các cơ quan liên quan rà soát quy hoạch khoáng sản.\n- Tăng cường kiểm tra hoạt động khai thác cát, sỏi lòng sông.");

        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal([lead], t.Lead));
        Assert.Equal(["các cơ quan liên quan"], tasks[0].Cooperating);
    }

    [Fact]
    public void AnItemThatNamesItsOwnBody_KeepsIt_AndTheNextHeadingEndsTheBlock()
    {
        var tasks = Tasks("II. NHIỆM VỤ\n1. Sở Xây dựng:\na) Rà soát quy hoạch chung đô thị.\nb) Sở Tài chính bố trí kinh phí thực hiện.\n2. Các Bộ, ngành liên quan khác trong phạm vi chức năng, nhiệm vụ, tăng cường quản lý nhà nước.");

        Assert.Equal(["Sở Xây dựng"], tasks[0].Lead);
        Assert.Equal(["Sở Tài chính"], tasks[1].Lead);
        Assert.Equal(["Các Bộ, ngành liên quan khác"], tasks[2].Lead);
    }

    [Fact]
    public void ATopicHeading_NamesNoBody_AndItsUnmarkedParagraphIsATask()
    {
        var tasks = Tasks("II. NHIỆM VỤ\n1. Về giảm nhẹ phát thải khí nhà kính\nTổ chức quán triệt, phổ biến đầy đủ nội dung Nghị định đến cán bộ, công chức.");

        var task = Assert.Single(tasks);
        Assert.Empty(task.Lead);
        Assert.StartsWith("Tổ chức quán triệt", task.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ALettersAddressees_LeadItsItems_AndAreNotTasks()
    {
        var tasks = Tasks("ỦY BAN NHÂN DÂN\nSố: 7/UBND-TH\nKính gửi:\n- Các sở, ban, ngành thuộc UBND tỉnh;\n- Ủy ban nhân dân các xã, phường.\nThực hiện Nghị định số 178/2026/NĐ-CP, Ủy ban nhân dân tỉnh chỉ đạo như sau:\n1. Rà soát, thống kê toàn bộ tài sản kết cấu hạ tầng.\n2. Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh.");

        Assert.Equal(2, tasks.Count);
        Assert.Equal(["Các sở, ban, ngành thuộc UBND tỉnh", "Ủy ban nhân dân các xã, phường"], tasks[0].Lead);
        Assert.Equal(["Sở Tài chính"], tasks[1].Lead);
    }

    [Fact]
    public void APreambleThatAsksABody_LeadsTheItems()
    {
        var tasks = Tasks("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\nNgày 09 tháng 6 năm 2025, Chính phủ ban hành Nghị định số 119/2025/NĐ-CP.\nĐể triển khai thực hiện, Bộ Nông nghiệp và Môi trường kính đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các cơ quan trực thuộc thực hiện, cụ thể như sau:\n1. Về giảm nhẹ phát thải khí nhà kính\na) Chỉ đạo cơ quan chuyên môn rà soát số liệu tiêu thụ năng lượng.");

        var task = Assert.Single(tasks);
        Assert.Equal(["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], task.Lead);
    }

    [Fact]
    public void AFieldBlock_GivesEachTaskOfItsPointTheLeadCooperatingAndTime()
    {
        var tasks = Tasks("II. NHIỆM VỤ\n1. Về dữ liệu\na) Nhiệm vụ:\n- Rà soát, chuẩn hóa cơ sở dữ liệu của đơn vị.\n- Tiếp tục bổ sung danh mục dữ liệu Thành phố.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n- Đơn vị phối hợp: Các Sở, ban, ngành, UBND xã, phường.\nc) Thời gian thực hiện: Hoàn thành trong năm 2025.\n2. Về nguồn lực\na) Nhiệm vụ: Lựa chọn kiến trúc sư trưởng về chuyển đổi số.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Nội vụ.");

        Assert.Equal(3, tasks.Count);
        Assert.All(tasks.Take(2), t =>
        {
            Assert.Equal(["Sở Khoa học và Công nghệ"], t.Lead);
            Assert.Equal(["Các Sở, ban, ngành", "UBND xã, phường"], t.Cooperating);
            Assert.Equal(new DateOnly(2025, 12, 31), t.Deadline?.Due);
        });
        Assert.StartsWith("Lựa chọn kiến trúc sư", tasks[2].Text, StringComparison.Ordinal);
        Assert.Equal(["Sở Nội vụ"], tasks[2].Lead);
        Assert.Null(tasks[2].Deadline);
    }

    [Fact]
    public void AListOfBodiesUnderAPoint_LeadsItsItems_AndIsNotTasks()
    {
        var tasks = Tasks("II. NHIỆM VỤ\n2. Các sở quản lý chuyên ngành\nGiao các sở quản lý nhà nước chuyên ngành về hạ tầng gồm:\n- Sở Công Thương (đối với tài sản kết cấu hạ tầng cụm công nghiệp);\n- Sở Xây dựng (đối với tài sản kết cấu hạ tầng đô thị).\nCó trách nhiệm:\na) Chủ trì rà soát, thống kê, phân loại tài sản.\nb) Hướng dẫn các cơ quan lập hồ sơ tài sản.");

        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(["Sở Công Thương", "Sở Xây dựng"], t.Lead));
    }

    [Theory]
    [InlineData("Căn cứ ý kiến chỉ đạo trên, các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện.")]
    [InlineData("Trong quá trình thực hiện Kế hoạch, nếu có khó khăn, vướng mắc đề nghị các Sở phản ánh về Sở Khoa học và Công nghệ.")]
    [InlineData("Bộ Nông nghiệp và Môi trường trân trọng cảm ơn sự phối hợp chặt chẽ của Quý Ủy ban.")]
    [InlineData("Trên đây là Kế hoạch triển khai thực hiện Nghị quyết của Ủy ban nhân dân tỉnh.")]
    public void ClosingFormulas_AreNotTasks(string closing)
    {
        var tasks = Tasks($"II. NHIỆM VỤ\n1. Sở Xây dựng rà soát quy hoạch chung đô thị.\n{closing}");

        Assert.Single(tasks);
    }

    [Fact]
    public void Normalise_ADateWrappedBeforeItsMonth_AndAHeadNounAtTheLineEnd_AreJoined()
    {
        var text = DirectiveText.Normalise("a) Gửi Bộ Nông nghiệp và Môi trường trước ngày 30 tháng\n6 hằng năm để tổng hợp.\nb) Báo cáo Ủy ban nhân dân tỉnh, Bộ\nTài chính về tình hình quản lý.").Text;

        Assert.Contains("30 tháng 6 hằng năm", text, StringComparison.Ordinal);
        Assert.Contains("Bộ Tài chính về", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_TheRepeatedTailOfAWrappedLine_IsNotARunningHeader()
    {
        var field = "- Đơn vị chủ trì: Sở Khoa học\nvà Công nghệ.\n";
        var text = DirectiveText.Normalise(field + field + field).Text;

        Assert.Equal(3, text.Split("Sở Khoa học và Công nghệ.").Length - 1);
    }

    [Fact]
    public void Normalise_TheAddressee_IsNotJoinedToTheLettersFirstSentence()
    {
        var text = DirectiveText.Normalise("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\nNgày 09 tháng 6 năm 2025, Chính phủ ban hành Nghị định.").Text;

        Assert.StartsWith("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFlattenedTable_WithATwoRowHeader_GroupRowsAndMergedTimeCells_GivesOneTaskPerRow()
    {
        const string table = "NỘI DUNG CHI TIẾT\nThời gian | Nội dung công việc | Cơ quan chịu trách nhiệm | Thực hiện\n| | | Đơn vị chủ trì | Đơn vị phối hợp\nI | GIAI ĐOẠN 1: LẬP NHIỆM VỤ\n1 | Lập nhiệm vụ quy hoạch\n10-11/2019 | Xây dựng khung định hướng quy hoạch. | Cơ quan lập quy hoạch | Vụ Kế hoạch- Tài chính/ Ban Quản lý quy hoạch | - Vụ Pháp chế; - Văn phòng Bộ.\n| Lấy ý kiến các Bộ, ngành và địa phương. | Cơ quan lập quy hoạch | Vụ Vật liệu xây dựng | - Vụ Pháp chế.\n01/2020 | Phê duyệt nhiệm vụ lập quy hoạch | Thủ tướng Chính phủ | |";
        var tasks = Tasks(table);

        Assert.Equal(3, tasks.Count);
        Assert.Equal(["Vụ Kế hoạch- Tài chính", "Ban Quản lý quy hoạch"], tasks[0].Lead);
        Assert.Equal(["Vụ Pháp chế", "Văn phòng Bộ"], tasks[0].Cooperating);
        Assert.Equal(new DateOnly(2019, 11, 30), tasks[1].Deadline?.Due);
        Assert.Equal(["Vụ Vật liệu xây dựng"], tasks[1].Lead);
        Assert.Equal(["Thủ tướng Chính phủ"], tasks[2].Lead);
        Assert.Equal(new DateOnly(2020, 1, 31), tasks[2].Deadline?.Due);
    }

    [Fact]
    public void ThePlanIssuedWithADecision_IsReadAfterTheSignature_AndTheDecisionsArticlesAreNotTasks()
    {
        var tasks = Tasks("QUYẾT NGHỊ:\nĐiều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.\nĐiều 2. Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị quyết này.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n(Kèm theo Nghị quyết số 88/NQ-CP ngày 22 tháng 7 năm 2022 của Chính phủ)\nII. NHIỆM VỤ\n1. Bộ Tài nguyên và Môi trường hoàn thành hồ sơ Luật Khoáng sản trong tháng 7 năm 2022.");

        var task = Assert.Single(tasks);
        Assert.Equal(["Bộ Tài nguyên và Môi trường"], task.Lead);
        Assert.Equal(new DateOnly(2022, 7, 31), task.Deadline?.Due);
    }

    [Theory]
    [InlineData("c) Thời gian thực hiện: Thực hiện thường xuyên.", null)]
    [InlineData("c) Thời gian thực hiện: Năm 2025; Năm 2030.", "2030-12-31")]
    public void ABlockTime_OfUrgencyIsNoDeadline_AndOfMilestonesIsTheLast(string time, string? due)
    {
        var task = Assert.Single(Tasks($"II. NHIỆM VỤ\n1. Về an toàn thông tin\na) Nhiệm vụ: Triển khai các phương án bảo đảm an toàn thông tin.\n{time}"));

        Assert.Equal(due, task.Deadline?.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(due is null ? "none" : "year", task.Deadline?.Precision ?? "none");
    }

    [Fact]
    public void TwoValuesInOneClause_AreTwoTargets_AndNothingIsLost()
    {
        var extraction = DirectiveExtractor.Extract("II. MỤC TIÊU\n1. Chỉ tiêu đến năm 2025\n- 95% chất thải rắn sinh hoạt đô thị và 85% chất thải rắn sinh hoạt ở khu dân cư nông thôn được thu gom, xử lý.\n- Tỷ lệ đô thị hóa đạt 45%.");

        Assert.DoesNotContain(extraction.Warnings, w => w.StartsWith("Không đọc được", StringComparison.Ordinal));
        Assert.Equal([95m, 85m, 45m], extraction.Targets.Select(t => t.Item.Value!.Value));
        Assert.Equal("Tỷ lệ chất thải rắn sinh hoạt đô thị", extraction.Targets[0].Item.Indicator);
        Assert.All(extraction.Targets, t => Assert.Equal(2025, t.Item.Year));
    }

    [Fact]
    public void References_ThePrimeMinistersCode_AndEveryDocumentOfTheEnactingSentence_AreRead()
    {
        var extraction = DirectiveExtractor.Extract("Kính gửi: Các sở, ban, ngành\nThực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ Nông nghiệp và Môi trường; Văn bản số 4643/VPCP-CN ngày 12/5/2026 của Văn phòng Chính phủ. Ủy ban nhân dân tỉnh yêu cầu:\n1. Rà soát theo Quyết định số 105/2009/QĐ-TTg ngày 19 tháng 8 năm 2009 của Thủ tướng Chính phủ.");
        var references = extraction.References.Select(r => r.Item).ToDictionary(r => r.Number, r => r.Relation);

        Assert.Equal("implements", references["4250/BNNMT-ĐCKS"]);
        Assert.Equal("implements", references["4643/VPCP-CN"]);
        Assert.Equal("cites", references["105/2009/QĐ-TTg"]);
    }

    [Fact]
    public void References_TheDocumentATitleImplements_IsFoundAfterThePlansName()
    {
        var extraction = DirectiveExtractor.Extract("CHÍNH PHỦ\nSố: 88/NQ-CP\nNGHỊ QUYẾT\nVỀ VIỆC BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 10-NQ/TW NGÀY 10 THÁNG 02 NĂM 2022 CỦA BỘ CHÍNH TRỊ\nCăn cứ Nghị quyết số 10-NQ/TW ngày 10 tháng 02 năm 2022 của Bộ Chính trị;\nII. NHIỆM VỤ\n1. Bộ Tài nguyên và Môi trường hoàn thành hồ sơ trong tháng 7 năm 2022.");

        Assert.Equal("implements", Assert.Single(extraction.References).Item.Relation);
    }

    private static List<ExtractedTarget> Targets(string text) => DirectiveExtractor.Extract(text).Targets.Select(t => t.Item).ToList();

    [Theory]
    [InlineData("II. MỤC TIÊU, CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030\n1. Về phát triển đô thị\n- Tỷ lệ đô thị hóa đạt trên 50%.")]
    [InlineData("II. MỤC TIÊU\n1. Chỉ tiêu cụ thể\nPhấn đấu đến năm 2030:\n- Tỷ lệ đô thị hóa đạt trên 50%.")]
    [InlineData("KẾ HOẠCH\nPhát triển đô thị năm 2030\nI. MỤC TIÊU\n- Tỷ lệ đô thị hóa đạt trên 50%.")]
    public void ATargetWithoutItsOwnYear_TakesTheNearestContextThatStatesOne(string text)
    {
        var target = Assert.Single(Targets(text));

        Assert.Equal(2030, target.Year);
        Assert.Equal(("gt", 50m), (target.Comparator, target.Value!.Value));
    }

    [Fact]
    public void APercentageOfThings_IsARate_AndAYearInAProgrammesName_IsNotTheTargets()
    {
        var target = Assert.Single(Targets("II. NHIỆM VỤ\n1. Tiếp tục rà soát theo Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ về Chương trình cắt giảm, đơn giản hóa thủ tục hành chính năm 2025 và 2026, đảm bảo cắt giảm tối thiểu 30% thời gian thực hiện thủ tục hành chính."));

        Assert.Null(target.Year);
        Assert.Equal(("gte", 30m), (target.Comparator, target.Value!.Value));
        Assert.StartsWith("Tỷ lệ cắt giảm", target.Indicator, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- Di dời trên 400 hộ dân ra khỏi vùng nguy cơ sạt lở.", "gt", 400, "hộ")]
    [InlineData("- Đóng cửa tối thiểu 43 bãi chôn lấp không hợp vệ sinh.", "gte", 43, "bãi")]
    [InlineData("- Tổng vốn đầu tư khoảng 7.080 tỷ đồng.", "approx", 7080, "tỷ đồng")]
    public void CountsInAnyUnit_AndMoney_AreTargets(string line, string comparator, int value, string unit)
    {
        var target = Assert.Single(Targets("II. MỤC TIÊU ĐẾN NĂM 2030\n" + line));

        Assert.Equal((comparator, (decimal)value, unit, 2030), (target.Comparator, target.Value!.Value, target.Unit, target.Year!.Value));
    }

    [Fact]
    public void AnItemThatListsWhatItWorksOn_IsOneTask_AndItsNounLinesAreNot()
    {
        var tasks = Tasks("III. NHIỆM VỤ\n4.4. Nền tảng giám sát, điều hành giao thông thông minh\nNghiên cứu, triển khai các nền tảng số chuyên dùng hỗ trợ giám sát, điều hành giao thông, gồm:\n- Hệ thống giám sát, điều hành giao thông thông minh.\n- Hệ thống giám sát điều hành hoạt động các bến xe.\n4.5. Trong năm 2022 hoàn thành việc lập, trình Thủ tướng Chính phủ phê duyệt các nhiệm vụ:\n+ Chiến lược địa chất, khoáng sản đến năm 2030.\n+ Quy hoạch năng lượng quốc gia thời kỳ 2021 - 2030.");

        Assert.Equal(2, tasks.Count);
        Assert.StartsWith("Nghiên cứu, triển khai các nền tảng", tasks[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Trong năm 2022 hoàn thành", tasks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NotesFundingTitlesAndAShortTimingSentence_AreNotTasksOfTheirOwn()
    {
        var tasks = Tasks("II. NHIỆM VỤ\n1. Nghiên cứu các mô hình quản trị khoáng sản minh bạch, hiệu quả. Hoàn thành trước năm 2025.\nNỘI DUNG CHI TIẾT\nGhi chú:\n- Thời gian thực hiện các công việc sẽ được điều chỉnh căn cứ vào thực tế triển khai.\nIV. KINH PHÍ THỰC HIỆN\n1. Ngân sách nhà nước thực hiện theo quy định phân cấp ngân sách hiện hành.");

        var task = Assert.Single(tasks);
        Assert.Equal(new DateOnly(2024, 12, 31), task.Deadline?.Due);
    }

    [Fact]
    public void References_ThePlansTitleAndItsEnactingSentence_AreImplemented_ButABackgroundReportIsNot()
    {
        var extraction = DirectiveExtractor.Extract("ỦY BAN NHÂN DÂN\nSố: 308/KH-UBND\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 214/NQ-CP NGÀY 23/7/2025 CỦA CHÍNH PHỦ\nNgày 09 tháng 6 năm 2025, Bộ trưởng đã ban hành Thông tư số 08/2025/TT-BNNMT. Thực hiện Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ; Nghị định số 278/2025/NĐ-CP ngày 22/10/2025 của Chính phủ, Ủy ban nhân dân Thành phố ban hành Kế hoạch như sau:\nI. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ rà soát cơ sở dữ liệu.");
        var references = extraction.References.Select(r => r.Item).ToDictionary(r => r.Number, r => r.Relation);

        Assert.Equal("implements", references["214/NQ-CP"]);
        Assert.Equal("implements", references["278/2025/NĐ-CP"]);
        Assert.Equal("cites", references["08/2025/TT-BNNMT"]);
    }

    [Theory]
    [InlineData("có hiệu lực thi hành từ ngày 06/7/2026", "2027-01-06", "day")]
    [InlineData("có hiệu lực thi hành", null, "none")]
    public void ARelativeDeadline_CountsFromTheEffectiveDateTheTextGives_ForEveryItemUnderIt(string effect, string? due, string precision)
    {
        var tasks = Tasks($"Ngày 20/5/2026, Chính phủ ban hành Nghị định số 178/2026/NĐ-CP, {effect}.\nI. NHIỆM VỤ\n5. Các bộ quản lý chuyên ngành\na) Trong thời hạn 06 tháng, kể từ ngày Nghị định số 178/2026/NĐ-CP có hiệu lực thi hành, hoàn thành việc giao tài sản:\n- Tài sản kết cấu hạ tầng cụm công nghiệp - Bộ Công Thương.\n- Tài sản kết cấu hạ tầng đô thị - Bộ Xây dựng.");

        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t =>
        {
            Assert.Equal(due, t.Deadline?.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(precision, t.Deadline?.Precision);
        });
    }

    [Fact]
    public void AReportingSchedule_Recurs()
    {
        var task = Assert.Single(Tasks("I. NHIỆM VỤ\n7. Chế độ báo cáo\n- Báo cáo 6 tháng: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 05/7 hằng năm để tổng hợp."));

        Assert.Equal(("recurring", (DateOnly?)null), (task.Deadline?.Precision, task.Deadline?.Due));
    }

    [Fact]
    public void APdfTableLaidOutInColumns_IsRebuiltFromTheColumnPositions_WrappedCellsRejoined()
    {
        const string pdf = "III. NHIỆM VỤ\n1. Sở Xây dựng rà soát quy hoạch chung đô thị, hoàn thành trong Quý II/2024.\n\n                                PHỤ LỤC\n                    DANH MỤC NHIỆM VỤ TRỌNG TÂM\n TT   Nội dung nhiệm vụ                     Cơ quan              Cơ quan phối hợp      Thời gian\n                                            chủ trì                                    hoàn thành\n 1    Rà soát, điều chỉnh quy hoạch chung   Sở Xây dựng          Sở Tài chính, UBND    Quý IV/2024\n      đô thị Đà Lạt đến năm 2045                                 các huyện\n 2    Lập đề án công nhận đô thị loại IV    UBND huyện Đức       Sở Xây dựng           2025\n                                            Trọng\n\n 3    Đầu tư hệ thống thu gom nước thải     Ban Quản lý dự án    Sở Tài chính          2026 - 2030\n      khu trung tâm                         tỉnh\n                                                                                             12\n 4    Xây dựng cơ sở dữ liệu quy hoạch      Sở Xây dựng                                Quý III, IV/2026\n\nNơi nhận:\n- Như trên;\n";
        var tasks = Tasks(pdf).Skip(1).ToList();

        Assert.Equal(4, tasks.Count);
        Assert.Equal("Rà soát, điều chỉnh quy hoạch chung đô thị Đà Lạt đến năm 2045", tasks[0].Text);
        Assert.Equal(["Sở Tài chính", "UBND các huyện"], tasks[0].Cooperating);
        Assert.Equal(["UBND huyện Đức Trọng"], tasks[1].Lead);
        Assert.Equal(new DateOnly(2025, 12, 31), tasks[1].Deadline?.Due);
        Assert.Equal(["Ban Quản lý dự án tỉnh"], tasks[2].Lead);
        Assert.Equal(new DateOnly(2030, 12, 31), tasks[2].Deadline?.Due);
        Assert.Equal(new DateOnly(2026, 12, 31), tasks[3].Deadline?.Due);
    }

    /// <summary>The appendix above as Word's "copy as text" writes it: each cell on a line, an empty cell missing.</summary>
    private const string OneCellPerLine = "III. NHIỆM VỤ\n1. Sở Xây dựng rà soát quy hoạch chung đô thị, hoàn thành trong Quý II/2024.\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ TRỌNG TÂM\nTT\nNội dung nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n1\nRà soát, điều chỉnh quy hoạch chung đô thị Đà Lạt đến năm 2045\nSở Xây dựng\nSở Tài chính, UBND các huyện\nQuý IV/2024\n2\nLập đề án công nhận đô thị loại IV\nUBND huyện Đức Trọng\nSở Xây dựng\n2025\n3\nĐầu tư hệ thống thu gom nước thải khu trung tâm\nBan Quản lý dự án tỉnh\nSở Tài chính\n2026 - 2030\n4\nXây dựng cơ sở dữ liệu quy hoạch\nSở Xây dựng\nQuý III, IV/2026\nNơi nhận:\n- Như trên;\n";

    /// <summary>The same as <c>pdftotext</c> without <c>-layout</c> writes it: cells in reading order, each wrapped at its column's width, a page number between rows.</summary>
    private const string OneCellPerLineWrapped = "III. NHIỆM VỤ\n1. Sở Xây dựng rà soát quy hoạch chung đô thị, hoàn thành trong Quý II/2024.\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ TRỌNG TÂM\nTT\nNội dung nhiệm vụ\nCơ quan\nchủ trì\nCơ quan phối hợp\nThời gian\nhoàn thành\n1\nRà soát, điều chỉnh quy hoạch chung\nđô thị Đà Lạt đến năm 2045\nSở Xây dựng\nSở Tài chính, UBND\ncác huyện\nQuý IV/2024\n2\nLập đề án công nhận đô thị loại IV\nUBND huyện Đức\nTrọng\nSở Xây dựng\n2025\n3\nĐầu tư hệ thống thu gom nước thải\nkhu trung tâm\nBan Quản lý dự án\ntỉnh\nSở Tài chính\n2026 - 2030\n12\n4\nXây dựng cơ sở dữ liệu quy hoạch\nSở Xây dựng\nQuý III, IV/2026\nNơi nhận:\n- Như trên;\n";

    [Theory]
    [InlineData(OneCellPerLine)]
    [InlineData(OneCellPerLineWrapped)]
    public void ATableWrittenOneCellPerLine_IsRebuiltFromTheKindOfEachLine_WrappedCellsRejoined(string text)
    {
        var tasks = Tasks(text).Skip(1).ToList();

        Assert.Equal(4, tasks.Count);
        Assert.Equal("Rà soát, điều chỉnh quy hoạch chung đô thị Đà Lạt đến năm 2045", tasks[0].Text);
        Assert.Equal(["Sở Xây dựng"], tasks[0].Lead);
        Assert.Equal(["Sở Tài chính", "UBND các huyện"], tasks[0].Cooperating);
        Assert.Equal(new DateOnly(2024, 12, 31), tasks[0].Deadline?.Due);
        Assert.Equal(["UBND huyện Đức Trọng"], tasks[1].Lead);
        Assert.Equal(new DateOnly(2025, 12, 31), tasks[1].Deadline?.Due);
        Assert.Equal("Đầu tư hệ thống thu gom nước thải khu trung tâm", tasks[2].Text);
        Assert.Equal(["Ban Quản lý dự án tỉnh"], tasks[2].Lead);
        Assert.Equal(new DateOnly(2030, 12, 31), tasks[2].Deadline?.Due);
        Assert.Equal(["Sở Xây dựng"], tasks[3].Lead);
        Assert.Empty(tasks[3].Cooperating);
        Assert.Equal(new DateOnly(2026, 12, 31), tasks[3].Deadline?.Due);
    }

    [Fact]
    public void ShortLinesThatOnlyLookLikeAHeader_AreNotATable()
    {
        // A plan's outline whose headings happen to be header words: no content and lead pair, no table.
        var tasks = Tasks("II. NHIỆM VỤ\nNhiệm vụ\nThời gian\nKết quả\n1. Sở Xây dựng rà soát quy hoạch chung đô thị trong Quý II/2024.");

        var task = Assert.Single(tasks);
        Assert.Equal(["Sở Xây dựng"], task.Lead);
    }

    [Fact]
    public void AScansMarksBesideKinhGui_AreNoAddressee()
    {
        var tasks = Tasks("BỘ TÀI CHÍNH\nSố: 12/BTC-QLCS\nKính gửi: DA ä .\n- Các Bộ, cơ quan ngang bộ;\n- Ủy ban nhân dân các tỉnh.\nĐể triển khai Nghị định số 178/2026/NĐ-CP, Bộ Tài chính đề nghị:\n1. Rà soát, thống kê toàn bộ tài sản kết cấu hạ tầng.");

        Assert.Equal(["Các Bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh"], Assert.Single(tasks).Lead);
    }

    [Fact]
    public void AListThatHandsEachFieldToABody_NamesItAfterTheDash_AndAHeadingsOpenBracketIsDropped()
    {
        var tasks = Tasks("II. NHIỆM VỤ\n3. Đối với các Bộ quản lý chuyên ngành (theo quy định tại khoản 5 Điều 3\n\na) Công bố danh mục tài sản kết cấu hạ tầng theo ngành, cụ thể như sau:\n- Tài sản kết cấu hạ tầng cụm công nghiệp - Bộ Công Thương.\n- Tài sản kết cấu hạ tầng khu công nghiệp, khu kinh tế — Bộ Tài chính.\nb) Hướng dẫn về danh mục tài sản kết cấu hạ tầng giao cho doanh nghiệp.");

        Assert.Equal(["Bộ Công Thương"], tasks.Single(t => t.Text.Contains("cụm công nghiệp", StringComparison.Ordinal)).Lead);
        Assert.Equal(["Bộ Tài chính"], tasks.Single(t => t.Text.Contains("khu kinh tế", StringComparison.Ordinal)).Lead);
        Assert.Equal(["các Bộ quản lý chuyên ngành"], tasks.Single(t => t.Text.StartsWith("Hướng dẫn", StringComparison.Ordinal)).Lead);
    }

    [Theory]
    [InlineData("Các Sở, ban, ngành, UBND xã, phường và các cơ quan, tổ chức có liên quan căn cứ Kế hoạch này, xây dựng kế hoạch triển khai tại đơn vị.", new[] { "Các Sở, ban, ngành", "UBND xã, phường", "các cơ quan, tổ chức có liên quan" })]
    [InlineData("Các cơ quan, tổ chức tổ chức tuyên truyền Kế hoạch này.", new[] { "Các cơ quan, tổ chức" })]
    public void OrganisationsListedAmongBodies_AreNotTheVerbToHold(string item, string[] lead)
    {
        var task = Assert.Single(Tasks("III. TỔ CHỨC THỰC HIỆN\n2. " + item));

        Assert.Equal(lead, task.Lead);
    }

    [Fact]
    public void ALineEndingOnAComma_GoesOnOnTheNextLine()
    {
        var task = Assert.Single(Tasks("II. NHIỆM VỤ\n1. Công an Thành phố:\n- Hướng dẫn các Sở, ban, ngành,\nUBND xã, phường và đơn vị liên quan trong việc số hóa, khai thác dữ liệu dân cư."));

        Assert.Equal("Hướng dẫn các Sở, ban, ngành, UBND xã, phường và đơn vị liên quan trong việc số hóa, khai thác dữ liệu dân cư.", task.Text);
        Assert.Equal(["Công an Thành phố"], task.Lead);
    }

    [Fact]
    public void ALongPointThatNamesItsBody_IsATask_EvenWithPointsUnderIt_WhileATitleHeadsThem()
    {
        var tasks = Tasks("III. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ theo dõi, đôn đốc các Sở, ban, ngành, UBND xã, phường triển khai thực hiện nhiệm vụ được nêu trong Kế hoạch theo đúng tiến độ; tham mưu UBND Thành phố báo cáo kết quả triển khai\n- Cơ quan thường trực Tổ công tác cập nhật kết quả trước ngày 20 hằng tháng.\n2. Xác định, tập trung đầu tư xây dựng các đô thị chức năng khu vực, dự án công trình trọng điểm để thu hút nguồn lực, tạo động lực phát triển hệ thống đô thị của tỉnh bền vững, hiện đại và đồng bộ\n- Kiến tạo mô hình phân bổ không gian phát triển đô thị hiệu quả.");

        Assert.Equal(["Sở Khoa học và Công nghệ"], tasks[0].Lead);
        Assert.StartsWith("Sở Khoa học và Công nghệ theo dõi", tasks[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(tasks, t => t.Text.StartsWith("Xác định, tập trung", StringComparison.Ordinal));
        Assert.Contains(tasks, t => t.Text.StartsWith("Kiến tạo mô hình", StringComparison.Ordinal));
    }

    [Fact]
    public void AReportDueOnADayOfTheYear_WithNoYear_IsDueEveryYear_ButADatedOneIsNot()
    {
        var tasks = Tasks("I. NHIỆM VỤ\n2. Chế độ báo cáo:\n- Báo cáo 6 tháng: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 05/7;\nSở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7.\n- Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7/2026.");

        Assert.Equal(("recurring", (DateOnly?)null), (tasks[0].Deadline?.Precision, tasks[0].Deadline?.Due));
        Assert.Equal(("recurring", (DateOnly?)null), (tasks[1].Deadline?.Precision, tasks[1].Deadline?.Due));
        Assert.Equal("day", tasks[2].Deadline?.Precision);
        Assert.NotNull(tasks[2].Deadline?.Due);
    }
}
