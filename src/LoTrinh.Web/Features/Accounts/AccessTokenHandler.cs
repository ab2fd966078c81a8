using System.Text.Encodings.Web;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LoTrinh.Web.Features.Accounts;

/// <summary>"Authorization: Bearer lt_…": a personal access token, checked against its hash on every request.</summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var hash = AccessToken.HashOf(token);
        var now = time.GetUtcNow();
        var found = await db.AccessTokens.AsNoTracking().Include(t => t.User)
            .FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null && t.ExpiresAt > now, Context.RequestAborted);
        if (found is null || (found.User.LockoutEnd is { } until && until > now))
        {
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");
        }

        // Recorded at most once a minute: a busy integration should not write on every call.
        if (found.LastUsedAt is null || found.LastUsedAt < now.AddMinutes(-1))
        {
            await db.AccessTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        Context.Items[Viewer.CredentialItem] = token;
        var principal = await principals.CreateAsync(found.User);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}

/// <summary>Adds the role, agency and the agency's unit to the signed-in person's claims.</summary>
public sealed class ViewerClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new(Viewer.ClaimNames.Role, user.RoleCode));
        identity.AddClaim(new(Viewer.ClaimNames.DisplayName, user.DisplayName));
        if (user.AgencyId is { } agencyId)
        {
            identity.AddClaim(new(Viewer.ClaimNames.Agency, agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var unit = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.AdministrativeUnitId).FirstOrDefaultAsync();
            if (unit is { } unitId)
            {
                identity.AddClaim(new(Viewer.ClaimNames.Unit, unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return identity;
    }
}
