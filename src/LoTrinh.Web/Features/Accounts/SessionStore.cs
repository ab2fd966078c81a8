using System.Security.Cryptography;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Accounts;

/// <summary>
/// Sign-in sessions on the server (user_session): the cookie carries a random key, the database its hash
/// and the session. Signing out deletes the row, so a copied cookie is worthless from that moment; a new
/// security stamp (password changed or reset, "sign out everywhere") or a lock deletes all of the person's
/// (trigger in 0005_reliability.sql, so no path can forget it). The key is also the person's proof to the audit
/// trail (<see cref="Viewer.Credential"/>).
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, TimeProvider time) : ITicketStore
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        var user = long.Parse(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        await WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"insert into user_session (key_hash, user_id, ticket, expires_at) values ({AccessToken.HashOf(key)}, {user}, {TicketSerializer.Default.Serialize(ticket)}, {ExpiresAt(ticket)})"));
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"update user_session set ticket = {TicketSerializer.Default.Serialize(ticket)}, expires_at = {ExpiresAt(ticket)} where key_hash = {AccessToken.HashOf(key)}"));

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await WithDbAsync(db => db.Database
            .SqlQuery<byte[]>($"select ticket as \"Value\" from user_session where key_hash = {AccessToken.HashOf(key)} and expires_at > {now}")
            .FirstOrDefaultAsync(cancellationToken));
        if (stored is null)
        {
            return null;
        }

        httpContext?.Items[Viewer.CredentialItem] = key;
        return TicketSerializer.Default.Deserialize(stored);
    }

    public Task RemoveAsync(string key) =>
        WithDbAsync(db => db.Database.ExecuteSqlAsync($"delete from user_session where key_hash = {AccessToken.HashOf(key)}"));

    private DateTimeOffset ExpiresAt(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc ?? time.GetUtcNow().Add(DefaultLifetime);

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Puts the cookie's sessions in <see cref="SessionStore"/>.</summary>
public static class SessionStoreRegistration
{
    public static IServiceCollection AddServerSideSessions(this IServiceCollection services)
    {
        services.AddSingleton<SessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
            .Configure<SessionStore>((o, store) => o.SessionStore = store);
        return services;
    }
}
