using System.Globalization;
using LoTrinh.Core.Accounts;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Directives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Dashboard;

/// <summary>One line of the feed: the programme, one of its directives, or a lead agency, with its tasks by class.</summary>
/// <param name="Level">"programme", "directive" or "lead_agency".</param>
public sealed record FeedLine(
    string Level, long Id, string Name, int Total, int CompletedOnTime, int CompletedLate, int InProgressWithinDeadline,
    int InProgressOverdue, int Recurring, int NoDeadline, decimal? CompletedAmongDuePercent, decimal? CompletedAmongAllPercent);

/// <summary>
/// The IOC feed (a provincial operations centre pulls it daily): a programme — a directive and every directive that
/// implements it, down the cascade — with the dashboard's figures as of a date. Its shape is versioned and only grows.
/// </summary>
public sealed record Feed(
    string Version, long ProgrammeId, string Programme, DateOnly AsOf, DateTimeOffset GeneratedAt, int Directives,
    FeedLine Tasks, FallenDue FallenDue, int DueIn7, int DueIn30, IReadOnlyList<FeedLine> ByDirective, IReadOnlyList<FeedLine> ByLeadAgency);

public static class FeedApi
{
    public const string Version = "1";

    /// <summary>The feed names every directive of the programme and every lead agency, up to this many of each.</summary>
    public const int MaxLines = 1000;

    /// <summary>Marks the endpoints a feed token may call.</summary>
    public sealed class FeedEndpoint;

    public static void MapFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feed/{id:id}", Get).WithTags("Tổng quan").Requires(Permission.ReadInternal).WithMetadata(new FeedEndpoint())
            .WithSummary("Nguồn dữ liệu cho Trung tâm điều hành (IOC): một chương trình (văn bản và các văn bản triển khai nó) với số liệu "
                + "của bảng điều hành đến một ngày (asOf) — nhiệm vụ theo sáu loại tình trạng, hai tỷ lệ hoàn thành, đã đến hạn, sắp đến hạn, "
                + "theo văn bản và theo cơ quan chủ trì. Phiên bản " + Version + ": các trường hiện có không đổi tên, không bỏ.");
        app.MapGet("/api/feed/{id:id}.csv", GetCsv).WithTags("Tổng quan").Requires(Permission.ReadInternal).WithMetadata(new FeedEndpoint())
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Nguồn dữ liệu IOC dạng CSV (UTF-8 có BOM): mỗi dòng là chương trình, một văn bản hoặc một cơ quan chủ trì với số nhiệm vụ theo loại.");
    }

    /// <summary>A feed token reads the feed and nothing else: any other endpoint answers 403.</summary>
    public static IApplicationBuilder UseFeedTokenBoundary(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(AccessToken.ScopeClaim, AccessToken.FeedScope) && context.GetEndpoint()?.Metadata.GetMetadata<FeedEndpoint>() is null)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Mã này chỉ đọc được nguồn dữ liệu IOC.",
                detail: "Mã truy cập được tạo cho nguồn dữ liệu IOC chỉ gọi được /api/feed/{id} và /api/feed/{id}.csv.").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static async Task<Results<Ok<Feed>, NotFound, ValidationProblem>> Get(long id, string? asOf, AppDbContext db, IServiceScopeFactory scopes, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? time.Today();
        if (errors.Any)
        {
            return errors.Problem();
        }

        return await LoadAsync(db, scopes, time, id, day, ct) is { } feed ? TypedResults.Ok(feed) : TypedResults.NotFound();
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ValidationProblem>> GetCsv(long id, string? asOf, AppDbContext db, IServiceScopeFactory scopes, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? time.Today();
        if (errors.Any)
        {
            return errors.Problem();
        }

        if (await LoadAsync(db, scopes, time, id, day, ct) is not { } feed)
        {
            return TypedResults.NotFound();
        }

        // The column names are the feed's contract: snake_case, never renamed.
        var rows = ((IEnumerable<FeedLine>)[feed.Tasks, .. feed.ByDirective, .. feed.ByLeadAgency]).Select(line => new Dictionary<string, object?>
        {
            ["level"] = line.Level,
            ["id"] = line.Id,
            ["name"] = line.Name,
            ["as_of"] = feed.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["total"] = line.Total,
            ["completed_on_time"] = line.CompletedOnTime,
            ["completed_late"] = line.CompletedLate,
            ["in_progress_within_deadline"] = line.InProgressWithinDeadline,
            ["in_progress_overdue"] = line.InProgressOverdue,
            ["recurring"] = line.Recurring,
            ["no_deadline"] = line.NoDeadline,
            // A decimal point whatever the culture the request runs in (vi-VN writes a comma): a machine reads this file.
            ["completed_among_due_percent"] = line.CompletedAmongDuePercent?.ToString(CultureInfo.InvariantCulture),
            ["completed_among_all_percent"] = line.CompletedAmongAllPercent?.ToString(CultureInfo.InvariantCulture),
        });
        var (file, contentType, _) = await TableExport.WriteAsync(rows, MiniExcelLibs.ExcelType.CSV, string.Empty, ct);
        return TypedResults.File(file, contentType, $"lotrinh-ioc-{id}-{feed.AsOf:yyyy-MM-dd}.csv");
    }

    /// <summary>The programme and its cascade (directives that implement it, and those that implement them), in the viewer's scope.</summary>
    public static async Task<Feed?> LoadAsync(AppDbContext db, IServiceScopeFactory scopes, TimeProvider time, long id, DateOnly asOf, CancellationToken ct)
    {
        var root = await db.Directives.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Id, Name = d.Number ?? d.Kind + " — " + d.IssuerName }).FirstOrDefaultAsync(ct);
        if (root is null)
        {
            return null;
        }

        var cascade = await DirectiveCascade.OfAsync(db, id, ct);
        var view = await ProgrammeDashboard.LoadAsync(db, scopes, asOf, ct, cascade, listed: MaxLines);
        return new Feed(Version, root.Id, root.Name, asOf, time.GetUtcNow(), cascade.Count,
            Line("programme", root.Id, root.Name, view.Tasks), view.FallenDue, view.DueIn7, view.DueIn30,
            [.. view.Directives.Select(d => Line("directive", d.Id, d.Name, d.Tasks))],
            [.. view.Agencies.Select(a => Line("lead_agency", a.Id, a.Name, a.Tasks))]);
    }

    private static FeedLine Line(string level, long id, string name, StatusTally t) =>
        new(level, id, name, t.Total, t.Of(TaskStatusClass.CompletedOnTime), t.Of(TaskStatusClass.CompletedLate),
            t.Of(TaskStatusClass.InProgressWithinDeadline), t.Of(TaskStatusClass.InProgressOverdue), t.Of(TaskStatusClass.Recurring),
            t.Of(TaskStatusClass.NoDeadline), t.Rates.AmongDuePercent, t.Rates.AmongAllPercent);
}
