using System.Globalization;
using LoTrinh.Core.Calendar;

namespace LoTrinh.Core.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2007, 2, 17)] // China (UTC+8) had 18/2: the new moon fell just before midnight here
    [InlineData(2023, 1, 22)]
    [InlineData(2024, 2, 10)]
    [InlineData(2025, 1, 29)]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    [InlineData(1985, 1, 21)] // a whole month before China's 20/2: the 11th month fell otherwise at UTC+7
    public void TetFallsOnTheDayVietnamKeeps(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), VietnameseLunarCalendar.NewYear(year));

    [Fact]
    public void ReckonedAtUtcPlus8_2007GivesChinasDay() =>
        Assert.Equal(new DateOnly(2007, 2, 18), VietnameseLunarCalendar.NewYear(2007, timeZone: 8));

    [Fact]
    public void ReckonedAtUtcPlus8_AgreesWithDotNetsChineseCalendar_Over1929To2099()
    {
        // From 1929 China reckons at UTC+8 (before, at Beijing's local time: 1916 then differs by a day).
        var chinese = new ChineseLunisolarCalendar();
        var disagree = new List<int>();
        for (var year = 1929; year <= 2099; year++)
        {
            var theirs = DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0));
            if (VietnameseLunarCalendar.NewYear(year, timeZone: 8) != theirs)
            {
                disagree.Add(year);
            }
        }

        Assert.True(disagree.Count == 0, string.Join(", ", disagree));
    }

    [Theory]
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)] // a Sunday: the day off is given on Monday 27/4
    public void HungKingsDay_Is10ThOfTheThirdMonth(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), VietnameseLunarCalendar.HungKingsDay(year));

    [Fact]
    public void LeapMonths_AreCountedWhereTheyFall()
    {
        // 2023 had a second 2nd month (tháng 2 nhuận), 2025 a second 6th.
        Assert.Equal(new DateOnly(2023, 3, 22), VietnameseLunarCalendar.ToSolar(2023, 2, 1, leap: true));
        Assert.Equal(new DateOnly(2023, 4, 20), VietnameseLunarCalendar.ToSolar(2023, 3, 1));
        Assert.Equal(new DateOnly(2025, 7, 25), VietnameseLunarCalendar.ToSolar(2025, 6, 1, leap: true));
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(2023, 5, 1, leap: true));
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(2024, 5, 1, leap: true));
    }

    [Fact]
    public void ImpossibleLunarDays_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2026, 13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2026, 1, 31));
    }
}
