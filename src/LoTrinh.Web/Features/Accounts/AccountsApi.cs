using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace LoTrinh.Web.Features.Accounts;

public sealed record MeView(long Id, string UserName, string DisplayName, string Role, string RoleLabel, long? AgencyId);

public static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Tài khoản").RequireAuthorization();
        account.MapGet("/", Me).WithSummary("Người đang đăng nhập: vai trò và cơ quan.");
        account.MapPost("/password", ChangePassword).WithSummary("Đổi mật khẩu của mình (các phiên khác kết thúc).");
        account.MapPost("/sign-out-everywhere", SignOutEverywhere).WithSummary("Kết thúc mọi phiên đăng nhập của mình trên mọi thiết bị.");
        account.MapGet("/tokens", Tokens).WithSummary("Các mã truy cập cá nhân của mình (không hiện mã).");
        account.MapPost("/tokens", IssueToken).RequireRateLimiting(Security.SignInLimit)
            .WithSummary("Tạo mã truy cập cá nhân cho một hệ thống khác (Authorization: Bearer …); mã chỉ hiện một lần.");
        account.MapDelete("/tokens/{id:id}", RevokeToken).WithSummary("Thu hồi một mã truy cập.");

        var users = app.MapGroup("/api/users").WithTags("Tài khoản").Requires(Permission.ManageAccounts);
        users.MapGet("/", ListUsers).WithSummary("Các tài khoản.");
        users.MapPost("/", CreateUser).WithSummary("Tạo tài khoản; mật khẩu ngẫu nhiên trả về một lần.");
        users.MapPost("/{id:id}/reset-password", ResetPassword).WithSummary("Đặt lại mật khẩu (ngẫu nhiên, trả về một lần) và kết thúc mọi phiên.");
        users.MapPost("/{id:id}/lock", Lock).WithSummary("Khóa hay mở khóa một tài khoản.");
    }

    public sealed record CreatedUser(long Id, string UserName, string Password);

    public sealed record NewPassword(string Password);

    private static async Task<Results<Ok<MeView>, NotFound>> Me(UserManager<AppUser> users, HttpContext http) =>
        await users.GetUserAsync(http.User) is { } u
            ? TypedResults.Ok(new MeView(u.Id, u.UserName!, u.DisplayName, u.RoleCode, u.Role.Vietnamese(), u.AgencyId))
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangePassword(PasswordChangeInput input, UserManager<AppUser> users, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var errors = await AccountBook.ChangePasswordAsync(users, user, input);
        return errors.Any ? errors.Problem() : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> SignOutEverywhere(UserManager<AppUser> users, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.NotFound();
        }

        await users.UpdateSecurityStampAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<TokenRow>>> Tokens(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AccountBook.TokensAsync(db, db.Viewer.UserId!.Value, ct));

    private static async Task<Results<Created<IssuedToken>, ValidationProblem>> IssueToken(TokenInput input, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (token, errors) = await AccountBook.IssueTokenAsync(db, time, db.Viewer.UserId!.Value, input, ct);
        return token is null ? errors.Problem() : TypedResults.Created($"/api/account/tokens/{token.Id}", token);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeToken(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await AccountBook.RevokeTokenAsync(db, time, db.Viewer, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<List<UserRow>>> ListUsers(AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await AccountBook.UsersAsync(db, time.GetUtcNow(), ct));

    private static async Task<Results<Created<CreatedUser>, ValidationProblem>> CreateUser(
        NewUserInput input, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        var (user, password, errors) = await AccountBook.CreateUserAsync(users, db, input, null, ct);
        return user is null ? errors.Problem() : TypedResults.Created($"/api/users/{user.Id}", new CreatedUser(user.Id, user.UserName!, password!));
    }

    private static async Task<Results<Ok<NewPassword>, NotFound>> ResetPassword(long id, UserManager<AppUser> users) =>
        await AccountBook.ResetPasswordAsync(users, id) is { } reset ? TypedResults.Ok(new NewPassword(reset.Password)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Lock(long id, LockInput input, UserManager<AppUser> users, AppDbContext db, TimeProvider time)
    {
        var errors = new InputErrors();
        if (errors.Flag("locked", input.Locked) is not { } locked)
        {
            return errors.Problem();
        }

        return await AccountBook.SetLockedAsync(users, id, locked, db.Viewer.UserId, time.GetUtcNow()) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } refused => refused.Problem(),
            _ => TypedResults.NoContent(),
        };
    }
}
