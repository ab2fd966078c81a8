using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoTrinh.Web.Features.Dashboard;

public static class DashboardApi
{
    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", Get).WithTags("Tổng quan").Requires(Permission.ReadInternal)
            .WithSummary("Bảng điều hành đến một ngày (asOf): nhiệm vụ theo sáu loại tình trạng và hai tỷ lệ hoàn thành, nhiệm vụ đã đến hạn, "
                + "văn bản và cơ quan chủ trì xếp theo số nhiệm vụ quá hạn, danh sách quá hạn và sắp đến hạn (7, 30 ngày). Trong phạm vi của người hỏi.");
        app.MapGet("/api/dashboard/targets", GetTargets).WithTags("Tổng quan").Requires(Permission.ReadInternal)
            .WithSummary("Chỉ tiêu đang có hiệu lực đến một ngày (asOf) theo tiến độ (đã đạt, đúng lộ trình, cần đẩy nhanh, tiến triển chậm, đang đi xuống, "
                + "không đạt, chưa đủ số liệu), 10 chỉ tiêu chệch lộ trình nhất với số liệu gần nhất; với since: các chỉ tiêu chuyển loại kể từ ngày đó.");
        app.MapGet("/api/dashboard/field", GetField).WithTags("Tổng quan").Requires(Permission.ReadInternal)
            .WithSummary("Công trình trọng điểm theo tình trạng (đúng tiến độ, chậm, đình trệ…) và 10 dự án chậm nhất; vụ việc hiện trường chưa xử lý xong và quá hạn theo loại và theo địa bàn, đến ngày asOf.");
        app.MapGet("/api/dashboard/changes", GetChanges).WithTags("Tổng quan").Requires(Permission.ReadInternal)
            .WithSummary("Thay đổi giữa hai ngày (since, asOf — thường là hai cuộc họp): nhiệm vụ trở thành quá hạn, đã hoàn thành, "
                + "được điều chỉnh thời hạn, được giao mới; mỗi loại có số lượng và 20 nhiệm vụ đầu. Trong phạm vi của người hỏi.");
    }

    private static async Task<Results<Ok<DashboardView>, ValidationProblem>> Get(string? asOf, AppDbContext db, IServiceScopeFactory scopes, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? time.Today();
        return errors.Any ? errors.Problem() : TypedResults.Ok(await ProgrammeDashboard.LoadAsync(db, scopes, day, ct));
    }

    private static async Task<Results<Ok<FieldAtGlance>, ValidationProblem>> GetField(string? asOf, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var day = errors.Date("asOf", asOf) ?? time.Today();
        return errors.Any ? errors.Problem() : TypedResults.Ok(await FieldAtGlance.LoadAsync(db, day, ct));
    }

    private static async Task<Results<Ok<TargetsAtGlance>, ValidationProblem>> GetTargets(string? since, string? asOf, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var to = errors.Date("asOf", asOf) ?? time.Today();
        var from = errors.Date("since", since);
        if (from is { } f && f >= to)
        {
            errors.Add("since", $"Ngày so sánh phải trước ngày xem ({to:dd/MM/yyyy}).");
        }

        return errors.Any ? errors.Problem() : TypedResults.Ok(await TargetsAtGlance.LoadAsync(db, to, ct, from));
    }

    private static async Task<Results<Ok<DashboardChanges>, ValidationProblem>> GetChanges(string? since, string? asOf, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var to = errors.Date("asOf", asOf) ?? time.Today();
        var from = errors.Date("since", since, required: true);
        if (from is { } f && f >= to)
        {
            errors.Add("since", $"Ngày so sánh phải trước ngày xem ({to:dd/MM/yyyy}).");
        }

        return errors.Any ? errors.Problem() : TypedResults.Ok(await DashboardChangesQuery.LoadAsync(db, from!.Value, to, ct));
    }
}
