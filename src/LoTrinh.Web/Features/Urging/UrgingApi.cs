using LoTrinh.Core.Accounts;
using LoTrinh.Core.Urging;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LoTrinh.Web.Features.Urging;

/// <summary>A line of the urging log as pages and the API show it.</summary>
/// <param name="Told">How many people were told in the app; <paramref name="Read"/> of them have read it.</param>
public sealed record UrgingRow(
    long Id, DateOnly Day, string Kind, string KindLabel, string Audience, string AudienceLabel,
    long? TaskId, string? Task, long? ReportId, string? Report, long? DirectiveId, string? Directive,
    long? AgencyId, string? Agency, string Reason, string? Note, int Told, int Read);

public sealed record UrgingFilter(long? Agency = null, long? Directive = null, long? Task = null, DateOnly? From = null, DateOnly? To = null, UrgeKind? Kind = null);

public sealed record UrgingRulesInput(
    int[]? DaysBefore, bool? OnTheDay, int? OverdueEvery, int? StaleAfterDays, int? UnassignedAfterDays,
    int? EscalateToHeadAfter, int? EscalateToSecretariatAfter, bool? EscalateToLeadership);

/// <summary>A văn bản đôn đốc: the tasks (their lead agencies are urged) and the text.</summary>
public sealed record ManualUrgingInput(long[]? Tasks, string? Note);

public sealed record ManualUrgingAnswer(int Urged, int Notified);

public sealed record NotificationView(long UrgingId, DateOnly Day, string Kind, string KindLabel, long? TaskId, string? Task,
    long? ReportId, string? Report, string? Agency, string Reason, string? Note, DateTimeOffset? ReadAt);

public sealed record ReadInput(long[]? Urgings);

public sealed record DigestChoice(string? Digest);

public static class UrgingApi
{
    public const int MaxManualTasks = 500;
    public const int ExportRows = 100_000;

    public static void MapUrgingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/urging").WithTags("Đôn đốc");
        api.MapGet("/", List).Requires(Permission.ReadInternal)
            .WithSummary("Nhật ký đôn đốc: ai được nhắc về việc gì, vì sao, ngày nào; lọc theo cơ quan, văn bản, nhiệm vụ, khoảng ngày, loại; theo trang (tổng ở X-Total-Count).");
        api.MapGet("/export.xlsx", Export).Requires(Permission.ReadInternal)
            .WithSummary($"Nhật ký đôn đốc theo cùng bộ lọc, thành tệp Excel (tối đa {ExportRows:N0} dòng).");
        api.MapGet("/rules", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(ToInput(await db.UrgingRules.AsNoTracking().SingleAsync(ct))))
            .Requires(Permission.ReadInternal).WithSummary("Quy tắc đôn đốc đang áp dụng.");
        api.MapPut("/rules", PutRules).Requires(Permission.ManageProgramme)
            .WithSummary("Đặt quy tắc đôn đốc: nhắc trước hạn (ngày làm việc), đúng hạn, chu kỳ nhắc khi quá hạn, báo thủ trưởng, báo thường trực, không cập nhật tiến độ, chưa có chủ trì.");
        api.MapPost("/manual", Manual).Requires(Permission.ManageProgramme)
            .WithSummary($"Gửi văn bản đôn đốc về các nhiệm vụ đã chọn (tối đa {MaxManualTasks}) tới cơ quan chủ trì; ghi vào nhật ký.");
        api.MapPost("/run", Run).Requires(Permission.ManageProgramme)
            .WithSummary("Chạy quy tắc đôn đốc cho hôm nay ngay (mỗi ngày chỉ chạy một lần; lần sau không thêm gì).");
        api.MapGet("/digest", Preview).Requires(Permission.ManageProgramme)
            .WithSummary("Xem trước thư tổng hợp của một người cho một ngày (user, day).");
        api.MapPost("/digest/send", SendNow).Requires(Permission.ManageProgramme)
            .WithSummary("Gửi ngay thư tổng hợp của một người (user, day); 409 khi chưa cấu hình máy chủ thư.");

        var mine = app.MapGroup("/api/notifications").WithTags("Đôn đốc");
        mine.MapGet("/", Notifications).Requires(Permission.ReadInternal).WithSummary("Thông báo đôn đốc của người gọi, mới nhất trước (unread=true: chỉ chưa đọc).");
        mine.MapPost("/read", MarkRead).Requires(Permission.ReadInternal).WithSummary("Đánh dấu đã đọc các thông báo (urgings), hoặc tất cả khi để trống.");
        mine.MapPut("/digest", ChooseDigest).Requires(Permission.ReadInternal).WithSummary("Cách nhận thư tổng hợp: daily, weekly hoặc none.");
    }

    public static IQueryable<UrgingEntry> Filtered(AppDbContext db, UrgingFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Urgings.AsNoTracking();
        if (filter.Agency is { } agency)
        {
            query = query.Where(u => u.AgencyId == agency);
        }

        if (filter.Directive is { } directive)
        {
            query = query.Where(u => u.Task != null && u.Task.DirectiveId == directive);
        }

        if (filter.Task is { } task)
        {
            query = query.Where(u => u.TaskId == task);
        }

        if (filter.From is { } from)
        {
            query = query.Where(u => u.Day >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(u => u.Day <= to);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(u => u.Kind == kind);
        }

        return query;
    }

    public static async Task<IReadOnlyList<UrgingRow>> RowsAsync(IQueryable<UrgingEntry> query, int skip, int take, CancellationToken ct)
    {
        var rows = await query.OrderByDescending(u => u.Day).ThenByDescending(u => u.Id).Skip(skip).Take(take)
            .Select(u => new
            {
                u.Id,
                u.Day,
                u.Kind,
                u.Audience,
                u.TaskId,
                Task = u.Task == null ? null : u.Task.Text,
                u.ReportId,
                Report = u.Report == null ? null : u.Report.Period.Regime.Name + ", kỳ " + u.Report.Period.Label,
                DirectiveId = u.Task == null ? (long?)null : u.Task.DirectiveId,
                Directive = u.Task == null ? null : u.Task.Directive.Number ?? u.Task.Directive.Kind + " — " + u.Task.Directive.IssuerName,
                u.AgencyId,
                Agency = u.Agency == null ? null : u.Agency.ShortName ?? u.Agency.Name,
                u.Reason,
                u.Note,
                Told = u.Notifications.Count,
                Read = u.Notifications.Count(n => n.ReadAt != null),
            }).ToListAsync(ct);
        return [.. rows.Select(r => new UrgingRow(r.Id, r.Day, AppDbContext.SnakeCase(r.Kind.ToString()), r.Kind.Vietnamese(),
            AppDbContext.SnakeCase(r.Audience.ToString()), r.Audience.Vietnamese(), r.TaskId, r.Task, r.ReportId, r.Report,
            r.DirectiveId, r.Directive, r.AgencyId, r.Agency, r.Reason, r.Note, r.Told, r.Read))];
    }

    /// <summary>Reads the filter of a query string; the errors name the parameter.</summary>
    public static UrgingFilter ReadFilter(long? agency, long? directive, long? task, string? from, string? to, string? kind, InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        UrgeKind? parsed = null;
        if (Input.Clean(kind) is { } k)
        {
            parsed = Enum.GetValues<UrgeKind>().Cast<UrgeKind?>().FirstOrDefault(v => AppDbContext.SnakeCase(v!.Value.ToString()) == k);
            if (parsed is null)
            {
                errors.Add("kind", $"Loại \"{k}\" không có; dùng một trong: {string.Join(", ", Enum.GetValues<UrgeKind>().Select(v => AppDbContext.SnakeCase(v.ToString())))}.");
            }
        }

        var fromDay = errors.Date("from", from);
        var toDay = errors.Date("to", to);
        if (fromDay > toDay)
        {
            errors.Add("to", "Ngày cuối trước ngày đầu.");
        }

        return new UrgingFilter(agency, directive, task, fromDay, toDay, parsed);
    }

    private static async Task<Results<Ok<IReadOnlyList<UrgingRow>>, ValidationProblem>> List(
        long? agency, long? directive, long? task, string? from, string? to, string? kind, int? page, int? pageSize,
        AppDbContext db, HttpResponse response, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = ReadFilter(agency, directive, task, from, to, kind, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var (p, size) = Input.Paging(page, pageSize, 100);
        var query = Filtered(db, filter);
        response.SetTotal(await query.CountAsync(ct));
        return TypedResults.Ok(await RowsAsync(query, (p - 1) * size, size, ct));
    }

    private static async Task<Results<FileStreamHttpResult, ValidationProblem>> Export(
        long? agency, long? directive, long? task, string? from, string? to, string? kind, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = ReadFilter(agency, directive, task, from, to, kind, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var rows = await RowsAsync(Filtered(db, filter), 0, ExportRows, ct);
        var table = rows.Select(r => new Dictionary<string, object?>
        {
            ["Ngày"] = r.Day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Loại"] = r.KindLabel,
            ["Gửi tới"] = r.AudienceLabel,
            ["Cơ quan"] = r.Agency,
            ["Văn bản"] = r.Directive,
            ["Nhiệm vụ / báo cáo"] = r.Task ?? r.Report,
            ["Lý do"] = r.Reason,
            ["Nội dung đôn đốc"] = r.Note,
            ["Số người nhận"] = r.Told,
            ["Đã đọc"] = r.Read,
        });
        var file = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(file, table, sheetName: "NhatKyDonDoc", cancellationToken: ct);
        file.Position = 0;
        return TypedResults.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"nhat-ky-don-doc-{time.Today():yyyyMMdd}.xlsx");
    }

    public static UrgingRulesInput ToInput(UrgingRuleRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.DaysBefore, row.OnTheDay, row.OverdueEvery, row.StaleAfterDays, row.UnassignedAfterDays,
            row.EscalateToHeadAfter, row.EscalateToSecretariatAfter, row.EscalateToLeadership);
    }

    /// <summary>Checks and saves the rules; nothing is written unless all are right.</summary>
    public static async Task<InputErrors> SaveRulesAsync(AppDbContext db, UrgingRulesInput input, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new InputErrors();
        int Days(string field, int? value)
        {
            if (value is null)
            {
                errors.Add(field, "Cần ghi số ngày.");
            }

            return value ?? 1;
        }

        var rules = new UrgingRules(
            input.DaysBefore ?? [],
            errors.Flag("onTheDay", input.OnTheDay) ?? false,
            Days("overdueEvery", input.OverdueEvery),
            Days("staleAfterDays", input.StaleAfterDays),
            Days("unassignedAfterDays", input.UnassignedAfterDays),
            Days("escalateToHeadAfter", input.EscalateToHeadAfter),
            Days("escalateToSecretariatAfter", input.EscalateToSecretariatAfter),
            errors.Flag("escalateToLeadership", input.EscalateToLeadership) ?? false);
        if (input.DaysBefore is { Length: > 10 })
        {
            errors.Add("daysBefore", "Tối đa 10 mốc nhắc trước hạn.");
        }

        foreach (var (field, message) in rules.Problems())
        {
            errors.Add(field, message);
        }

        if (errors.Any)
        {
            return errors;
        }

        var row = await db.UrgingRules.SingleAsync(ct);
        row.DaysBefore = [.. rules.DaysBefore.OrderDescending()];
        row.OnTheDay = rules.OnTheDay;
        row.OverdueEvery = rules.OverdueEvery;
        row.StaleAfterDays = rules.StaleAfterDays;
        row.UnassignedAfterDays = rules.UnassignedAfterDays;
        row.EscalateToHeadAfter = rules.EscalateToHeadAfter;
        row.EscalateToSecretariatAfter = rules.EscalateToSecretariatAfter;
        row.EscalateToLeadership = rules.EscalateToLeadership;
        row.UpdatedBy = db.Viewer.UserId;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    private static async Task<Results<Ok<UrgingRulesInput>, ValidationProblem>> PutRules(UrgingRulesInput? input, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = await SaveRulesAsync(db, input ?? new(null, null, null, null, null, null, null, null), time, ct);
        return errors.Any ? errors.Problem() : TypedResults.Ok(ToInput(await db.UrgingRules.AsNoTracking().SingleAsync(ct)));
    }

    /// <summary>
    /// Sends a văn bản đôn đốc about the tasks to their lead agencies, today: one line of the log per task, and the
    /// agencies' people told in the app (and in their next digest). A task without a lead, or not found, is refused.
    /// </summary>
    public static async Task<(ManualUrgingAnswer? Answer, InputErrors Errors)> UrgeAsync(AppDbContext db, ManualUrgingInput input, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new InputErrors();
        var note = errors.Required("note", input.Note);
        if (note is { Length: > 4000 })
        {
            errors.Add("note", "Nội dung đôn đốc tối đa 4.000 ký tự.");
        }

        var ids = (input.Tasks ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            errors.Add("tasks", "Chọn ít nhất một nhiệm vụ.");
        }
        else if (ids.Count > MaxManualTasks)
        {
            errors.Add("tasks", $"Tối đa {MaxManualTasks} nhiệm vụ một lần.");
        }

        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.LeadAgencyId, t.DueRolledOn }).ToListAsync(ct);
        foreach (var missing in ids.Except(tasks.Select(t => t.Id)).Take(10))
        {
            errors.Add("tasks", $"Không có nhiệm vụ số {missing}.");
        }

        foreach (var orphan in tasks.Where(t => t.LeadAgencyId is null).Take(10))
        {
            errors.Add("tasks", $"Nhiệm vụ số {orphan.Id} chưa có cơ quan chủ trì để đôn đốc; giao nhiệm vụ trước.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var today = time.Today();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Urgings.AddRange(tasks.Select(t => new UrgingEntry
        {
            Day = today,
            Kind = UrgeKind.Manual,
            Audience = Audience.Agency,
            TaskId = t.Id,
            AgencyId = t.LeadAgencyId,
            Reason = t.DueRolledOn is { } due && due < today
                ? $"Thường trực đôn đốc nhiệm vụ quá hạn {today.DayNumber - due.DayNumber} ngày (hạn {due:dd/MM/yyyy})."
                : "Thường trực đôn đốc thực hiện nhiệm vụ.",
            Note = note,
            SentBy = db.Viewer.UserId,
        }));
        await db.SaveChangesAsync(ct);
        var rules = await db.UrgingRules.AsNoTracking().SingleAsync(ct);
        var notified = await DailyUrging.NotifyAsync((NpgsqlConnection)db.Database.GetDbConnection(), today, rules.EscalateToLeadership, ct);
        await tx.CommitAsync(ct);
        return (new ManualUrgingAnswer(tasks.Count, notified), errors);
    }

    private static async Task<Results<Ok<ManualUrgingAnswer>, ValidationProblem>> Manual(ManualUrgingInput? input, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (answer, errors) = await UrgeAsync(db, input ?? new(null, null), time, ct);
        return answer is null ? errors.Problem() : TypedResults.Ok(answer);
    }

    private static async Task<Ok<DailyUrging.Outcome>> Run(AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await DailyUrging.RunAsync(db, time.Today(), ct));

    private static async Task<Results<Ok<DigestMail>, NotFound, ValidationProblem>> Preview(long? user, string? day, AppDbContext db, TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        var errors = new InputErrors();
        var on = errors.Date("day", day) ?? time.Today();
        if (user is null)
        {
            errors.Add("user", "Chọn người nhận (user).");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        return await Digests.ComposeAsync(db, user!.Value, on, BaseUrl(configuration), ct) is { } mail ? TypedResults.Ok(mail) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<DigestMail>, NotFound, ValidationProblem, ProblemHttpResult>> SendNow(
        long? user, string? day, AppDbContext db, TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        if (SmtpOptions.Read(configuration) is not { } smtp)
        {
            return TypedResults.Problem(title: "Chưa cấu hình máy chủ thư (Smtp:Host): thông báo chỉ có trong LoTrinh.", statusCode: StatusCodes.Status409Conflict);
        }

        var preview = await Preview(user, day, db, time, configuration, ct);
        if (preview.Result is not Ok<DigestMail> { Value: { } mail })
        {
            return preview.Result switch
            {
                ValidationProblem problem => problem,
                _ => TypedResults.NotFound(),
            };
        }

        if (mail.To.Length == 0)
        {
            var errors = new InputErrors();
            errors.Add("user", $"{mail.Name} chưa có địa chỉ thư điện tử; chỉ nhận thông báo trong LoTrinh.");
            return errors.Problem();
        }

        try
        {
            await Digests.SendNowAsync(smtp, mail, ct);
        }
        catch (Exception e) when (e is MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException
                                      or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            return TypedResults.Problem(title: "Máy chủ thư không nhận thư; chưa gửi được.", detail: e.Message, statusCode: StatusCodes.Status502BadGateway);
        }

        return TypedResults.Ok(mail);
    }

    public static string BaseUrl(IConfiguration configuration) => configuration?["App:BaseUrl"] ?? "http://127.0.0.1:5080";

    /// <summary>The viewer's notifications, newest first (at most 200).</summary>
    public static async Task<IReadOnlyList<NotificationView>> NotificationsAsync(AppDbContext db, bool unreadOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = db.Viewer.UserId ?? 0;
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == user);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var rows = await query.OrderByDescending(n => n.Urging.Day).ThenByDescending(n => n.UrgingId).Take(200)
            .Select(n => new
            {
                n.UrgingId,
                n.Urging.Day,
                n.Urging.Kind,
                n.Urging.TaskId,
                Task = n.Urging.Task == null ? null : n.Urging.Task.Text,
                n.Urging.ReportId,
                Report = n.Urging.Report == null ? null : n.Urging.Report.Period.Regime.Name + ", kỳ " + n.Urging.Report.Period.Label,
                Agency = n.Urging.Agency == null ? null : n.Urging.Agency.ShortName ?? n.Urging.Agency.Name,
                n.Urging.Reason,
                n.Urging.Note,
                n.ReadAt,
            }).ToListAsync(ct);
        return [.. rows.Select(r => new NotificationView(r.UrgingId, r.Day, AppDbContext.SnakeCase(r.Kind.ToString()), r.Kind.Vietnamese(),
            r.TaskId, r.Task, r.ReportId, r.Report, r.Agency, r.Reason, r.Note, r.ReadAt))];
    }

    public static Task<int> UnreadAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = db.Viewer.UserId ?? 0;
        return db.Notifications.CountAsync(n => n.UserId == user && n.ReadAt == null, ct);
    }

    /// <summary>The header's unread count; null when it cannot be read (the page — perhaps the error page — still shows).</summary>
    public static async Task<int?> UnreadForHeaderAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            return await UnreadAsync(db, ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Marks the viewer's notifications read (those given, or all); returns how many.</summary>
    public static Task<int> MarkReadAsync(AppDbContext db, IReadOnlyCollection<long>? urgings, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = db.Viewer.UserId ?? 0;
        var now = time.GetUtcNow();
        var query = db.Notifications.Where(n => n.UserId == user && n.ReadAt == null);
        if (urgings is { Count: > 0 })
        {
            query = query.Where(n => urgings.Contains(n.UrgingId));
        }

        return query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>Sets how the viewer gets digests; the errors name the field.</summary>
    public static async Task<InputErrors> ChooseDigestAsync(AppDbContext db, string? digest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var errors = new InputErrors();
        if (Input.Clean(digest) is not ("daily" or "weekly" or "none") || db.Viewer.UserId is null)
        {
            errors.Add("digest", "Chọn daily (hằng ngày), weekly (hằng tuần) hoặc none (không nhận thư).");
            return errors;
        }

        var user = db.Viewer.UserId.Value;
        await db.Users.Where(u => u.Id == user).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestFrequency, Input.Clean(digest)!), ct);
        return errors;
    }

    private static async Task<Ok<IReadOnlyList<NotificationView>>> Notifications(bool? unread, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await NotificationsAsync(db, unread ?? false, ct));

    private static async Task<Ok<int>> MarkRead(ReadInput? input, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await MarkReadAsync(db, input?.Urgings, time, ct));

    private static async Task<Results<NoContent, ValidationProblem>> ChooseDigest(DigestChoice? input, AppDbContext db, CancellationToken ct)
    {
        var errors = await ChooseDigestAsync(db, input?.Digest, ct);
        return errors.Any ? errors.Problem() : TypedResults.NoContent();
    }
}
