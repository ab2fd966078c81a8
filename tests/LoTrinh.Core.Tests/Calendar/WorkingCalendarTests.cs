using LoTrinh.Core.Calendar;

namespace LoTrinh.Core.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Year2026 = new(AnnouncedYear.Shipped.Single(y => y.Year == 2026).Days);

    private static DateOnly D(int day, int month, int year = 2026) => new(year, month, day);

    [Fact]
    public void TheMakeUpSaturdays_AreWorked_AndTheSwappedWeekdays_AreNot()
    {
        Assert.True(Year2026.IsWorkingDay(D(10, 1)));
        Assert.True(Year2026.IsWorkingDay(D(22, 8)));
        Assert.False(Year2026.IsWorkingDay(D(2, 1)));
        Assert.False(Year2026.IsWorkingDay(D(31, 8)));
        Assert.False(Year2026.IsWorkingDay(D(17, 1)));
        Assert.Equal("Thứ Bảy", Year2026.WhyOff(D(17, 1)));
        Assert.Null(Year2026.WhyOff(D(10, 1)));
    }

    [Fact]
    public void Tet2026_Is14To22February()
    {
        for (var day = D(14, 2); day <= D(22, 2); day = day.AddDays(1))
        {
            Assert.False(Year2026.IsWorkingDay(day), $"{day} is a day off");
        }

        Assert.True(Year2026.IsWorkingDay(D(13, 2)));
        Assert.True(Year2026.IsWorkingDay(D(23, 2)));
        Assert.Equal("Tết Nguyên đán", Year2026.WhyOff(D(18, 2)));
    }

    [Fact]
    public void Counting_AcrossTet()
    {
        Assert.Equal(D(23, 2), Year2026.AddWorkingDays(D(13, 2), 1));
        Assert.Equal(D(25, 2), Year2026.AddWorkingDays(D(11, 2), 5));
        Assert.Equal(D(13, 2), Year2026.AddWorkingDays(D(23, 2), -1));
        Assert.Equal(D(23, 2), Year2026.RollForward(D(16, 2)));
        Assert.Equal(1, Year2026.WorkingDaysAfter(D(13, 2), D(23, 2)));
        Assert.Equal(0, Year2026.WorkingDaysAfter(D(13, 2), D(22, 2)));
    }

    [Fact]
    public void Counting_OverTheMakeUpSaturdays()
    {
        // Friday 9/1 + 1 working day is Saturday 10/1, which is worked.
        Assert.Equal(D(10, 1), Year2026.AddWorkingDays(D(9, 1), 1));
        Assert.Equal(D(12, 1), Year2026.AddWorkingDays(D(9, 1), 2));
        Assert.Equal(D(24, 8), Year2026.AddWorkingDays(D(21, 8), 2));
        // Across Quốc khánh: Friday 28/8 + 1 is Thursday 3/9.
        Assert.Equal(D(3, 9), Year2026.AddWorkingDays(D(28, 8), 1));
        Assert.Equal(D(10, 1), Year2026.RollForward(D(10, 1)));
    }

    [Fact]
    public void ADeadlineOnSunday26April_RollsToTuesday28April()
    {
        Assert.Equal(D(28, 4), Year2026.RollForward(D(26, 4)));
        Assert.Contains("Giỗ Tổ", Year2026.WhyOff(D(27, 4)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(22, 6, 22, 6, 0)] // on the day
    [InlineData(22, 6, 19, 6, 0)] // early
    [InlineData(22, 6, 23, 6, 1)] // the next day
    [InlineData(19, 6, 20, 6, 1)] // Friday's deadline, sent on Saturday: as on Monday
    [InlineData(20, 6, 22, 6, 0)] // due on a Saturday: rolls to Monday, sent then
    [InlineData(13, 2, 23, 2, 1)] // across Tết: nine days later, one working day
    [InlineData(26, 4, 28, 4, 0)] // due on Giỗ Tổ Sunday, rolled over the Monday off to Tuesday
    [InlineData(26, 4, 29, 4, 1)]
    public void Lateness_IsCountedInWorkingDays(int dueDay, int dueMonth, int doneDay, int doneMonth, int late) =>
        Assert.Equal(late, Year2026.WorkingDaysLate(D(dueDay, dueMonth), D(doneDay, doneMonth)));

    [Fact]
    public void AddingZeroWorkingDays_KeepsTheDate() => Assert.Equal(D(14, 2), Year2026.AddWorkingDays(D(14, 2), 0));

    [Fact]
    public void Year2026_Has250WorkingDays() =>
        Assert.Equal(250, Year2026.WorkingDaysAfter(D(31, 12, 2025), D(31, 12)));

    [Fact]
    public void WithoutAnyHoliday_ItIsMondayToFriday()
    {
        Assert.Equal(D(16, 2), WorkingCalendar.MondayToFriday.AddWorkingDays(D(13, 2), 1));
        Assert.Equal(261, WorkingCalendar.MondayToFriday.WorkingDaysAfter(D(31, 12, 2025), D(31, 12)));
    }

    [Fact]
    public void Provisional2026_IsTheAnnouncedYearWithoutItsSwaps()
    {
        var provisional = PublicHolidays.Provisional(2026).Select(d => d.Date).ToHashSet();
        var announcedOff = Year2026.Exceptions.Where(d => d.Kind == DayKind.DayOff).Select(d => d.Date).ToHashSet();
        Assert.Subset(announcedOff, provisional);
        Assert.Equal([D(2, 1), D(31, 8)], announcedOff.Except(provisional).Order());
    }

    [Fact]
    public void Provisional2027_GivesWeekendHolidaysOnTheNextWorkingDays()
    {
        // Tết 2027 is Saturday 6/2: the eve Friday 5/2, then 6–9/2; Saturday and Sunday are given on 10 and 11/2.
        var days = PublicHolidays.Provisional(2027).ToDictionary(d => d.Date, d => d.Note);
        foreach (var day in new[] { D(5, 2, 2027), D(8, 2, 2027), D(9, 2, 2027), D(10, 2, 2027), D(11, 2, 2027) })
        {
            Assert.True(days.ContainsKey(day), $"{day} off");
        }

        Assert.False(days.ContainsKey(D(12, 2, 2027)));
        Assert.Equal("Nghỉ bù Tết Nguyên đán", days[D(10, 2, 2027)]);
        // 1/5/2027 is a Saturday: Monday 3/5. 2/9/2027 is a Thursday: with Friday 3/9.
        Assert.True(days.ContainsKey(D(3, 5, 2027)));
        Assert.True(days.ContainsKey(D(3, 9, 2027)));
        Assert.All(days.Keys, d => Assert.InRange(d.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
    }

    [Theory]
    [InlineData(2023, 9, 1)] // 2/9 a Saturday: Friday 1/9, and Monday 4/9 in its place
    [InlineData(2023, 9, 4)]
    [InlineData(2024, 9, 3)] // 2/9 a Monday: with Tuesday 3/9
    [InlineData(2025, 9, 1)] // 2/9 a Tuesday: with Monday 1/9
    public void Provisional_QuocKhanhTakesTheDayTheAnnouncementsGave(int year, int month, int day) =>
        Assert.Contains(PublicHolidays.Provisional(year), d => d.Date == new DateOnly(year, month, day));

    [Fact]
    public void EveryProvisionalYear_HasElevenHolidaysOnWeekdaysOrMore_AndNoneOnAWeekend()
    {
        for (var year = 2027; year <= 2060; year++)
        {
            var days = PublicHolidays.Provisional(year);
            // 11 holidays, each given on a weekday (itself or its nghỉ bù); a coincidence of two is rare.
            Assert.InRange(days.Count, 10, 11);
            Assert.All(days, d => Assert.InRange(d.Date.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
        }
    }

    [Fact]
    public void WorkingDaysAfter_FromRunningTotals_EqualsCountingDayByDay()
    {
        var random = new Random(17);
        for (var i = 0; i < 500; i++)
        {
            var after = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 4000));
            var day = after.AddDays(random.Next(-30, 800));
            var counted = 0;
            for (var d = after.AddDays(1); d <= day; d = d.AddDays(1))
            {
                counted += Year2026.IsWorkingDay(d) ? 1 : 0;
            }

            Assert.Equal(counted, Year2026.WorkingDaysAfter(after, day));
        }

        // Outside the table (before 1990) it is counted day by day.
        Assert.Equal(5, WorkingCalendar.MondayToFriday.WorkingDaysAfter(new DateOnly(1985, 1, 6), new DateOnly(1985, 1, 13)));
    }
}
