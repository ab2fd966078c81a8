namespace LoTrinh.Core.Calendar;

/// <summary>
/// The days off a year is expected to have before the Prime Minister announces it (Bộ luật Lao động 2019, Điều 112):
/// 1/1; Tết Âm lịch, 5 days; Giỗ Tổ Hùng Vương (10/3 âm lịch); 30/4; 1/5; Quốc khánh 2/9 and a day beside it — each
/// falling on a weekend given on the next working day (nghỉ bù, Điều 111 khoản 3). The announced year replaces it:
/// the announcements also swap days (a weekday off for a Saturday worked), which no rule foresees.
/// </summary>
public static class PublicHolidays
{
    public static IReadOnlyList<CalendarDay> Provisional(int year)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);
        var national = new DateOnly(year, 9, 2);
        // The second day of Quốc khánh: the eve, unless that is a weekend day or a Thursday's eve (then the Friday after,
        // making the long weekend the announcements usually give).
        var besideNational = national.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday or DayOfWeek.Sunday
            ? national.AddDays(1) : national.AddDays(-1);
        var statutory = new List<(DateOnly Date, string Note)>
        {
            (new DateOnly(year, 1, 1), "Tết Dương lịch"),
            (tet.AddDays(-1), "Tết Nguyên đán"),
            (tet, "Tết Nguyên đán"),
            (tet.AddDays(1), "Tết Nguyên đán"),
            (tet.AddDays(2), "Tết Nguyên đán"),
            (tet.AddDays(3), "Tết Nguyên đán"),
            (VietnameseLunarCalendar.HungKingsDay(year), "Giỗ Tổ Hùng Vương"),
            (new DateOnly(year, 4, 30), "Ngày Chiến thắng 30/4"),
            (new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động"),
            (national, "Quốc khánh"),
            (besideNational, "Quốc khánh"),
        };
        statutory.Sort((a, b) => a.Date.CompareTo(b.Date));

        var off = new Dictionary<DateOnly, string>();
        foreach (var (date, note) in statutory)
        {
            off.TryAdd(date, note);
        }

        foreach (var (date, note) in statutory.Where(h => IsWeekend(h.Date)))
        {
            var given = date.AddDays(1);
            while (IsWeekend(given) || off.ContainsKey(given))
            {
                given = given.AddDays(1);
            }

            off.Add(given, $"Nghỉ bù {note}");
        }

        return [.. off.Where(d => !IsWeekend(d.Key)).OrderBy(d => d.Key).Select(d => new CalendarDay(d.Key, DayKind.DayOff, d.Value))];
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
