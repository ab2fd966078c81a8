using LoTrinh.Core.Documents;

namespace LoTrinh.Core.Tests.Documents;

public sealed class OutlineTests
{
    private const string Plan = """
        KẾ HOẠCH
        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích:
        a) Quán triệt nghị quyết.
        b) Xác định nhiệm vụ; năm 2025 đạt 54%.
        II. MỤC TIÊU
        1. Mục tiêu:
        - Đến năm 2025: đạt tiêu chí đô thị loại IV.
        III. NHIỆM VỤ
        2. Quy hoạch:
        c) Lập quy hoạch chung.
        """;

    [Fact]
    public void Read_RomanNumberedLettered_GivesLabelledTree()
    {
        var labels = Outline.Read(Plan).Select(s => s.Label).ToList();

        Assert.Equal(["I", "I.1", "I.1.a", "I.1.b", "II", "II.1", "III", "III.2", "III.2.c"], labels);
    }

    [Fact]
    public void SectionAt_OffsetInsideAPoint_GivesThatPoint()
    {
        var sections = Outline.Read(Plan);

        Assert.Equal("I.1.b", Outline.SectionAt(sections, Plan.IndexOf("54%", StringComparison.Ordinal)));
        Assert.Equal("II.1", Outline.SectionAt(sections, Plan.IndexOf("loại IV", StringComparison.Ordinal)));
        Assert.Null(Outline.SectionAt(sections, 0));
    }

    [Fact]
    public void Read_NumberedPointsWithoutParts_AreTopLevel()
    {
        var labels = Outline.Read("1. Chỉ đạo.\n2. UBND huyện chấn chỉnh.\n- Đối với dự án.\n").Select(s => s.Label);

        Assert.Equal(["1", "2"], labels);
    }
}
