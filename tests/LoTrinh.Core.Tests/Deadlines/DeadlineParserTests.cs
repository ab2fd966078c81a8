using System.Globalization;
using System.Text;
using LoTrinh.Core.Deadlines;

namespace LoTrinh.Core.Tests.Deadlines;

public sealed class DeadlineParserTests
{
    [Theory]
    // Quarters, Roman and Arabic, every quarter end.
    [InlineData("Quý I/2023", "2023-03-31", DeadlinePrecision.Quarter)]
    [InlineData("Quý II/2022", "2022-06-30", DeadlinePrecision.Quarter)]
    [InlineData("quý III/2024", "2024-09-30", DeadlinePrecision.Quarter)]
    [InlineData("Quý IV/2024", "2024-12-31", DeadlinePrecision.Quarter)]
    [InlineData("quý 2 năm 2022", "2022-06-30", DeadlinePrecision.Quarter)]
    [InlineData("trong quý I năm 2023", "2023-03-31", DeadlinePrecision.Quarter)]
    [InlineData("Quý 4-2025", "2025-12-31", DeadlinePrecision.Quarter)]
    [InlineData("chậm nhất tháng Quý I/2024", "2024-03-31", DeadlinePrecision.Quarter)]
    [InlineData("trước Quý III/2024", "2024-06-30", DeadlinePrecision.Quarter)]
    // Months; BLDS 2015 Điều 146 for đầu / giữa / cuối tháng; leap February.
    [InlineData("tháng 8 năm 2023", "2023-08-31", DeadlinePrecision.Month)]
    [InlineData("trong tháng 8/2023", "2023-08-31", DeadlinePrecision.Month)]
    [InlineData("hoàn thành trong tháng 8 năm 2023", "2023-08-31", DeadlinePrecision.Month)]
    [InlineData("tháng 9 năm 2023 phải khởi công", "2023-09-30", DeadlinePrecision.Month)]
    [InlineData("tháng 02/2024", "2024-02-29", DeadlinePrecision.Month)]
    [InlineData("tháng 2/2023", "2023-02-28", DeadlinePrecision.Month)]
    [InlineData("đầu tháng 8/2023", "2023-08-01", DeadlinePrecision.Month)]
    [InlineData("giữa tháng 8/2023", "2023-08-15", DeadlinePrecision.Month)]
    [InlineData("cuối tháng 8/2023", "2023-08-31", DeadlinePrecision.Month)]
    [InlineData("tháng 12 năm 2025", "2025-12-31", DeadlinePrecision.Month)]
    [InlineData("trước tháng 8/2023", "2023-07-31", DeadlinePrecision.Month)]
    // Parts of a year.
    [InlineData("6 tháng đầu năm 2024", "2024-06-30", DeadlinePrecision.Half)]
    [InlineData("06 tháng cuối năm 2024", "2024-12-31", DeadlinePrecision.Half)]
    [InlineData("nửa đầu năm 2025", "2025-06-30", DeadlinePrecision.Half)]
    [InlineData("9 tháng đầu năm 2024", "2024-09-30", DeadlinePrecision.Quarter)]
    [InlineData("đầu năm 2025", "2025-01-01", DeadlinePrecision.Year)]
    [InlineData("giữa năm 2025", "2025-06-30", DeadlinePrecision.Half)]
    [InlineData("cuối năm 2025", "2025-12-31", DeadlinePrecision.Year)]
    // Years and periods.
    [InlineData("năm 2025", "2025-12-31", DeadlinePrecision.Year)]
    [InlineData("trong năm 2025", "2025-12-31", DeadlinePrecision.Year)]
    [InlineData("đến năm 2025", "2025-12-31", DeadlinePrecision.Year)]
    [InlineData("đến 2045", "2045-12-31", DeadlinePrecision.Year)]
    [InlineData("giai đoạn 2021-2025", "2025-12-31", DeadlinePrecision.Year)]
    [InlineData("giai đoạn 2021 – 2025", "2025-12-31", DeadlinePrecision.Year)]
    [InlineData("năm 2024-2025", "2025-12-31", DeadlinePrecision.Year)]
    [InlineData("trước năm 2030", "2029-12-31", DeadlinePrecision.Year)]
    // Explicit dates.
    [InlineData("30/6/2023", "2023-06-30", DeadlinePrecision.Day)]
    [InlineData("20.7.2020", "2020-07-20", DeadlinePrecision.Day)]
    [InlineData("ngày 05 tháng 02 năm 2026", "2026-02-05", DeadlinePrecision.Day)]
    [InlineData("chậm nhất ngày 30/6/2023", "2023-06-30", DeadlinePrecision.Day)]
    [InlineData("trước hoặc trong ngày 30/6/2023", "2023-06-30", DeadlinePrecision.Day)]
    [InlineData("29/02/2024", "2024-02-29", DeadlinePrecision.Day)]
    [InlineData("31/12/2025", "2025-12-31", DeadlinePrecision.Day)]
    [InlineData("01/01/2026", "2026-01-01", DeadlinePrecision.Day)]
    [InlineData("Quý III, năm 2022", "2022-09-30", DeadlinePrecision.Quarter)]
    [InlineData("Quý III, IV/2026", "2026-12-31", DeadlinePrecision.Quarter)]
    [InlineData("Tháng 12, năm 2022", "2022-12-31", DeadlinePrecision.Month)]
    [InlineData("12/2019", "2019-12-31", DeadlinePrecision.Month)]
    [InlineData("10-11/2019", "2019-11-30", DeadlinePrecision.Month)]
    [InlineData("01-4/2021", "2021-04-30", DeadlinePrecision.Month)]
    public void Parse_KnownPhrase_GivesDueDateAndPrecision(string text, string due, DeadlinePrecision precision)
    {
        var result = DeadlineParser.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), result.Deadline.Due);
        Assert.Equal(precision, result.Deadline.Precision);
        Assert.Equal(text, result.Deadline.Text);
    }

    [Theory]
    [InlineData("thường xuyên")]
    [InlineData("Thường xuyên")]
    [InlineData("hằng năm")]
    [InlineData("hàng năm")]
    [InlineData("hàng năm và theo giai đoạn")]
    [InlineData("hàng quý")]
    [InlineData("hằng quý")]
    [InlineData("định kỳ")]
    [InlineData("định kỳ 6 tháng")]
    [InlineData("trước ngày 15/12 hằng năm")]
    [InlineData("Năm 2022 và hàng năm")]
    [InlineData("Năm 2025 và các năm tiếp theo")]
    public void Parse_RecurringPhrase_HasNoDueDate(string text)
    {
        var result = DeadlineParser.Parse(text);

        Assert.True(result.IsValid);
        Assert.Equal(DeadlinePrecision.Recurring, result.Deadline.Precision);
        Assert.Null(result.Deadline.Due);
    }

    [Theory]
    [InlineData("theo tiến độ dự án")]
    [InlineData("theo chỉ đạo của UBND tỉnh")]
    [InlineData("sớm")]
    [InlineData("")]
    [InlineData("Quý II")]
    [InlineData("tháng 8")]
    [InlineData("trong 5 năm")]
    public void Parse_UnreadableText_IsKeptWithPrecisionNone(string text)
    {
        var result = DeadlineParser.Parse(text);

        Assert.True(result.IsValid);
        Assert.Equal(DeadlinePrecision.None, result.Deadline.Precision);
        Assert.Null(result.Deadline.Due);
        Assert.Equal(text, result.Deadline.Text);
    }

    [Theory]
    [InlineData("31/02/2024", "31/02/2024")]
    [InlineData("30/02/2024", "30/02/2024")]
    [InlineData("29/02/2023", "29/02/2023")]
    [InlineData("32/1/2024", "32/01/2024")]
    [InlineData("ngày 31 tháng 4 năm 2024", "31/04/2024")]
    [InlineData("15/13/2024", "15/13/2024")]
    [InlineData("Quý V/2022", "Quý V")]
    [InlineData("quý 5 năm 2022", "Quý 5")]
    [InlineData("tháng 13/2023", "Tháng 13")]
    [InlineData("tháng 0/2023", "Tháng 0")]
    [InlineData("giai đoạn 2025-2021", "2025")]
    [InlineData("năm 3025", "3025")]
    [InlineData("11-10/2019", "11–10/2019")]
    [InlineData("10-13/2019", "Tháng 13")]
    public void Parse_ImpossibleDate_IsAnErrorNamingIt(string text, string named)
    {
        var result = DeadlineParser.Parse(text);

        Assert.False(result.IsValid);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Equal(DeadlinePrecision.None, result.Deadline.Precision);
        Assert.Null(result.Deadline.Due);
    }

    [Theory]
    [InlineData("trước ngày 30/6/2023", true)]
    [InlineData("trước 30/6/2023", true)]
    [InlineData("chậm nhất ngày 30/6/2023", false)]
    [InlineData("trước hoặc trong ngày 30/6/2023", false)]
    [InlineData("ngày 30/6/2023", false)]
    public void Parse_BeforeDay_KeepsExclusiveFlagAndTheWrittenDay(string text, bool exclusive)
    {
        var deadline = DeadlineParser.Parse(text).Deadline;

        Assert.Equal(new DateOnly(2023, 6, 30), deadline.Due);
        Assert.Equal(exclusive, deadline.Exclusive);
        Assert.Equal(exclusive ? new DateOnly(2023, 6, 29) : new DateOnly(2023, 6, 30), deadline.LastDay(strictBefore: true));
        Assert.Equal(new DateOnly(2023, 6, 30), deadline.LastDay(strictBefore: false));
    }

    [Theory]
    [InlineData("Quý II", "2024-06-30", DeadlinePrecision.Quarter)]
    [InlineData("tháng 8", "2024-08-31", DeadlinePrecision.Month)]
    [InlineData("9 tháng đầu năm", "2024-09-30", DeadlinePrecision.Quarter)]
    [InlineData("6 tháng đầu năm", "2024-06-30", DeadlinePrecision.Half)]
    [InlineData("cuối năm", "2024-12-31", DeadlinePrecision.Year)]
    [InlineData("trong năm", "2024-12-31", DeadlinePrecision.Year)]
    [InlineData("trước ngày 30/6", "2024-06-30", DeadlinePrecision.Day)]
    [InlineData("ngày 15 tháng 6", "2024-06-15", DeadlinePrecision.Day)]
    public void Parse_PhraseWithoutYear_TakesTheDirectivesYear(string text, string due, DeadlinePrecision precision)
    {
        var result = DeadlineParser.Parse(text, contextYear: 2024);

        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), result.Deadline.Due);
        Assert.Equal(precision, result.Deadline.Precision);
    }

    [Theory]
    [InlineData("Quý II/2022")]
    [InlineData("hoàn thành trong tháng 8 năm 2023")]
    [InlineData("chậm nhất ngày 30/6/2023")]
    [InlineData("ngày 05 tháng 02 năm 2026")]
    public void Parse_DecomposedInput_ReadsAsComposed(string text)
    {
        var composed = DeadlineParser.Parse(text).Deadline;
        var decomposed = DeadlineParser.Parse(text.Normalize(NormalizationForm.FormD)).Deadline;

        Assert.Equal(composed.Due, decomposed.Due);
        Assert.Equal(composed.Precision, decomposed.Precision);
        Assert.NotEqual(DeadlinePrecision.None, decomposed.Precision);
        Assert.True(decomposed.Text.IsNormalized(NormalizationForm.FormC));
    }
}
