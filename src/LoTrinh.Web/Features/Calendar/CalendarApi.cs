using LoTrinh.Core.Accounts;
using LoTrinh.Core.Calendar;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Calendar;

public sealed record CalendarDayInput(string? Date, string? Kind, string? Note);

/// <summary>A year as announced: its days off on weekdays and its make-up working days on weekends.</summary>
public sealed record CalendarYearInput(string? Source, bool? Provisional, IReadOnlyList<CalendarDayInput>? Days);

public sealed record CalendarDayView(DateOnly Date, string Kind, string Note);

/// <param name="RollDeadlinesForward">A task deadline on a day off ends with the next working day (Điều 148 BLDS).</param>
public sealed record DeadlineSettings(bool? RollDeadlinesForward);

/// <param name="TasksChanged">How many tasks' last day moved with the change.</param>
public sealed record DeadlineSettingsAnswer(bool RollDeadlinesForward, int TasksChanged);

public sealed record CalendarYearAnswer(int Year, string Origin, string OriginLabel, string Source, bool Provisional, int WorkingDays, IReadOnlyList<CalendarDayView> Days);

public static class CalendarApi
{
    public const int MaxDays = 60;

    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").WithTags("Lịch làm việc");
        api.MapGet("/settings", async (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(new DeadlineSettings(await DeadlineRolls.RollingAsync(db, ct)))).AllowAnonymous()
            .WithSummary("Thời hạn nhiệm vụ rơi vào ngày nghỉ có được tính đến hết ngày làm việc kế tiếp hay không (Điều 148 Bộ luật Dân sự 2015).");
        api.MapPut("/settings", PutSettings).Requires(Permission.ManageAccounts)
            .WithSummary("Bật hoặc tắt việc lùi thời hạn nhiệm vụ rơi vào ngày nghỉ sang ngày làm việc kế tiếp; trạng thái mọi nhiệm vụ được tính lại.");
        api.MapGet("/{year:int}", Get).AllowAnonymous()
            .WithSummary("Ngày nghỉ và ngày làm bù của một năm: theo lịch đã công bố, do quản trị viên nhập, hoặc tạm tính theo Bộ luật Lao động và âm lịch Việt Nam.");
        api.MapPut("/{year:int}", Put).Requires(Permission.ManageAccounts)
            .WithSummary("Nhập (hoặc sửa) lịch nghỉ của một năm theo thông báo: ngày nghỉ rơi vào ngày thường, ngày làm bù rơi vào thứ Bảy, Chủ nhật.");
        api.MapDelete("/{year:int}", Delete).Requires(Permission.ManageAccounts)
            .WithSummary("Bỏ lịch đã nhập của một năm: dùng lại lịch đã công bố kèm LoTrinh, hoặc lịch tạm tính.");
    }

    public static async Task<CalendarYearAnswer> LoadAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var view = (await WorkingCalendars.YearsAsync(db, year, year, ct))[0];
        var calendar = new WorkingCalendar(view.Days);
        return new CalendarYearAnswer(year, view.Origin.ToString().ToLowerInvariant(), view.Origin.Vietnamese(), view.Source, view.Provisional,
            calendar.WorkingDaysAfter(new DateOnly(year, 1, 1).AddDays(-1), new DateOnly(year, 12, 31)),
            [.. view.Days.Select(d => new CalendarDayView(d.Date, AnnouncedYear.Code(d.Kind), d.Note))]);
    }

    private static async Task<Results<Ok<CalendarYearAnswer>, ValidationProblem>> Get(int year, AppDbContext db, CancellationToken ct)
    {
        if (YearProblem(year) is { } problem)
        {
            var errors = new InputErrors();
            errors.Add("year", problem);
            return errors.Problem();
        }

        return TypedResults.Ok(await LoadAsync(db, year, ct));
    }

    private static async Task<Results<Ok<CalendarYearAnswer>, ValidationProblem>> Put(int year, CalendarYearInput input, AppDbContext db, CancellationToken ct)
    {
        var errors = await SaveAsync(db, year, input, ct);
        return errors.Any ? errors.Problem() : TypedResults.Ok(await LoadAsync(db, year, ct));
    }

    private static async Task<Results<Ok<CalendarYearAnswer>, ValidationProblem>> Delete(int year, AppDbContext db, CancellationToken ct)
    {
        if (YearProblem(year) is { } problem)
        {
            var errors = new InputErrors();
            errors.Add("year", problem);
            return errors.Problem();
        }

        await db.CalendarYears.Where(y => y.Year == year).ExecuteDeleteAsync(ct);
        await DeadlineRolls.SyncAsync(db, ct);
        return TypedResults.Ok(await LoadAsync(db, year, ct));
    }

    private static async Task<Results<Ok<DeadlineSettingsAnswer>, ValidationProblem>> PutSettings(DeadlineSettings? input, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (input?.RollDeadlinesForward is not { } roll)
        {
            var errors = new InputErrors();
            errors.Add("rollDeadlinesForward", "Cần ghi rollDeadlinesForward: true hoặc false.");
            return errors.Problem();
        }

        return TypedResults.Ok(await SaveSettingsAsync(db, roll, time, ct));
    }

    /// <summary>Sets whether task deadlines roll forward and re-reads every task's last day.</summary>
    public static async Task<DeadlineSettingsAnswer> SaveSettingsAsync(AppDbContext db, bool rollForward, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ProgrammeSettings.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.RollDeadlinesForward, rollForward)
            .SetProperty(x => x.UpdatedBy, db.Viewer.UserId)
            .SetProperty(x => x.UpdatedAt, time.GetUtcNow()), ct);
        return new DeadlineSettingsAnswer(rollForward, await DeadlineRolls.SyncAsync(db, ct));
    }

    private static string? YearProblem(int year) => year is < 1990 or > 2200 ? $"Năm {year} nằm ngoài 1990–2200." : null;

    /// <summary>Replaces a year's days as entered; every day checked, nothing written unless all are right.</summary>
    public static async Task<InputErrors> SaveAsync(AppDbContext db, int year, CalendarYearInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new InputErrors();
        if (YearProblem(year) is { } problem)
        {
            errors.Add("year", problem);
            return errors;
        }

        var source = errors.Required("source", input.Source);
        var days = new List<CalendarDayRow>();
        foreach (var (day, i) in (input.Days ?? []).Select((d, i) => (d, i)))
        {
            var field = $"days[{i}]";
            if (i == MaxDays)
            {
                errors.Add("days", $"Một năm tối đa {MaxDays} ngày khác lịch thường.");
                break;
            }

            if (day is null)
            {
                errors.Add(field, "Dòng rỗng (null).");
                continue;
            }

            var date = errors.Date($"{field}.date", day.Date, required: true);
            var note = errors.Required($"{field}.note", day.Note);
            DayKind? kind = day.Kind?.Trim() switch
            {
                "off" => DayKind.DayOff,
                "working" => DayKind.WorkingDay,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add($"{field}.kind", $"Loại ngày \"{day.Kind}\" không hợp lệ: off (ngày nghỉ) hoặc working (ngày làm bù).");
            }

            if (date is not { } d || kind is not { } k || note is null)
            {
                continue;
            }

            var weekend = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (d.Year != year)
            {
                errors.Add($"{field}.date", $"Ngày {d:dd/MM/yyyy} không thuộc năm {year}.");
            }
            else if (k == DayKind.DayOff && weekend)
            {
                errors.Add($"{field}.date", $"{d:dd/MM/yyyy} là ngày cuối tuần, vốn đã nghỉ; ghi ngày nghỉ bù vào ngày thường.");
            }
            else if (k == DayKind.WorkingDay && !weekend)
            {
                errors.Add($"{field}.date", $"{d:dd/MM/yyyy} là ngày thường, vốn đã làm việc; ngày làm bù là thứ Bảy hoặc Chủ nhật.");
            }
            else if (days.Any(x => x.Day == d))
            {
                errors.Add($"{field}.date", $"Ngày {d:dd/MM/yyyy} ghi hai lần.");
            }
            else if (note.Length > 300)
            {
                errors.Add($"{field}.note", "Ghi chú tối đa 300 ký tự.");
            }
            else
            {
                days.Add(new CalendarDayRow { Day = d, Year = year, Kind = k, Note = note });
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.CalendarYears.Where(y => y.Year == year).ExecuteDeleteAsync(ct);
        db.CalendarYears.Add(new CalendarYear { Year = year, Source = source!, Provisional = input.Provisional ?? false, UpdatedBy = db.Viewer.UserId, Days = days });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Task deadlines follow the new days off (were this to fail, the next round of Rounds catches up).
        await DeadlineRolls.SyncAsync(db, ct);
        return errors;
    }
}
