using LoTrinh.Core.Reporting;

namespace LoTrinh.Core.Tests.Reporting;

public sealed class EvidenceFilesTests
{
    private static byte[] Bytes(params byte[] head) => [.. head, .. new byte[32]];

    [Theory]
    [InlineData("bien-ban.pdf", EvidenceKind.Pdf, new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D })]
    [InlineData("Báo cáo.DOCX", EvidenceKind.Docx, new byte[] { 0x50, 0x4B, 3, 4 })]
    [InlineData("so-lieu.xlsx", EvidenceKind.Xlsx, new byte[] { 0x50, 0x4B, 3, 4 })]
    [InlineData("anh hien truong.png", EvidenceKind.Png, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    [InlineData("anh.jpg", EvidenceKind.Jpeg, new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [InlineData("anh.jpeg", EvidenceKind.Jpeg, new byte[] { 0xFF, 0xD8, 0xFF, 0xE1 })]
    public void AFileWhoseContentIsWhatItsNameSays_IsTaken(string name, EvidenceKind kind, byte[] head)
    {
        var (found, problem) = EvidenceFiles.Check(name, Bytes(head));
        Assert.Null(problem);
        Assert.Equal(kind, found);
    }

    [Theory]
    [InlineData("chay-toi.exe", new byte[] { 0x4D, 0x5A }, "chỉ nhận")]
    [InlineData("script.pdf.js", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "chỉ nhận")]
    [InlineData("gia-mao.pdf", new byte[] { 0x4D, 0x5A, 0x90 }, "không phải .pdf")]
    [InlineData("anh.png", new byte[] { 0xFF, 0xD8, 0xFF }, "không phải .png")]
    [InlineData("bang.xlsx", new byte[] { 0x25, 0x50, 0x44, 0x46 }, "không phải .xlsx")]
    [InlineData("", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "Tên tệp")]
    [InlineData("a\u0000b.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "Tên tệp")]
    public void AFileOfAForbiddenTypeOrInDisguise_IsRefusedSayingWhy(string name, byte[] head, string said)
    {
        var (kind, problem) = EvidenceFiles.Check(name, Bytes(head));
        Assert.Null(kind);
        Assert.Contains(said, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyOrOversizedFile_IsRefused()
    {
        Assert.Contains("rỗng", EvidenceFiles.Check("a.pdf", []).Problem, StringComparison.Ordinal);
        var big = new byte[EvidenceFiles.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.Contains("vượt giới hạn 10 MB", EvidenceFiles.Check("a.pdf", big).Problem, StringComparison.Ordinal);
        var limit = new byte[EvidenceFiles.MaxBytes];
        "%PDF-"u8.CopyTo(limit);
        Assert.Null(EvidenceFiles.Check("a.pdf", limit).Problem);
    }
}
