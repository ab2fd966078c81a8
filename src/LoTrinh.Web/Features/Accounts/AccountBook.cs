using System.Security.Cryptography;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Accounts;

public sealed record NewUserInput(string? UserName, string? DisplayName, string? Role, string? Agency);

public sealed record PasswordChangeInput(string? Current, string? New);

/// <param name="Scope">"all" (the default: what its holder may do) or "feed" (the IOC feed only).</param>
public sealed record TokenInput(string? Name, int? Days, string? Scope = null);

/// <summary>Locked is required: a body that omits it changes nothing (it is not read as false).</summary>
public sealed record LockInput(bool? Locked);

public sealed record UserRow(long Id, string UserName, string DisplayName, string Role, string RoleLabel, long? AgencyId, string? Agency, bool Locked);

public sealed record TokenRow(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, string Scope);

/// <summary>A token as made: the only time the token itself is seen.</summary>
public sealed record IssuedToken(long Id, string Name, string Token, DateTimeOffset ExpiresAt, string Scope);

/// <summary>
/// What the account pages, the API and <c>lotrinh admin create</c> do to accounts, written once. Passwords
/// made here are random and shown once; there is no default password anywhere.
/// </summary>
public static class AccountBook
{
    public const int MaxTokenDays = 365;

    public static async Task<(AppUser? User, string? Password, InputErrors Errors)> CreateUserAsync(
        UserManager<AppUser> users, AppDbContext db, NewUserInput input, string? password, CancellationToken ct)
    {
        var errors = new InputErrors();
        var userName = errors.Required("userName", input.UserName)?.ToLowerInvariant();
        var displayName = errors.Required("displayName", input.DisplayName);
        long? agencyId = null;
        if (!Roles.TryParse(input.Role, out var role))
        {
            errors.Add("role", $"Chọn một vai trò: {string.Join(", ", Roles.All.Select(r => r.Code()))}.");
        }
        else if (role.BelongsToAgency())
        {
            (agencyId, var problem) = await TaskBoard.FindAgencyAsync(db, input.Agency, ct);
            if (agencyId is null)
            {
                errors.Add("agency", problem ?? "Cán bộ và lãnh đạo cơ quan cần thuộc một cơ quan có trong danh mục.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Agency))
        {
            errors.Add("agency", $"Vai trò \"{role.Vietnamese()}\" làm việc cho chương trình, không thuộc một cơ quan.");
        }

        if (errors.Any)
        {
            return (null, null, errors);
        }

        var user = new AppUser { UserName = userName, DisplayName = displayName!, RoleCode = role.Code(), AgencyId = agencyId };
        password ??= NewPassword();
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? (user, password, errors) : (null, null, Collect(errors, result, "password"));
    }

    /// <summary>A new random password for someone who lost theirs; every session they had ends, and a lockout is lifted.</summary>
    public static async Task<(string UserName, string Password)?> ResetPasswordAsync(UserManager<AppUser> users, long id)
    {
        if (await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
        {
            return null;
        }

        var password = NewPassword();
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return (user.UserName!, password);
    }

    /// <summary>
    /// Locks or unlocks an account; null when there is none. An administrator cannot lock themselves, nor the
    /// last administrator who can still sign in: the system would be left with no one to manage accounts.
    /// </summary>
    public static async Task<InputErrors?> SetLockedAsync(UserManager<AppUser> users, long id, bool locked, long? actingUserId, DateTimeOffset now)
    {
        if (await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
        {
            return null;
        }

        var errors = new InputErrors();
        if (locked && id == actingUserId)
        {
            errors.Add("locked", "Không tự khóa tài khoản của mình; nhờ một quản trị viên khác.");
        }
        else if (locked && user.RoleCode == Role.Administrator.Code()
            && !await users.Users.AnyAsync(u => u.Id != id && u.RoleCode == user.RoleCode && (u.LockoutEnd == null || u.LockoutEnd <= now)))
        {
            errors.Add("locked", "Đây là quản trị viên cuối cùng còn hoạt động; khóa thì không ai quản lý được tài khoản.");
        }

        if (errors.Any)
        {
            return errors;
        }

        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (locked)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return errors;
    }

    public static async Task<InputErrors> ChangePasswordAsync(UserManager<AppUser> users, AppUser user, PasswordChangeInput input)
    {
        var errors = new InputErrors();
        if (string.IsNullOrEmpty(input.Current))
        {
            errors.Add("current", "Nhập mật khẩu hiện tại.");
        }

        if (string.IsNullOrEmpty(input.New))
        {
            errors.Add("new", "Nhập mật khẩu mới.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var result = await users.ChangePasswordAsync(user, input.Current!, input.New!);
        return result.Succeeded ? errors : Collect(errors, result, "new", ("current", nameof(IdentityErrorDescriber.PasswordMismatch)));
    }

    public static async Task<(IssuedToken? Token, InputErrors Errors)> IssueTokenAsync(AppDbContext db, TimeProvider time, long userId, TokenInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.Required("name", input.Name);
        var days = input.Days ?? 90;
        if (days is < 1 or > MaxTokenDays)
        {
            errors.Add("days", $"Thời hạn của mã từ 1 đến {MaxTokenDays} ngày.");
        }

        var scope = string.IsNullOrWhiteSpace(input.Scope) ? AccessToken.AllScope : input.Scope.Trim();
        if (scope is not (AccessToken.AllScope or AccessToken.FeedScope))
        {
            errors.Add("scope", $"Phạm vi của mã: \"{AccessToken.AllScope}\" (mọi việc của tài khoản) hoặc \"{AccessToken.FeedScope}\" (chỉ nguồn dữ liệu IOC).");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var (token, row) = AccessToken.Issue(userId, name!, time.GetUtcNow().AddDays(days), scope);
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return (new IssuedToken(row.Id, row.Name, token, row.ExpiresAt, row.Scope), errors);
    }

    /// <summary>Revokes one of the viewer's own tokens (an administrator: anyone's). False when there is no such token.</summary>
    public static async Task<bool> RevokeTokenAsync(AppDbContext db, TimeProvider time, Viewer viewer, long id, CancellationToken ct)
    {
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id && (t.UserId == viewer.UserId || viewer.Role == Role.Administrator), ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static Task<List<TokenRow>> TokensAsync(AppDbContext db, long userId, CancellationToken ct) =>
        db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.Scope))
            .ToListAsync(ct);

    public static async Task<List<UserRow>> UsersAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.RoleCode, u.AgencyId, Agency = u.Agency!.Name, u.LockoutEnd })
            .ToListAsync(ct);
        return [.. rows.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.RoleCode,
            Roles.TryParse(u.RoleCode, out var role) ? role.Vietnamese() : u.RoleCode, u.AgencyId, u.Agency, u.LockoutEnd > now))];
    }

    /// <summary>16 random characters from an alphabet without look-alikes (0/O, 1/l/I): about 80 bits.</summary>
    public static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    private static InputErrors Collect(InputErrors errors, IdentityResult result, string field, params (string Field, string Code)[] byCode)
    {
        foreach (var error in result.Errors)
        {
            var target = byCode.FirstOrDefault(b => b.Code == error.Code).Field
                ?? (error.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : field);
            errors.Add(target, error.Description);
        }

        return errors;
    }
}
