using LoTrinh.Core.Calendar;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Calendar;

/// <summary>Where a year's days come from.</summary>
public enum YearOrigin
{
    /// <summary>Entered (or corrected) by an administrator.</summary>
    Entered,

    /// <summary>As announced, shipped with LoTrinh.</summary>
    Announced,

    /// <summary>Foreseen from the Labour Code until the year is announced: tạm tính.</summary>
    Provisional,
}

public sealed record CalendarYearView(int Year, YearOrigin Origin, string Source, bool Provisional, IReadOnlyList<CalendarDay> Days);

/// <summary>The working-day calendar as the rest of LoTrinh reads it: each year as entered, else as shipped, else foreseen.</summary>
public static class WorkingCalendars
{
    public static async Task<IReadOnlyList<CalendarYearView>> YearsAsync(AppDbContext db, int from, int to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entered = await db.CalendarYears.AsNoTracking().Include(y => y.Days)
            .Where(y => y.Year >= from && y.Year <= to).ToDictionaryAsync(y => y.Year, ct);
        return [.. Enumerable.Range(from, Math.Max(0, to - from + 1)).Select(year =>
            entered.TryGetValue(year, out var row)
                ? new CalendarYearView(year, YearOrigin.Entered, row.Source, row.Provisional,
                    [.. row.Days.OrderBy(d => d.Day).Select(d => new CalendarDay(d.Day, d.Kind, d.Note))])
                : AnnouncedYear.Shipped.FirstOrDefault(a => a.Year == year) is { } shipped
                    ? new CalendarYearView(year, YearOrigin.Announced, shipped.Source, false, shipped.Days)
                    : new CalendarYearView(year, YearOrigin.Provisional, "Tạm tính theo Bộ luật Lao động 2019 (Điều 111, 112) và âm lịch Việt Nam; chưa có lịch nghỉ công bố.", true, PublicHolidays.Provisional(year)))];
    }

    /// <summary>The calendar over the years around a span (a deadline may roll into the next year).</summary>
    public static async Task<WorkingCalendar> ForAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var years = await YearsAsync(db, from.Year - 1, to.Year + 1, ct);
        return new WorkingCalendar(years.SelectMany(y => y.Days));
    }

    public static string Vietnamese(this YearOrigin origin) => origin switch
    {
        YearOrigin.Entered => "Quản trị viên nhập",
        YearOrigin.Announced => "Theo lịch nghỉ đã công bố",
        _ => "Tạm tính",
    };
}
