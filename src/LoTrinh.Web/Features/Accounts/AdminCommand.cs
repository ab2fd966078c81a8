using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace LoTrinh.Web.Features.Accounts;

/// <summary><c>lotrinh admin create</c>: the first administrator, since the application ships with no account and no default password.</summary>
public static class AdminCommand
{
    public static async Task<int> CreateAsync(IConfiguration configuration, string userName, string? displayName, string? password,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var provider = AccountServices(configuration);
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var input = new NewUserInput(userName, displayName ?? userName, Role.Administrator.Code(), null);
        var (user, made, errors) = await AccountBook.CreateUserAsync(users, db, input, string.IsNullOrEmpty(password) ? null : password, ct);
        if (user is null)
        {
            foreach (var (field, messages) in errors.All)
            {
                await error.WriteLineAsync($"lotrinh admin create: {field}: {string.Join(" ", messages)}");
            }

            return 2;
        }

        await output.WriteLineAsync($"Đã tạo tài khoản quản trị \"{user.UserName}\".");
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Mật khẩu (chỉ hiện lần này, hãy đổi sau khi đăng nhập): {made}");
        }

        return 0;
    }

    /// <summary>The account store alone, without the web host: for the command line and for tests that make accounts.</summary>
    public static ServiceProvider AccountServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLoTrinhData(configuration);
        services.AddAccountStore();
        return services.BuildServiceProvider();
    }
}
