using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Urging;

/// <summary>A person's notifications (what they were urged about) and how they get the digest by e-mail.</summary>
public sealed class InboxModel(AppDbContext db, TimeProvider time, IConfiguration configuration) : FormPage
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];
    public string? Email { get; private set; }
    public bool MailConfigured => SmtpOptions.Read(configuration) is not null;
    [BindProperty] public string? Digest { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(Permission.ReadInternal)]
    public async Task<IActionResult> OnPostReadAsync(long? urging, CancellationToken ct)
    {
        await UrgingApi.MarkReadAsync(db, urging is { } one ? [one] : null, time, ct);
        return RedirectToPage();
    }

    [Requires(Permission.ReadInternal)]
    public async Task<IActionResult> OnPostDigestAsync(CancellationToken ct)
    {
        Errors = await UrgingApi.ChooseDigestAsync(db, Digest, ct);
        if (!Errors.Any)
        {
            return RedirectToPage();
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await UrgingApi.NotificationsAsync(db, unreadOnly: false, ct);
        var user = db.Viewer.UserId ?? 0;
        var person = await db.Users.AsNoTracking().Where(u => u.Id == user).Select(u => new { u.Email, u.DigestFrequency }).FirstOrDefaultAsync(ct);
        Email = person?.Email;
        Digest ??= person?.DigestFrequency;
    }
}
