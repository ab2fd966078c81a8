using LoTrinh.Core.Documents;

namespace LoTrinh.Core.Tests.Documents;

public sealed class DirectiveNumberTests
{
    [Theory]
    [InlineData("29-CTr/TU", "29-CTr/TU", NumberForm.Party, 29, null, "CTr", "TU")]
    [InlineData("06-NQ/TW", "06-NQ/TW", NumberForm.Party, 6, null, "NQ", "TW")]
    [InlineData("Số 16 -KL/BCĐ", "16-KL/BCĐ", NumberForm.Party, 16, null, "KL", "BCĐ")]
    [InlineData("3316/KH-UBND", "3316/KH-UBND", NumberForm.State, 3316, null, "KH", "UBND")]
    [InlineData("Số: 178/QĐ-UBND", "178/QĐ-UBND", NumberForm.State, 178, null, "QĐ", "UBND")]
    [InlineData("09/2019/NĐ-CP", "09/2019/NĐ-CP", NumberForm.State, 9, 2019, "NĐ", "CP")]
    [InlineData("111/2025/UBTVQH15", "111/2025/UBTVQH15", NumberForm.State, 111, 2025, null, "UBTVQH15")]
    [InlineData("1671/NQ-UBTVQH15", "1671/NQ-UBTVQH15", NumberForm.State, 1671, null, "NQ", "UBTVQH15")]
    [InlineData("3316 / KH - UBND", "3316/KH-UBND", NumberForm.State, 3316, null, "KH", "UBND")]
    public void TryParse_BothForms_ReadsTheirParts(string text, string canonical, NumberForm form, int sequence, int? year, string? kind, string issuer)
    {
        Assert.True(DirectiveNumber.TryParse(text, out var number, out var error), error);
        Assert.Equal(new DirectiveNumber(canonical, form, sequence, year, kind, issuer), number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kế hoạch số ba")]
    [InlineData("29/")]
    [InlineData("CTr-29/TU")]
    [InlineData("3316-KH-UBND")]
    [InlineData("29-CTr")]
    public void TryParse_NeitherForm_ExplainsWhy(string text)
    {
        Assert.False(DirectiveNumber.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
