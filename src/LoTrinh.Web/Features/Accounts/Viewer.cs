using System.Globalization;
using System.Security.Claims;
using LoTrinh.Core.Accounts;

namespace LoTrinh.Web.Features.Accounts;

/// <summary>
/// Who is reading or writing: a signed-in person (role, agency, the agency's unit), the public, or the
/// system itself (command line, background work). The database's scope rules read it (AppDbContext.Scope).
/// </summary>
public sealed record Viewer(long? UserId, string Name, Role? Role, long? AgencyId, long? UnitId, string? Client, bool IsSystem = false)
{
    public static class ClaimNames
    {
        public const string Role = "lotrinh:role";
        public const string Agency = "lotrinh:agency";
        public const string Unit = "lotrinh:unit";
        public const string DisplayName = "lotrinh:name";
    }

    /// <summary>
    /// The signed-in person's own live credential for this request (session key or access token). The
    /// database checks it to seal the actor of the audit trail (lotrinh_set_actor); it is never written down.
    /// </summary>
    public string? Credential { get; init; }

    /// <summary>Where authentication leaves the credential for the request (HttpContext.Items).</summary>
    public const string CredentialItem = "lotrinh:credential";

    public override string ToString() => $"Viewer {UserId} {Name} {Role}";

    public static Viewer System(string name) => new(null, name, null, null, null, null, IsSystem: true);

    public bool IsSignedIn => UserId is not null;

    public ReadScope Scope => IsSystem ? ReadScope.All : Role.Scope();

    /// <summary>Who reads the same rows: all, the public, or one agency of one unit (what results may be shared by).</summary>
    public string ScopeKey => Scope == ReadScope.Agency ? $"agency:{AgencyId}:{UnitId}" : Scope.ToString();

    public bool Can(Permission permission) => IsSystem || (Role is { } role && role.Has(permission));

    public static Viewer From(ClaimsPrincipal user, string? client)
    {
        if (user.Identity?.IsAuthenticated != true || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id))
        {
            return new Viewer(null, "Khách", null, null, null, client);
        }

        Role? role = Roles.TryParse(user.FindFirstValue(ClaimNames.Role), out var r) ? r : null;
        return new Viewer(id, user.FindFirstValue(ClaimNames.DisplayName) ?? user.Identity.Name ?? "?", role,
            Number(user, ClaimNames.Agency), Number(user, ClaimNames.Unit), client);
    }

    private static long? Number(ClaimsPrincipal user, string type) =>
        long.TryParse(user.FindFirstValue(type), CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>
/// The viewer of the current request, read when asked (authentication runs after the request's services
/// are made); outside a request it is the system, or the person background work reads for (<see cref="ReadingFor"/>).
/// </summary>
public sealed class ViewerAccessor(IHttpContextAccessor http)
{
    /// <summary>Set by background work that reads in someone's scope (an export they asked for); it writes nothing as them.</summary>
    public Viewer? ReadingFor { get; set; }

    public Viewer Current => http.HttpContext is { } context
        ? Viewer.From(context.User, context.Connection.RemoteIpAddress?.ToString()) with { Credential = context.Items[Viewer.CredentialItem] as string }
        : ReadingFor ?? Viewer.System("Hệ thống");
}
