using System.Globalization;
using System.Text.RegularExpressions;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Deadlines;

/// <summary>The result of reading a deadline phrase: the deadline, or the reason it is impossible.</summary>
/// <param name="Deadline">Always set; precision <see cref="DeadlinePrecision.None"/> when unreadable.</param>
/// <param name="Error">Set when the text has the shape of a deadline but names a day, month or
/// quarter that does not exist ("31/02/2024", "Quý V/2022"). Unreadable text is not an error.</param>
public sealed record DeadlineParseResult(Deadline Deadline, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Turns the deadline phrases of Vietnamese directives into a due date and a precision
/// (vn-conventions §3.2). The due date is the last day of the period named; "đầu/giữa/cuối tháng"
/// and "đầu/giữa/cuối năm" follow Bộ luật Dân sự 2015, Điều 146. A phrase with no year takes
/// <c>contextYear</c> (the year of the directive) when given; otherwise it stays unreadable.
/// </summary>
public static partial class DeadlineParser
{
    private const int MinYear = 1900;
    private const int MaxYear = 2199;

    public static DeadlineParseResult Parse(string text, int? contextYear = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var written = VietnameseText.CollapseWhitespace(VietnameseText.Normalize(text));
        var s = written.ToLowerInvariant();
        if (s.Length == 0)
        {
            return new(Deadline.Unreadable(written), null);
        }

        var dated = ReadDated(s, contextYear, out var explicitYear);
        // "Năm 2022 và hàng năm": a first year, then every year.
        if (RecurringWords().IsMatch(s) && (!explicitYear || AndEveryYear().IsMatch(s)))
        {
            return new(new Deadline(written, null, DeadlinePrecision.Recurring), null);
        }

        return dated switch
        {
            null => new(Deadline.Unreadable(written), null),
            { Error: { } error } => new(Deadline.Unreadable(written), error),
            { } found => new(new Deadline(written, found.Due, found.Precision, found.Exclusive), null),
        };
    }

    private sealed record Reading(DateOnly? Due, DeadlinePrecision Precision, bool Exclusive = false, string? Error = null);

    private static Reading? ReadDated(string s, int? contextYear, out bool explicitYear)
    {
        explicitYear = false;
        foreach (var reader in Readers)
        {
            var reading = reader(s, contextYear, ref explicitYear);
            if (reading is not null)
            {
                return reading;
            }
        }

        return null;
    }

    private delegate Reading? Reader(string s, int? contextYear, ref bool explicitYear);

    private static readonly Reader[] Readers =
    [
        ReadFullDate, ReadDayWithoutYear, ReadQuarter, ReadPartOfYear, ReadMonth, ReadMonthOfYear, ReadYearSpan, ReadYear,
    ];

    private static Reading? ReadFullDate(string s, int? contextYear, ref bool explicitYear)
    {
        var m = NumericDate().Match(s);
        if (!m.Success)
        {
            m = WordedDate().Match(s);
        }

        if (!m.Success)
        {
            return null;
        }

        explicitYear = true;
        return Day(m, int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), s);
    }

    private static Reading? ReadDayWithoutYear(string s, int? contextYear, ref bool explicitYear)
    {
        var m = DateWithoutYear().Match(s);
        if (!m.Success)
        {
            return null;
        }

        return contextYear is { } year ? Day(m, year, s) : null;
    }

    private static Reading Day(Match m, int year, string s)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (YearError(year) is { } yearError)
        {
            return new(null, DeadlinePrecision.None, Error: yearError);
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new(null, DeadlinePrecision.None,
                Error: $"Ngày {day:00}/{month:00}/{year} không tồn tại.");
        }

        // "trước ngày X" is literally exclusive; "trước hoặc trong ngày X" is not.
        var exclusive = StrictlyBefore(s, m) && !s.Contains("trước hoặc trong", StringComparison.Ordinal);
        return new(new DateOnly(year, month, day), DeadlinePrecision.Day, exclusive);
    }

    private static Reading? ReadQuarter(string s, int? contextYear, ref bool explicitYear)
    {
        var m = Quarter().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var quarter = m.Groups["q"].Value switch
        {
            "i" or "1" => 1,
            "ii" or "2" => 2,
            "iii" or "3" => 3,
            "iv" or "4" => 4,
            _ => 0,
        };
        if (quarter == 0)
        {
            return new(null, DeadlinePrecision.None,
                Error: $"Quý {m.Groups["q"].Value.ToUpperInvariant()} không tồn tại (chỉ có quý I–IV).");
        }

        var year = YearOf(m, contextYear, ref explicitYear);
        if (year is null)
        {
            return null;
        }

        if (YearError(year.Value) is { } error)
        {
            return new(null, DeadlinePrecision.None, Error: error);
        }

        // "trước quý II/2024": by the end of the quarter before.
        var due = StrictlyBefore(s, m)
            ? new DateOnly(year.Value, ((quarter - 1) * 3) + 1, 1).AddDays(-1)
            : EndOfMonth(year.Value, quarter * 3);
        return new(due, DeadlinePrecision.Quarter);
    }

    private static Reading? ReadPartOfYear(string s, int? contextYear, ref bool explicitYear)
    {
        var m = PartOfYear().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var year = YearOf(m, contextYear, ref explicitYear);
        if (year is null)
        {
            return null;
        }

        if (YearError(year.Value) is { } error)
        {
            return new(null, DeadlinePrecision.None, Error: error);
        }

        var months = m.Groups["n"].Value switch
        {
            "9" or "09" or "chín" => 9,
            _ => 6,
        };
        if (months == 9)
        {
            // "9 tháng đầu năm": the end of the third quarter.
            return new(new DateOnly(year.Value, 9, 30), DeadlinePrecision.Quarter);
        }

        var firstHalf = m.Groups["part"].Value == "đầu";
        return new(firstHalf ? new DateOnly(year.Value, 6, 30) : new DateOnly(year.Value, 12, 31), DeadlinePrecision.Half);
    }

    private static Reading? ReadMonth(string s, int? contextYear, ref bool explicitYear)
    {
        var m = Month().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return new(null, DeadlinePrecision.None, Error: $"Tháng {month} không tồn tại.");
        }

        var year = YearOf(m, contextYear, ref explicitYear);
        if (year is null)
        {
            return null;
        }

        if (YearError(year.Value) is { } error)
        {
            return new(null, DeadlinePrecision.None, Error: error);
        }

        if (StrictlyBefore(s, m) && !m.Groups["part"].Success)
        {
            var previous = new DateOnly(year.Value, month, 1).AddDays(-1);
            return new(previous, DeadlinePrecision.Month);
        }

        // Bộ luật Dân sự 2015, Điều 146: đầu / giữa / cuối tháng = ngày 1 / 15 / ngày cuối tháng.
        var due = m.Groups["part"].Value switch
        {
            "đầu" => new DateOnly(year.Value, month, 1),
            "giữa" => new DateOnly(year.Value, month, 15),
            _ => EndOfMonth(year.Value, month),
        };
        return new(due, DeadlinePrecision.Month);
    }

    /// <summary>"12/2019", and a span of months "10-11/2019" (due at the end of the last): the time column of a plan's table.</summary>
    private static Reading? ReadMonthOfYear(string s, int? contextYear, ref bool explicitYear)
    {
        var m = MonthOfYear().Match(s);
        if (!m.Success)
        {
            return null;
        }

        explicitYear = true;
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var from = m.Groups["from"].Success ? int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture) : month;
        if (month is < 1 or > 12 || from is < 1 or > 12)
        {
            return new(null, DeadlinePrecision.None, Error: $"Tháng {(month is < 1 or > 12 ? month : from)} không tồn tại.");
        }

        if (YearError(year) is { } error)
        {
            return new(null, DeadlinePrecision.None, Error: error);
        }

        return from > month
            ? new(null, DeadlinePrecision.None, Error: $"Khoảng tháng {from}–{month}/{year} kết thúc trước khi bắt đầu.")
            : new(EndOfMonth(year, month), DeadlinePrecision.Month);
    }

    private static Reading? ReadYearSpan(string s, int? contextYear, ref bool explicitYear)
    {
        var m = YearSpan().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var from = int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture);
        var to = int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture);
        explicitYear = true;
        if ((YearError(from) ?? YearError(to)) is { } error)
        {
            return new(null, DeadlinePrecision.None, Error: error);
        }

        if (to < from)
        {
            return new(null, DeadlinePrecision.None, Error: $"Giai đoạn {from}–{to} kết thúc trước khi bắt đầu.");
        }

        return new(new DateOnly(to, 12, 31), DeadlinePrecision.Year);
    }

    private static Reading? ReadYear(string s, int? contextYear, ref bool explicitYear)
    {
        var m = Year().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var year = YearOf(m, contextYear, ref explicitYear);
        if (year is null)
        {
            return null;
        }

        if (YearError(year.Value) is { } error)
        {
            return new(null, DeadlinePrecision.None, Error: error);
        }

        // Bộ luật Dân sự 2015, Điều 146: đầu / giữa / cuối năm = 1/1, ngày cuối tháng 6, 31/12.
        return m.Groups["part"].Value switch
        {
            "đầu" => new(new DateOnly(year.Value, 1, 1), DeadlinePrecision.Year),
            "giữa" => new(new DateOnly(year.Value, 6, 30), DeadlinePrecision.Half),
            // "trước năm 2030" read strictly: by the end of 2029 (gold decision 12).
            _ when StrictlyBefore(s, m) => new(new DateOnly(year.Value - 1, 12, 31), DeadlinePrecision.Year),
            _ => new(new DateOnly(year.Value, 12, 31), DeadlinePrecision.Year),
        };
    }

    private static int? YearOf(Match m, int? contextYear, ref bool explicitYear)
    {
        if (m.Groups["y"].Success)
        {
            explicitYear = true;
            return int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }

        return contextYear;
    }

    private static string? YearError(int year) =>
        year is < MinYear or > MaxYear ? $"Năm {year} nằm ngoài khoảng {MinYear}–{MaxYear}." : null;

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>Whether "trước" (before) opens the matched phrase or stands right before it.</summary>
    private static bool StrictlyBefore(string s, Match m)
    {
        if (m.Value.StartsWith("trước", StringComparison.Ordinal))
        {
            return true;
        }

        var head = s[..m.Index].TrimEnd();
        if (head.EndsWith("ngày", StringComparison.Ordinal))
        {
            head = head[..^"ngày".Length].TrimEnd();
        }

        return head.EndsWith("trước", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<!\p{L})(thường xuyên|liên tục|định kỳ|(hằng|hàng) (năm|quý|tháng|tuần|ngày)|các năm tiếp theo)(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex RecurringWords();

    [GeneratedRegex(@"\svà\s+(?:(?:hằng|hàng)\s+năm|(?:các|những)\s+năm\s+tiếp\s+theo)", RegexOptions.CultureInvariant)]
    private static partial Regex AndEveryYear();

    [GeneratedRegex(@"(?<![\d/.\-])(?:(?<from>\d{1,2})\s*[-–]\s*)?(?<m>\d{1,2})\s*/\s*(?<y>\d{4})(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex MonthOfYear();

    [GeneratedRegex(@"(?<![\d/.\-])(?<d>\d{1,2})\s*(?<sep>[/.\-])\s*(?<m>\d{1,2})\s*\k<sep>\s*(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex WordedDate();

    [GeneratedRegex(@"(?:ngày|trước|chậm nhất|hạn|đến)\s+(?:ngày\s+)?(?<d>\d{1,2})\s*(?:/|\.|\s+tháng\s+)\s*(?<m>\d{1,2})(?![\d/.])", RegexOptions.CultureInvariant)]
    private static partial Regex DateWithoutYear();

    [GeneratedRegex(@"(?<!\p{L})quý\s*(?:(?:iv|iii|ii|i|\d)\s*(?:,|và)\s*)*(?<q>iv|iii|ii|i|v|vi|\d+)(?![\p{L}\d])(?:\s*(?:/|-|,?\s*năm)\s*(?<y>\d{4})(?!\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(?:(?<n>6|06|sáu)\s+tháng\s+(?<part>đầu|cuối)\s+năm|(?<n>9|09|chín)\s+tháng(?:\s+đầu\s+năm)?|nửa\s+(?<part>đầu|cuối)\s+năm)(?:\s*(?:/|-|năm)?\s*(?<y>\d{4})(?!\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex PartOfYear();

    [GeneratedRegex(@"(?:(?<part>đầu|giữa|cuối)\s+)?tháng\s+(?<m>\d{1,2})(?!\d)(?:\s*(?:/|-|,?\s*năm)\s*(?<y>\d{4})(?!\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex Month();

    [GeneratedRegex(@"(?<!\d)(?<from>\d{4})\s*(?:-|–|—|đến(?:\s+năm)?)\s*(?<to>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearSpan();

    [GeneratedRegex(@"(?<part>đầu|giữa|cuối)\s+năm(?:\s+(?<y>\d{4})(?!\d))?|năm\s+(?<y>\d{4})(?!\d)|(?:đến|trong|trước)\s+(?<y>\d{4})(?!\d)|trong năm(?!\s*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Year();
}
