using System.Reflection;
using System.Threading.RateLimiting;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
        services.AddServerSideSessions();
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
        // Keys in PostgreSQL (data_protection_key): every instance reads and protects with the same ring.
        services.AddDataProtection().SetApplicationName("LoTrinh").PersistKeysToDbContext<AppDbContext>();
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
            o.OnRejected = (context, _) =>
            {
                var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignInLimit, context => context.Request.Method == HttpMethods.Get
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:SignInPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                }));
        });

        services.AddExceptionHandler<RefusalHandler>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named here are believed (loopback by default); anyone else could claim to be https.
            foreach (var proxy in (configuration["Security:TrustedProxies"] ?? string.Empty).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Security:TrustedProxies: \"{proxy}\" không phải địa chỉ IP."));
            }
        });
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

    /// <summary>
    /// A write to the API carried by the sign-in cookie must come from LoTrình's own pages: a browser says
    /// where a request comes from (Sec-Fetch-Site, or Origin in older ones), and a form on another site
    /// posting with the person's cookie is refused 403. A token (Bearer) is not sent by browsers on their
    /// own, so token calls need no check; a client that sends neither header is not a browser.
    /// </summary>
    public static IApplicationBuilder UseCrossSiteWriteCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (IsApi(context) && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !IsSameOrigin(request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Yêu cầu ghi từ trang của nơi khác bị từ chối; không có gì được ghi.",
                },
            });
            return;
        }

        await next();
    });

    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var from)
                && string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
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
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // A map tile server, when one is configured (Map:TileUrl), is the one other origin images may come from.
        var tiles = app.ApplicationServices.GetRequiredService<IConfiguration>()["Map:TileUrl"] is { Length: > 0 } url
            && Uri.TryCreate(url.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
                .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http"
            ? " " + (url.Contains("{s}", StringComparison.Ordinal) ? $"{uri.Scheme}://*.{string.Join('.', uri.Host.Split('.').Skip(1))}" : uri.GetLeftPart(UriPartial.Authority))
            : "";
        return app.Use(async (context, next) =>
    {
        // Set as the answer starts, so an error answer (whose headers the exception handler clears) has them too.
        context.Response.OnStarting(() =>
        {
            SetHeaders(context.Response.Headers, tiles);
            return Task.CompletedTask;
        });
        await next();
    });
    }

    private static void SetHeaders(IHeaderDictionary headers, string tiles)
    {
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:{tiles}; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
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
/// Exceptions that are the caller's or the moment's, not a fault of the code, answered as such: a write
/// out of scope 404 like a read of it; a save over someone else's newer save, or a row another request
/// has just written (a unique key), 409; an unreadable body or a value PostgreSQL cannot store 400; the
/// database unreachable or every connection busy 503 with Retry-After. Nothing was written in any of them.
/// Other exceptions are left to the default handler, which shows no stack trace.
/// </summary>
public sealed partial class RefusalHandler(IProblemDetailsService problems, ILogger<RefusalHandler> log) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before trying again after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title) = Classify(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(log, exception, httpContext.Request.Path);
            ForgetBrokenConnections();
        }

        if (status == 0 || !Security.IsApi(httpContext))
        {
            // A page is re-executed as the Vietnamese status page with the status Classify gives (Program.cs).
            return false;
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
            Exception = exception,
        });
    }

    public static (int Status, string Title) Classify(Exception exception) => exception switch
    {
        OutOfScopeException => (StatusCodes.Status404NotFound, "Không tìm thấy."),
        DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Bản ghi vừa được người khác sửa; không có gì được ghi. Tải lại để xem giá trị hiện tại."),
        // A body that cannot be read (malformed JSON or multipart, too large): the caller's fault, said as such.
        BadHttpRequestException bad => (bad.StatusCode, "Không đọc được nội dung gửi lên (sai định dạng hoặc quá lớn); không có gì được ghi."),
        _ when Postgres(exception) is { } pg => pg.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => (StatusCodes.Status409Conflict, "Bản ghi này vừa được ghi (trùng); không có gì được ghi thêm. Tải lại để xem."),
            PostgresErrorCodes.ForeignKeyViolation => (StatusCodes.Status409Conflict, "Bản ghi liên quan vừa thay đổi hoặc không còn; không có gì được ghi."),
            // Class 22 (data exception) and an index entry too long: a value the database cannot hold.
            { } code when code == PostgresErrorCodes.ProgramLimitExceeded || code.StartsWith("22", StringComparison.Ordinal) =>
                (StatusCodes.Status400BadRequest, "Có giá trị không lưu được (quá dài, quá lớn hoặc ký tự không hợp lệ); không có gì được ghi."),
            // Class 08 (connection), 53 (resources), 57P (operator intervention: shutdown, terminated): the moment's.
            { } code when code.StartsWith("08", StringComparison.Ordinal) || code.StartsWith("53", StringComparison.Ordinal) || code.StartsWith("57P", StringComparison.Ordinal) =>
                Unavailable,
            _ => (0, string.Empty),
        },
        _ when Unreachable(exception) => Unavailable,
        _ => (0, string.Empty),
    };

    /// <summary>True when the database was away or busy: the moment's fault, worth trying again.</summary>
    public static bool IsUnavailable(Exception exception) => Classify(exception).Status == StatusCodes.Status503ServiceUnavailable;

    /// <summary>
    /// After the database dropped connections (a restart, a failover), the idle ones in the pool are dead too;
    /// forgetting them makes the next requests open fresh ones instead of each failing on a dead one in turn.
    /// </summary>
    public static void ForgetBrokenConnections() => NpgsqlConnection.ClearAllPools();

    private static readonly (int, string) Unavailable =
        (StatusCodes.Status503ServiceUnavailable, $"Cơ sở dữ liệu tạm thời không phục vụ được; không có gì được ghi. Thử lại sau {RetryAfterSeconds} giây.");

    private static Npgsql.PostgresException? Postgres(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException pg)
            {
                return pg;
            }
        }

        return null;
    }

    /// <summary>No connection could be had: the server is down, restarting, or the pool is exhausted.</summary>
    private static bool Unreachable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException
                || (e is Npgsql.NpgsqlException && e.Message.Contains("pool", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable while serving {Path}; answered 503.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, PathString path);
}
