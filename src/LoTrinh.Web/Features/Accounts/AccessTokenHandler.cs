using System.Globalization;
using System.Security.Claims;
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
    AppDbContext db, TimeProvider time)
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
        // One round trip: every API call pays for it (Identity's factory would add a query for user claims
        // this app never uses, and one for the agency's unit).
        var found = await db.AccessTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => new
            {
                t.Id,
                t.LastUsedAt,
                t.Scope,
                t.UserId,
                t.User.UserName,
                t.User.DisplayName,
                t.User.RoleCode,
                t.User.AgencyId,
                t.User.LockoutEnd,
                UnitId = db.Agencies.Where(a => a.Id == t.User.AgencyId).Select(a => a.AdministrativeUnitId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || (found.LockoutEnd is { } until && until > now))
        {
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");
        }

        // Recorded at most once a minute: a busy integration should not write on every call.
        if (found.LastUsedAt is null || found.LastUsedAt < now.AddMinutes(-1))
        {
            await db.AccessTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        Context.Items[Viewer.CredentialItem] = token;
        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new(ClaimTypes.NameIdentifier, found.UserId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new(ClaimTypes.Name, found.UserName ?? ""));
        ViewerClaimsFactory.AddViewerClaims(identity, found.RoleCode, found.DisplayName, found.AgencyId, found.UnitId);
        identity.AddClaim(new(AccessToken.ScopeClaim, found.Scope));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}

/// <summary>Adds the role, agency and the agency's unit to the signed-in person's claims.</summary>
public sealed class ViewerClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var unit = user.AgencyId is { } agencyId
            ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.AdministrativeUnitId).FirstOrDefaultAsync()
            : null;
        AddViewerClaims(identity, user.RoleCode, user.DisplayName, user.AgencyId, unit);
        return identity;
    }

    /// <summary>What Viewer.From reads back: the same for a session cookie and an access token.</summary>
    public static void AddViewerClaims(ClaimsIdentity identity, string role, string displayName, long? agencyId, long? unitId)
    {
        identity.AddClaim(new(Viewer.ClaimNames.Role, role));
        identity.AddClaim(new(Viewer.ClaimNames.DisplayName, displayName));
        if (agencyId is { } agency)
        {
            identity.AddClaim(new(Viewer.ClaimNames.Agency, agency.ToString(CultureInfo.InvariantCulture)));
        }

        if (unitId is { } unit)
        {
            identity.AddClaim(new(Viewer.ClaimNames.Unit, unit.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
