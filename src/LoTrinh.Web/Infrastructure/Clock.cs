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

    /// <summary>The instant a day ends in Việt Nam (the next day's midnight there): a day's records are those before it.</summary>
    public static DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        // In UTC: PostgreSQL's timestamptz takes an instant, and Npgsql sends only offset 0.
        return new DateTimeOffset(midnight, VietNam.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>An instant as a clock in Việt Nam shows it: every time a page prints is in Asia/Ho_Chi_Minh.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, VietNam);

    /// <summary>
    /// The system clock; or, when Clock:Start is set (an instant, e.g. 2026-06-23T09:00:00+07:00), a clock that starts
    /// there and runs on — for a training copy that replays a past period, and for tests that walk one.
    /// </summary>
    public static TimeProvider Provider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Clock:Start"] is { Length: > 0 } start
            && DateTimeOffset.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant)
            ? new StartedAt(instant)
            : TimeProvider.System;
    }

    private sealed class StartedAt(DateTimeOffset start) : TimeProvider
    {
        private readonly DateTimeOffset _startedAt = TimeProvider.System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + (TimeProvider.System.GetUtcNow() - _startedAt);
    }

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
