using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LoTrinh.Web.Features.Accounts;

[EnableRateLimiting(Security.SignInLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn) : FormPage
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    [AnonymousHandler]
    public async Task<IActionResult> OnPostAsync()
    {
        var userName = Input.Clean(UserName)?.ToLowerInvariant();
        if (userName is null || string.IsNullOrEmpty(Password))
        {
            Message = "Nhập tên đăng nhập và mật khẩu.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(userName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // The same message whether the name exists or not; a lockout is said, since the owner must know to wait.
        Message = result.IsLockedOut
            ? "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Thử lại sau 15 phút hoặc nhờ quản trị đặt lại mật khẩu."
            : "Tên đăng nhập hoặc mật khẩu không đúng.";
        Password = null;
        return Page();
    }
}
