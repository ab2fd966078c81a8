using System.Globalization;
using System.Text;
using LoTrinh.Core.Urging;
using LoTrinh.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace LoTrinh.Web.Features.Urging;

/// <summary>Where mail goes: Smtp:Host (none = urges stay in the app), Smtp:Port, Smtp:Tls (none, starttls, ssl), Smtp:From, Smtp:User, Smtp:Password.</summary>
public sealed record SmtpOptions(string Host, int Port, SecureSocketOptions Tls, string From, string? User, string? Password, int TimeoutSeconds)
{
    public static SmtpOptions? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Smtp:Host"] is { Length: > 0 } host
            ? new SmtpOptions(host, configuration.GetValue("Smtp:Port", 25),
                configuration["Smtp:Tls"]?.ToLowerInvariant() switch
                {
                    "ssl" => SecureSocketOptions.SslOnConnect,
                    "starttls" => SecureSocketOptions.StartTls,
                    "none" => SecureSocketOptions.None,
                    _ => SecureSocketOptions.StartTlsWhenAvailable,
                },
                configuration["Smtp:From"] is { Length: > 0 } from ? from : "lotrinh@localhost",
                configuration["Smtp:User"], configuration["Smtp:Password"], configuration.GetValue("Smtp:TimeoutSeconds", 30))
            : null;
    }
}

/// <summary>A person's digest as it is sent (and previewed).</summary>
public sealed record DigestMail(long UserId, string To, string Name, DateOnly Day, string Subject, string Body, int Items);

/// <summary>
/// One e-mail per person per day with everything they were urged about since their last one (weekly: on the first
/// working day of the week, the week's), grouped as a reader acts on it: what is late first, by directive. OpenProject sends one mail
/// per task and its users switch mail off; a digest is read.
/// </summary>
public static class Digests
{
    public const int MaxAttempts = 6;

    /// <summary>Items listed per kind in one mail; the rest are counted, with the link.</summary>
    public const int PerKind = 50;

    private static readonly UrgeKind[] Order =
        [UrgeKind.Manual, UrgeKind.EscalatedToSecretariat, UrgeKind.EscalatedToHead, UrgeKind.Overdue, UrgeKind.DueToday, UrgeKind.DueSoon, UrgeKind.Stale, UrgeKind.Unassigned];

    /// <summary>
    /// Queues the digests of a day for everyone told of something since their last digest (at most a week back: after
    /// downtime, the days caught up go in one mail) who has an address and wants mail daily — or weekly, on the first
    /// working day of a week. Queued once per person and day.
    /// </summary>
    public static Task<int> QueueAsync(AppDbContext db, DateOnly day, bool weekStarts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var weekBack = day.AddDays(-7);
        return db.Database.ExecuteSqlAsync($"""
            insert into digest (user_id, day, address, items)
            select p.id, {day}, p.email, count(*)
              from app_user p
              join notification n on n.user_id = p.id
              join urging u on u.id = n.urging_id
             where coalesce(p.email, '') <> '' and (p.lockout_end is null or p.lockout_end < now())
               and (p.digest = 'daily' or ({weekStarts} and p.digest = 'weekly'))
               and u.day <= {day}
               and u.day > greatest({weekBack}, coalesce((select max(g.day) from digest g where g.user_id = p.id and g.day < {day}), {weekBack}))
             group by p.id, p.email
            union all
            -- Leadership's weekly digest: where the programme stands, whatever they were told.
            select p.id, {day}, p.email, 0 from app_user p
             where {weekStarts} and p.role = 'leadership' and p.digest <> 'none' and coalesce(p.email, '') <> ''
               and (p.lockout_end is null or p.lockout_end < now())
            on conflict do nothing
            """, ct);
    }

    /// <summary>The first working day of its week (Monday, or later when Monday is a day off).</summary>
    public static bool WeekStarts(DateOnly day, Core.Calendar.WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return calendar.RollForward(monday) == day;
    }

    /// <summary>
    /// Leadership's weekly section: the lead agencies with the most overdue tasks and what changed since a week ago
    /// (tasks fallen overdue, completed, deadlines moved, new) — the dashboard's figures, in words.
    /// </summary>
    public static async Task<string> ProgrammeWeekAsync(AppDbContext db, DateOnly day, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overdueByLead = await Tasks.TaskBoard.Classify(db.Tasks.AsNoTracking().Where(t => t.LeadAgencyId != null), day)
            .Where(c => c.Status == Core.Tasks.TaskStatusClass.InProgressOverdue)
            .GroupBy(c => c.Task.LeadAgencyId)
            .Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).Take(10).ToListAsync(ct);
        var ids = overdueByLead.Select(g => g.Id).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ShortName ?? a.Name, ct);
        var changes = await Dashboard.DashboardChangesQuery.LoadAsync(db, day.AddDays(-7), day, ct);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"TÌNH HÌNH CHƯƠNG TRÌNH TUẦN QUA ({day.AddDays(-7):dd/MM} – {day:dd/MM/yyyy})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Nhiệm vụ mới quá hạn: {changes.BecameOverdue.Total}; hoàn thành: {changes.Completed.Total}; "
            + $"điều chỉnh thời hạn: {changes.DeadlineMoved.Total}; giao mới: {changes.Added.Total}.");
        if (overdueByLead.Count > 0)
        {
            text.AppendLine("  Cơ quan chủ trì có nhiều nhiệm vụ quá hạn nhất:");
            foreach (var line in overdueByLead)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  • {names.GetValueOrDefault(line.Id, "?")}: {line.Count} nhiệm vụ quá hạn — {baseUrl}/Urging?agency={line.Id}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  Bảng điều hành: {baseUrl}/?asOf={day:yyyy-MM-dd}&since={day.AddDays(-7):yyyy-MM-dd}");
        return text.ToString();
    }

    /// <summary>The digest of a person for a day, as it would be sent; null when there is nothing to tell or no such person.</summary>
    public static async Task<DigestMail?> ComposeAsync(AppDbContext db, long userId, DateOnly day, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.DigestFrequency, u.RoleCode, Agency = u.Agency == null ? null : u.Agency.Name }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        // Since the day after the person's last digest, at most a week back (as queued).
        var previous = await db.Digests.AsNoTracking().Where(d => d.UserId == userId && d.Day < day).MaxAsync(d => (DateOnly?)d.Day, ct);
        var from = previous is { } p && p >= day.AddDays(-7) ? p.AddDays(1) : day.AddDays(-6);
        var items = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.Urging.Day >= from && n.Urging.Day <= day)
            .OrderBy(n => n.Urging.Day).ThenBy(n => n.UrgingId)
            .Select(n => new
            {
                n.Urging.Kind,
                n.Urging.Reason,
                n.Urging.Note,
                n.Urging.TaskId,
                Task = n.Urging.Task == null ? null : n.Urging.Task.Text,
                Directive = n.Urging.Task == null ? null : n.Urging.Task.Directive.Number ?? n.Urging.Task.Directive.Kind + " — " + n.Urging.Task.Directive.IssuerName,
                n.Urging.ReportId,
                Report = n.Urging.Report == null ? null : n.Urging.Report.Period.Regime.Name + ", kỳ " + n.Urging.Report.Period.Label,
                Agency = n.Urging.Agency == null ? null : n.Urging.Agency.Name,
            })
            .ToListAsync(ct);
        var week = person.RoleCode == Core.Accounts.Roles.Code(Core.Accounts.Role.Leadership)
            && WeekStarts(day, await Calendar.WorkingCalendars.ForAsync(db, day.AddDays(-7), day, ct))
            ? await ProgrammeWeekAsync(db, day, baseUrl, ct)
            : null;
        if (items.Count == 0 && week is null)
        {
            return null;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Kính gửi {person.DisplayName}{(person.Agency is null ? "" : $" ({person.Agency})")},");
        text.AppendLine();
        text.AppendLine(from == day
            ? string.Create(CultureInfo.InvariantCulture, $"LoTrinh nhắc các việc cần làm ngày {day:dd/MM/yyyy}:")
            : string.Create(CultureInfo.InvariantCulture, $"LoTrinh nhắc các việc cần làm trong tuần {from:dd/MM} – {day:dd/MM/yyyy}:"));
        foreach (var kind in Order)
        {
            var ofKind = items.Where(i => i.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{kind.Vietnamese().ToUpper(CultureInfo.GetCultureInfo("vi-VN"))} ({ofKind.Count})");
            // A mail stays readable: the first items of each kind, then how many more and where to see them.
            foreach (var group in ofKind.Take(PerKind).GroupBy(i => i.Directive ?? "Báo cáo định kỳ").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key}");
                foreach (var i in group)
                {
                    var what = i.Task ?? i.Report ?? string.Empty;
                    var link = i.TaskId is { } task ? $"{baseUrl}/Tasks/Details/{task}" : $"{baseUrl}/Reporting/Report/{i.ReportId}";
                    var whose = i.Agency is not null && i.Agency != person.Agency ? $" [{i.Agency}]" : string.Empty;
                    text.AppendLine(CultureInfo.InvariantCulture, $"  • {what}{whose} — {i.Reason}");
                    if (i.Note is { } note)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"    Nội dung đôn đốc: {note}");
                    }

                    text.AppendLine(CultureInfo.InvariantCulture, $"    {link}");
                }
            }

            if (ofKind.Count > PerKind)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  … và {ofKind.Count - PerKind} việc khác: {baseUrl}/Urging/Inbox");
            }
        }

        if (week is not null)
        {
            text.AppendLine();
            text.Append(week);
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Xem tất cả thông báo: {baseUrl}/Urging/Inbox");
        text.AppendLine(CultureInfo.InvariantCulture, $"Thư gửi tự động từ LoTrinh; đổi cách nhận thư (hằng ngày, hằng tuần, không nhận) tại {baseUrl}/Urging/Inbox.");
        var late = items.Count(i => i.Kind is UrgeKind.Overdue or UrgeKind.EscalatedToHead or UrgeKind.EscalatedToSecretariat);
        var subject = items.Count == 0
            ? $"[LoTrinh] Tình hình chương trình tuần đến {day:dd/MM/yyyy}"
            : $"[LoTrinh] {day:dd/MM/yyyy}: {items.Count} việc cần đôn đốc" + (late > 0 ? $", {late} quá hạn" : string.Empty);
        return new DigestMail(person.Id, person.Email ?? string.Empty, person.DisplayName, day, subject, text.ToString(), items.Count);
    }

    /// <summary>
    /// Sends the queued digests that are due, one at a time, each taken with a lease so another instance does not send
    /// it too. A refusal or a time-out is noted and tried again later (1, 2, 4 … minutes), up to <see cref="MaxAttempts"/>;
    /// the others go on. Returns how many were sent.
    /// </summary>
    public static async Task<int> SendDueAsync(AppDbContext db, SmtpOptions smtp, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(smtp);
        var sent = 0;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        while (!ct.IsCancellationRequested)
        {
            var taken = await db.Database.SqlQuery<TakenDigest>($"""
                update digest d set lease_until = now() + interval '5 minutes', attempts = d.attempts + 1
                  from (select user_id, day from digest
                         where status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
                         order by next_attempt_at, user_id limit 1 for update skip locked) next
                 where d.user_id = next.user_id and d.day = next.day
                returning d.user_id as "UserId", d.day as "Day", d.address as "Address", d.attempts as "Attempts"
                """).ToListAsync(ct);
            if (taken is not [var digest])
            {
                break;
            }

            try
            {
                var mail = await ComposeAsync(db, digest.UserId, digest.Day, baseUrl, ct);
                if (mail is not null)
                {
                    await SendAsync(client, smtp, mail with { To = digest.Address }, ct);
                }

                await db.Database.ExecuteSqlAsync($"""
                    update digest set status = 'sent', sent_at = now(), lease_until = null, error = null
                     where user_id = {digest.UserId} and day = {digest.Day}
                    """, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                var status = digest.Attempts >= MaxAttempts ? "failed" : "pending";
                var wait = TimeSpan.FromMinutes(Math.Pow(2, digest.Attempts - 1));
                await db.Database.ExecuteSqlAsync($"""
                    update digest set status = {status}, error = {error}, lease_until = null, next_attempt_at = now() + {wait}
                     where user_id = {digest.UserId} and day = {digest.Day}
                    """, ct);
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: false, CancellationToken.None);
                }
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, ct);
        }

        return sent;
    }

    /// <summary>Sends one mail now (the secretariat's "send now"), outside the queue.</summary>
    public static async Task SendNowAsync(SmtpOptions smtp, DigestMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await SendAsync(client, smtp, mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private static async Task SendAsync(SmtpClient client, SmtpOptions smtp, DigestMail mail, CancellationToken ct)
    {
        if (!client.IsConnected)
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Tls, ct);
            if (smtp.User is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, smtp.Password ?? string.Empty, ct);
            }
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(mail.Name, mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        await client.SendAsync(message, ct);
    }

    private sealed record TakenDigest(long UserId, DateOnly Day, string Address, int Attempts);
}
