using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Accounts;

/// <summary>One's own account: password, sessions, personal access tokens.</summary>
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider time) : FormPage
{
    public AppUser Me { get; private set; } = null!;
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public IssuedToken? Issued { get; private set; }
    public string? Done { get; private set; }
    [BindProperty] public PasswordChangeInput Password { get; set; } = new(null, null);
    [BindProperty] public TokenInput Token { get; set; } = new(null, 90);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Show(ct);

    [Requires]
    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed in without an account");
        Errors = await AccountBook.ChangePasswordAsync(users, user, Password);
        if (!Errors.Any)
        {
            // The stamp changed: other sessions end; this one continues with a fresh cookie.
            await signIn.RefreshSignInAsync(user);
            Done = "Đã đổi mật khẩu. Các phiên đăng nhập khác sẽ kết thúc.";
        }

        Password = new(null, null);
        return await Show(ct);
    }

    [Requires]
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed in without an account");
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [Requires]
    public async Task<IActionResult> OnPostTokenAsync(CancellationToken ct)
    {
        (Issued, Errors) = await AccountBook.IssueTokenAsync(db, time, db.Viewer.UserId!.Value, Token, ct);
        return await Show(ct);
    }

    [Requires]
    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        if (!await AccountBook.RevokeTokenAsync(db, time, db.Viewer, id, ct))
        {
            return NotFound();
        }

        Done = "Đã thu hồi mã truy cập.";
        return await Show(ct);
    }

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        Me = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed in without an account");
        Tokens = await AccountBook.TokensAsync(db, Me.Id, ct);
        return Page();
    }
}
