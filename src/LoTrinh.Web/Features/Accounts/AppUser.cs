using LoTrinh.Core.Accounts;
using LoTrinh.Web.Features.Agencies;
using Microsoft.AspNetCore.Identity;

namespace LoTrinh.Web.Features.Accounts;

/// <summary>A person who signs in. Scope is data: an officer belongs to an agency, an agency to a unit.</summary>
public sealed class AppUser : IdentityUser<long>
{
    public required string DisplayName { get; set; }
    public required string RoleCode { get; set; }
    public long? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How the person gets urges by e-mail: daily (every working day), weekly (Mondays) or none (in the app only).</summary>
    public string DigestFrequency { get; set; } = "daily";

    public Role Role => Roles.TryParse(RoleCode, out var role) ? role : throw new InvalidOperationException($"role {RoleCode}");
}

/// <summary>
/// A personal access token for another system calling the API. Only its SHA-256 is stored; the token is
/// shown once. It expires, and its owner or an administrator can revoke it.
/// </summary>
public sealed class AccessToken
{
    public const string Scheme = "Token";

    /// <summary>A token that may do what its holder may (the default).</summary>
    public const string AllScope = "all";

    /// <summary>A token for an operations centre: it reads the IOC feed (/api/feed) and nothing else.</summary>
    public const string FeedScope = "feed";

    /// <summary>The claim a token's scope is carried in.</summary>
    public const string ScopeClaim = "lotrinh:token_scope";

    /// <summary>Tokens start with this, so a leaked one is recognisable in logs and by secret scanners.</summary>
    public const string Marker = "lt_";

    public long Id { get; set; }
    public long UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public required string Name { get; set; }

    /// <summary>The first characters of the token, to tell tokens apart in a list.</summary>
    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary><see cref="AllScope"/> or <see cref="FeedScope"/>.</summary>
    public string Scope { get; set; } = AllScope;

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>A new random token (256 bits) and its row; the caller shows the token once.</summary>
    public static (string Token, AccessToken Row) Issue(long userId, string name, DateTimeOffset expiresAt, string scope = AllScope)
    {
        var token = Marker + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, new AccessToken { UserId = userId, Name = name, Prefix = token[..10], Hash = HashOf(token), ExpiresAt = expiresAt, Scope = scope });
    }

    public static byte[] HashOf(string token) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}
