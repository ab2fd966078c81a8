using System.Globalization;
using LoTrinh.Core.Accounts;
using LoTrinh.Core.Calendar;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Calendar;

/// <summary>A year's days off and make-up working days, where they come from; an administrator enters an announced year.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : FormPage
{
    public CalendarYearAnswer Shown { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool RollDeadlines { get; private set; }

    /// <summary>After the setting changed: how many tasks' last day moved.</summary>
    [BindProperty(SupportsGet = true)] public int? Rerolled { get; set; }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public bool Provisional { get; set; }

    /// <summary>One day a line: "dd/mm/yyyy; nghỉ|làm bù; ghi chú".</summary>
    [BindProperty] public string? Days { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Source = Shown.Source;
        Provisional = Shown.Provisional;
        Days = string.Join("\n", Shown.Days.Select(d => $"{d.Date:dd/MM/yyyy}; {(d.Kind == "off" ? "nghỉ" : "làm bù")}; {d.Note}"));
    }

    [Requires(Permission.ManageAccounts)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var year = Year ?? time.Today().Year;
        var days = (Days ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(';', 3, StringSplitOptions.TrimEntries))
            .Select(parts => new CalendarDayInput(parts[0], parts.Length > 1 ? Kind(parts[1]) : null, parts.Length > 2 ? parts[2] : null))
            .ToList();
        Errors = await CalendarApi.SaveAsync(db, year, new CalendarYearInput(Source, Provisional, days), ct);
        if (!Errors.Any)
        {
            return RedirectToPage("Index", new { year });
        }

        await LoadAsync(ct);
        return Page();
    }

    [Requires(Permission.ManageAccounts)]
    public async Task<IActionResult> OnPostDeadlinesAsync(bool? rollDeadlines, CancellationToken ct)
    {
        if (rollDeadlines is not { } roll)
        {
            return RedirectToPage("Index", new { year = Year });
        }

        var answer = await CalendarApi.SaveSettingsAsync(db, roll, time, ct);
        return RedirectToPage("Index", new { year = Year, rerolled = answer.TasksChanged });
    }

    private static string Kind(string text) => text.ToLower(CultureInfo.GetCultureInfo("vi-VN")) switch
    {
        "nghỉ" or "off" => "off",
        "làm bù" or "làm việc" or "working" => "working",
        _ => text,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Year = Math.Clamp(Year ?? time.Today().Year, 1990, 2200);
        CanEdit = db.Viewer.Can(Permission.ManageAccounts);
        RollDeadlines = await DeadlineRolls.RollingAsync(db, ct);
        Shown = await CalendarApi.LoadAsync(db, Year.Value, ct);
    }

    public static string DayName(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };

    /// <summary>The line of the text box a field of the API's input ("days[2].date") came from, counted from 1.</summary>
    public static string LineOf(string field)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(field[(open + 1)..close], CultureInfo.InvariantCulture, out var index)
            ? (index + 1).ToString(CultureInfo.InvariantCulture) : "?";
    }

    public static string KindLabel(string kind) => kind == AnnouncedYear.Code(DayKind.DayOff) ? "Nghỉ" : "Làm bù";
}
