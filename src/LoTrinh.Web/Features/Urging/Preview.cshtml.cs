using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Urging;

/// <summary>The secretariat sees a person's digest for a day as it would be mailed, and can send it now.</summary>
public sealed class PreviewModel(AppDbContext db, TimeProvider time, IConfiguration configuration) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "user")] public long? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }

    public IReadOnlyList<(long Id, string Name)> People { get; private set; } = [];
    public DigestMail? Mail { get; private set; }
    public bool MailConfigured => SmtpOptions.Read(configuration) is not null;
    public string? SentTo { get; private set; }

    /// <summary>The person's last digests: sent, waiting to be tried again (with the server's answer) or failed for good.</summary>
    public IReadOnlyList<Digest> History { get; private set; } = [];

    public async Task OnGetAsync(string? sent, CancellationToken ct)
    {
        SentTo = sent;
        await LoadAsync(ct);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Mail is null || SmtpOptions.Read(configuration) is not { } smtp)
        {
            return Page();
        }

        if (Mail.To.Length == 0)
        {
            Errors.Add("user", $"{Mail.Name} chưa có địa chỉ thư điện tử.");
            return Page();
        }

        try
        {
            await Digests.SendNowAsync(smtp, Mail, ct);
        }
        catch (Exception e) when (e is MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException
                                      or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            Errors.Add("user", $"Máy chủ thư không nhận thư: {e.Message}");
            return Page();
        }

        return RedirectToPage(new { user = UserId, day = Day, sent = Mail.To });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var day = Errors.Date("day", Day) ?? time.Today();
        Day = day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        People = [.. (await db.Notifications.AsNoTracking().Where(n => n.Urging.Day > day.AddDays(-7) && n.Urging.Day <= day)
            .Select(n => n.UserId).Distinct()
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.DisplayName, Agency = u.Agency == null ? null : u.Agency.ShortName ?? u.Agency.Name })
            .OrderBy(p => p.DisplayName).Take(500).ToListAsync(ct))
            .Select(p => (p.Id, p.Agency is null ? p.DisplayName : $"{p.DisplayName} ({p.Agency})"))];
        if (UserId is { } user && !Errors.Any)
        {
            Mail = await Digests.ComposeAsync(db, user, day, UrgingApi.BaseUrl(configuration), ct);
            History = await db.Digests.AsNoTracking().Where(d => d.UserId == user).OrderByDescending(d => d.Day).Take(30).ToListAsync(ct);
        }
    }
}
