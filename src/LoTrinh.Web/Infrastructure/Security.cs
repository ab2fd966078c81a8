using System.Reflection;
using System.Threading.RateLimiting;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web;

/// <summary>
/// Accounts, authentication (cookie for pages, personal access token or cookie for the API), the
/// permission policies, the sign-in rate limit and the response headers. SECURITY.md describes the model.
/// </summary>
public static class Security
{
    public const string SignInLimit = "sign-in";
    private const string CookieOrToken = "cookie-or-token";

    public static IServiceCollection AddLoTrinhSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ViewerAccessor>();
        services.AddAccountStore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ViewerClaimsFactory>();

        // A changed security stamp (password reset, "sign out everywhere") ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
            })
            .AddPolicyScheme(CookieOrToken, "Cookie hoặc mã truy cập", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessToken.Scheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessToken.Scheme, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "lotrinh";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.AccessDeniedPath = "/Status/403";
            // The API answers 401/403; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization(o =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                o.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser()
                    .RequireAssertion(c => Viewer.From(c.User, null).Can(permission)));
            }

            // An endpoint or page that says nothing is for signed-in people only.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => context.Request.Method == HttpMethods.Get
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:SignInPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                }));
        });

        services.AddExceptionHandler<RefusalHandler>();
        return services;
    }

    /// <summary>Identity's user store on the application's database, with the password and lockout policy; also used by <c>lotrinh admin</c>.</summary>
    public static IdentityBuilder AddAccountStore(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(o =>
            {
                // Length over composition (NIST SP 800-63B): a long passphrase, no forced symbols.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>();

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>A request to the JSON API, which answers ProblemDetails and never redirects.</summary>
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Requires a permission on an API endpoint.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(permission.ToString());

    /// <summary>
    /// Headers on every answer: a content security policy with no inline script or style, no framing,
    /// no MIME sniffing, no referrer sent to other sites.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next();
    });
}

/// <summary>
/// A page handler that changes something says who may call it. One without a rule is refused, so a new
/// handler cannot be open by omission. GET handlers follow the page's policy.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresAttribute : Attribute
{
    /// <summary>Any signed-in person.</summary>
    public RequiresAttribute() { }

    public RequiresAttribute(Permission permission) => Permission = permission;

    public Permission? Permission { get; }
}

/// <summary>A handler anyone may call (signing in).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnonymousHandlerAttribute : Attribute;

public sealed class HandlerPermissionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HandlerMethod;
        if (method is null || string.Equals(method.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase)
            || method.MethodInfo.GetCustomAttribute<AnonymousHandlerAttribute>() is not null)
        {
            await next();
            return;
        }

        var viewer = Viewer.From(context.HttpContext.User, null);
        var rule = method.MethodInfo.GetCustomAttribute<RequiresAttribute>();
        if (rule is null || (viewer.IsSignedIn && rule.Permission is { } p && !viewer.Can(p)))
        {
            context.Result = new ForbidResult();
        }
        else if (!viewer.IsSignedIn)
        {
            context.Result = new ChallengeResult();
        }
        else
        {
            await next();
        }
    }
}

/// <summary>
/// A write out of scope answers 404 like a read of it; a save over someone else's newer save answers 409;
/// an unreadable body answers 400 (or 413).
/// Other exceptions are left to the default handler, which shows no stack trace.
/// </summary>
public sealed class RefusalHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            OutOfScopeException => (StatusCodes.Status404NotFound, "Không tìm thấy."),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Bản ghi vừa được người khác sửa; không có gì được ghi. Tải lại để xem giá trị hiện tại."),
            // A body that cannot be read (malformed JSON or multipart, too large): the caller's fault, said as such.
            BadHttpRequestException bad => (bad.StatusCode, "Không đọc được nội dung gửi lên (sai định dạng hoặc quá lớn); không có gì được ghi."),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
            Exception = exception,
        });
    }
}
