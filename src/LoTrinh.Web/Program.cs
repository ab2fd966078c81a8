using System.Text.Encodings.Web;
using System.Text.Unicode;
using LoTrinh.Web;
using LoTrinh.Web.Data;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Agencies;
using LoTrinh.Web.Features.Classification;
using LoTrinh.Web.Features.Dashboard;
using LoTrinh.Web.Features.Calendar;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Exports;
using LoTrinh.Web.Features.Extraction;
using LoTrinh.Web.Features.History;
using LoTrinh.Web.Features.Incidents;
using LoTrinh.Web.Features.Indicators;
using LoTrinh.Web.Features.Map;
using LoTrinh.Web.Features.ProgressReports;
using LoTrinh.Web.Features.Projects;
using LoTrinh.Web.Features.Reporting;
using LoTrinh.Web.Features.Targets;
using LoTrinh.Web.Features.Tasks;
using LoTrinh.Web.Features.Units;
using LoTrinh.Web.Features.Urging;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;

// `lotrinh <verb>` (migrate, seed) runs and exits before any web host starts.
if (Cli.IsVerb(args))
{
    return await Cli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddLoTrinhData(builder.Configuration);
builder.Services.AddSingleton(Clock.Provider(builder.Configuration));
builder.Services.AddSingleton<ImportBacklog>();
builder.Services.AddSingleton<PdfConversion>();
builder.Services.AddSingleton<FiguresCache>();
builder.Services.AddHostedService<ImportWorker>();
builder.Services.AddHostedService<Rounds>();
builder.Services.AddHostedService<ExportWorker>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealth>("database");
builder.Services.AddLoTrinhSecurity();
builder.Services.AddRazorPages(o =>
    {
        // Pages anyone may read (what is published); every other page needs a signed-in person (the fallback policy).
        foreach (var page in PublicPages.All)
        {
            o.Conventions.AllowAnonymousToPage(page);
        }

        o.Conventions.AuthorizeFolder("/Extraction", nameof(Permission.ManageProgramme));
        o.Conventions.AuthorizePage("/Directives/Create", nameof(Permission.ManageProgramme));
        o.Conventions.AuthorizePage("/Tasks/Edit", nameof(Permission.ManageProgramme));
        o.Conventions.AuthorizePage("/Tasks/Assign", nameof(Permission.ManageProgramme));
        o.Conventions.AuthorizePage("/Agencies/Succession", nameof(Permission.ManageProgramme));
        o.Conventions.AuthorizePage("/Accounts/Users", nameof(Permission.ManageAccounts));
        o.Conventions.AuthorizeFolder("/History", nameof(Permission.ReadInternal));
        o.Conventions.AuthorizeFolder("/Reporting", nameof(Permission.ReadInternal));
        o.Conventions.AuthorizeFolder("/Urging", nameof(Permission.ReadInternal));
        o.Conventions.AuthorizeFolder("/Incidents", nameof(Permission.ReadInternal));
        o.Conventions.AuthorizePage("/Projects/Edit", nameof(Permission.ManageProgramme));
        o.Conventions.AuthorizePage("/Urging/Manual", nameof(Permission.ManageProgramme));
        o.Conventions.AuthorizePage("/Urging/Preview", nameof(Permission.ManageProgramme));
        o.Conventions.ConfigureFilter(new HandlerPermissionFilter());
    })
    .WithRazorPagesRoot("/Features");
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(OpenApiDocs.Configure);

builder.Services.Configure<RouteOptions>(o => o.ConstraintMap[IdConstraint.Name] = typeof(IdConstraint));

var app = builder.Build();
// Behind a TLS-terminating proxy (Security:TrustedProxies): the client's address and https, so cookies are Secure and HSTS is sent.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
// The API answers an error with ProblemDetails; a page with the Vietnamese status page, with the status the error deserves.
app.UseWhen(Security.IsApi, a => a.UseExceptionHandler().UseStatusCodePages());
app.UseWhen(c => !Security.IsApi(c), a => a
    .UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/Status/500",
        StatusCodeSelector = e => RefusalHandler.Classify(e).Status is > 0 and var status ? status : StatusCodes.Status500InternalServerError,
    })
    .UseStatusCodePagesWithReExecute("/Status/{0}"));
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseRequestLocalization(new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture("vi-VN") });
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseFeedTokenBoundary();
// After authorisation: a caller who may not call an endpoint is told so before anything reads its body.
app.UseInputBoundary();
app.UseAntiforgery();
app.UseCrossSiteWriteCheck();
var routing = app.Services.GetRequiredService<ReadRouting>();
app.Use((context, next) => routing.RouteAsync(context, () => next(context)));
app.MapOpenApi().AllowAnonymous();
// For a load balancer in front of several instances: "live" answers without the database, "ready" only when
// PostgreSQL answers too.
app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready").AllowAnonymous();
app.MapRazorPages();
app.MapDirectivesApi();
app.MapTargetsApi();
app.MapIndicatorsApi();
app.MapIndicatorLocalitiesApi();
app.MapTasksApi();
app.MapAgenciesApi();
app.MapUnitsApi();
app.MapClassificationApi();
app.MapImportsApi();
app.MapAccountsApi();
app.MapHistoryApi();
app.MapDashboardApi();
app.MapFeedApi();
app.MapReportingApi();
app.MapCalendarApi();
app.MapUrgingApi();
app.MapProgressReportsApi();
app.MapExportsApi();
app.MapProjectsApi();
app.MapIncidentsApi();
app.MapMapApi();
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"LoTrình sẵn sàng tại {string.Join(", ", app.Urls)} (Ctrl+C để dừng)."));
await app.RunAsync();
return 0;

/// <summary>Pages anyone may read: what is published, and the sign-in page.</summary>
internal static class PublicPages
{
    public static readonly string[] All =
    [
        "/Index", "/Directives/Index", "/Directives/Details", "/Indicators/Index", "/Indicators/Details",
        "/Units/Index", "/Units/Details", "/Agencies/Index", "/Agencies/Details", "/Targets/Index", "/Accounts/Login",
        "/Map/Index", "/Projects/Index", "/Projects/Details",
    ];
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

internal static class DataRegistration
{
    public static IServiceCollection AddLoTrinhData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException(
                "Chưa cấu hình ConnectionStrings__Default (chuỗi kết nối PostgreSQL). Dùng ./run.sh hoặc đặt biến môi trường này.");
        var reads = configuration.GetConnectionString("Reads") is { Length: > 0 } standby ? Pooled(standby, configuration) : null;
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => new ReadRouting(Pooled(connectionString, configuration), reads, sp.GetRequiredService<ILogger<ReadRouting>>()));
        // The primary, for work done in plain SQL outside a request's context: the export jobs' queue and files.
        services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(Pooled(connectionString, configuration)));
        return services.AddDbContext<AppDbContext>(o => o.UseNpgsql(Pooled(connectionString, configuration)));
    }

    /// <summary>
    /// The connection pool, sized below the server's max_connections (100 by default, a few reserved) so
    /// the app cannot take every slot from the server's other users; idle connections are given back
    /// within a minute; frequent statements are prepared. A request that waits longer than Timeout for a
    /// connection answers 503.
    /// </summary>
    public static string Pooled(string connectionString, IConfiguration configuration)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = configuration.GetValue("Database:MaxPoolSize", 30);
        }

        if (!connectionString.Contains("Idle Lifetime", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionIdleLifetime = 60;
        }

        // The same few dozen statements run on every request: prepared once per connection, PostgreSQL
        // plans them once (≈ 0.4 ms a statement here). A pooler in transaction mode older than pgbouncer
        // 1.21 cannot carry prepared statements: say "Max Auto Prepare=0" in its connection string.
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 50;
        }

        return builder.ConnectionString;
    }
}
