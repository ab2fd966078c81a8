using System.Text.Json;

namespace LoTrinh.Core.Calendar;

/// <summary>A year's days off and make-up working days as announced, with the announcement; shipped as data for the
/// years known when LoTrinh was built, entered by an administrator for the others.</summary>
public sealed record AnnouncedYear(int Year, string Source, IReadOnlyList<CalendarDay> Days)
{
    private sealed record Row(DateOnly Date, string Kind, string Note);

    private sealed record File(int Year, string Source, IReadOnlyList<Row> Days);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every year shipped with LoTrinh.</summary>
    public static IReadOnlyList<AnnouncedYear> Shipped { get; } = Load();

    private static List<AnnouncedYear> Load()
    {
        var assembly = typeof(AnnouncedYear).Assembly;
        const string prefix = "LoTrinh.Core.Calendar.Years.";
        return [.. assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                var file = JsonSerializer.Deserialize<File>(stream, Json)!;
                return new AnnouncedYear(file.Year, file.Source, [.. file.Days.Select(d => new CalendarDay(d.Date, ParseKind(d.Kind), d.Note))]);
            })];
    }

    public static DayKind ParseKind(string kind) => kind switch
    {
        "off" => DayKind.DayOff,
        "working" => DayKind.WorkingDay,
        _ => throw new FormatException($"Loại ngày \"{kind}\" không hợp lệ: chọn off hoặc working."),
    };

    public static string Code(DayKind kind) => kind == DayKind.DayOff ? "off" : "working";
}
