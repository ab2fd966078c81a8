namespace LoTrinh.Core.Calendar;

/// <summary>
/// The Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm: new moons and the sun's
/// longitude computed for a time zone. Việt Nam reckons at UTC+7; .NET's ChineseLunisolarCalendar reckons at
/// UTC+8 (China), and a new moon near midnight then falls on another day — Tết 2007 was 17/2 here, 18/2 there.
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>Việt Nam's time zone, in hours east of UTC.</summary>
    public const double Vietnam = 7;

    private const double SynodicMonth = 29.530588853;
    private const double EpochNewMoon = 2415021.076998695;

    /// <summary>The solar date of a lunar day; <paramref name="leap"/> for the leap month (tháng nhuận), which must exist that year.</summary>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leap = false, double timeZone = Vietnam)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = LunarMonth11(lunarYear - 1, timeZone);
            b11 = LunarMonth11(lunarYear, timeZone);
        }
        else
        {
            a11 = LunarMonth11(lunarYear, timeZone);
            b11 = LunarMonth11(lunarYear + 1, timeZone);
        }

        var k = (int)Math.Floor(0.5 + ((a11 - EpochNewMoon) / SynodicMonth));
        var offset = lunarMonth - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            // A year of thirteen months: the month without a principal term is the leap month.
            var leapOffset = LeapMonthOffset(a11, timeZone);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (leap && lunarMonth != leapMonth)
            {
                throw new ArgumentException($"Năm âm lịch {lunarYear} không có tháng {lunarMonth} nhuận.", nameof(leap));
            }

            if (leap || offset >= leapOffset)
            {
                offset += 1;
            }
        }
        else if (leap)
        {
            throw new ArgumentException($"Năm âm lịch {lunarYear} không có tháng nhuận.", nameof(leap));
        }

        return FromJulianDay(NewMoonDay(k + offset, timeZone) + lunarDay - 1);
    }

    /// <summary>Mùng 1 Tết: the first day of the first lunar month of <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year, double timeZone = Vietnam) => ToSolar(year, 1, 1, false, timeZone);

    /// <summary>Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month.</summary>
    public static DateOnly HungKingsDay(int year) => ToSolar(year, 3, 10);

    private static int JulianDay(DateOnly date) => date.DayNumber + 1721426;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - 1721426);

    /// <summary>The day (Julian day number) of the k-th new moon after 1/1/1900, in the given zone.</summary>
    private static int NewMoonDay(int k, double timeZone) => (int)Math.Floor(NewMoon(k) + 0.5 + (timeZone / 24));

    /// <summary>The k-th new moon as a Julian date (Meeus, as used by the algorithm).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's longitude at the start of a day, as one of twelve 30° sectors (0 = from the vernal equinox).</summary>
    private static int SunSector(int julianDay, double timeZone) => (int)Math.Floor(SunLongitude(julianDay - 0.5 - (timeZone / 24)) / Math.PI * 6);

    private static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl += ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }

    /// <summary>The first day of the 11th lunar month (the one holding the winter solstice) of a solar year.</summary>
    private static int LunarMonth11(int year, double timeZone)
    {
        var off = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var newMoon = NewMoonDay(k, timeZone);
        return SunSector(newMoon, timeZone) >= 9 ? NewMoonDay(k - 1, timeZone) : newMoon;
    }

    /// <summary>Which month after the 11th is the leap month: the first with no change of sector.</summary>
    private static int LeapMonthOffset(int a11, double timeZone)
    {
        var k = (int)Math.Floor(((a11 - EpochNewMoon) / SynodicMonth) + 0.5);
        var i = 1;
        var arc = SunSector(NewMoonDay(k + i, timeZone), timeZone);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunSector(NewMoonDay(k + i, timeZone), timeZone);
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
