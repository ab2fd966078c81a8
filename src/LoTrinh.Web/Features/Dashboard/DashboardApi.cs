using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoTrinh.Web.Features.Dashboard;

public static class DashboardApi
{
    public static void MapDashboardApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboard", Get).WithTags("Tổng quan").Requires(Permission.ReadInternal)
            .WithSummary("Bảng điều hành đến một ngày (asOf): nhiệm vụ theo sáu loại tình trạng và hai tỷ lệ hoàn thành, nhiệm vụ đã đến hạn, "
                + "văn bản và cơ quan chủ trì xếp theo số nhiệm vụ quá hạn, danh sách quá hạn và sắp đến hạn (7, 30 ngày). Trong phạm vi của người hỏi.");

    private static async Task<Results<Ok<DashboardView>, ValidationProblem>> Get(string? asOf, AppDbContext db, IServiceScopeFactory scopes, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? time.Today();
        return errors.Any ? errors.Problem() : TypedResults.Ok(await ProgrammeDashboard.LoadAsync(db, scopes, day, ct));
    }
}
