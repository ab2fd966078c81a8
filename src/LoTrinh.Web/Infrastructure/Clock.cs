namespace LoTrinh.Web;

/// <summary>"Today" is a date in Việt Nam, whatever the server's time zone.</summary>
public static class Clock
{
    private static readonly TimeZoneInfo VietNam = FindVietNam();

    public static DateOnly Today(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), VietNam).DateTime);
    }

    /// <summary>An instant as a clock in Việt Nam shows it: every time a page prints is in Asia/Ho_Chi_Minh.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, VietNam);

    private static TimeZoneInfo FindVietNam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // No tz database: Việt Nam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        }
    }
}
