using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace LoTrinh.Web.Features.Exports;

public static class ExportsApi
{
    public static void MapExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/export", QueueTasks).Requires(Permission.ReadInternal).WithTags("Nhiệm vụ")
            .WithSummary($"Xuất danh sách nhiệm vụ (cùng bộ lọc như GET /api/tasks) thành tệp xlsx hoặc csv (format) ở chế độ nền: trả 202 và địa chỉ theo dõi tiến độ; "
                + $"tối đa {ExportJobs.MaxRows:N0} dòng, tệp giữ {ExportJobs.KeepDays} ngày.");
        var exports = app.MapGroup("/api/exports").WithTags("Xuất tệp");
        exports.MapGet("/{id:guid}", State).Requires(Permission.ReadInternal).WithSummary("Tiến độ một lần xuất tệp của chính người hỏi.");
        exports.MapGet("/{id:guid}/file", Download).Requires(Permission.ReadInternal).WithSummary("Tệp đã xuất (khi đã xong).");
    }

    private static async Task<Results<Accepted<ExportState>, ValidationProblem>> QueueTasks(
        AppDbContext db, NpgsqlDataSource data, TimeProvider time, string? format, string? asOf, string? status, string? agency, string? directive,
        long? locality, string? sort, string? q, CancellationToken ct)
    {
        var (filter, errors) = await TasksApi.FilterAsync(db, time, asOf, status, agency, directive, locality, sort, q, ct);
        var type = TableExport.Format(format);
        if (type is null)
        {
            errors.Add("format", TableExport.FormatProblem);
        }

        if (filter is null || errors.Any)
        {
            return errors.Problem();
        }

        var id = await ExportJobs.QueueTasksAsync(data, db.Viewer, filter, type!.Value, ct);
        return TypedResults.Accepted($"/api/exports/{id}", await ExportJobs.StateAsync(data, id, db.Viewer.UserId, ct));
    }

    private static async Task<Results<Ok<ExportState>, NotFound>> State(Guid id, AppDbContext db, NpgsqlDataSource data, CancellationToken ct) =>
        await ExportJobs.StateAsync(data, id, db.Viewer.UserId, ct) is { } state ? TypedResults.Ok(state) : TypedResults.NotFound();

    private static async Task<Results<EmptyHttpResult, NotFound, ProblemHttpResult>> Download(
        Guid id, AppDbContext db, NpgsqlDataSource data, HttpContext context, CancellationToken ct)
    {
        if (await ExportJobs.StateAsync(data, id, db.Viewer.UserId, ct) is not { } state)
        {
            return TypedResults.NotFound();
        }

        if (!state.Done)
        {
            return TypedResults.Problem(state.Problem ?? $"Tệp chưa xuất xong ({state.StateLabel}).", statusCode: StatusCodes.Status409Conflict, title: "Tệp chưa sẵn sàng");
        }

        await SendAsync(data, state, context.Response, ct);
        return TypedResults.Empty;
    }

    /// <summary>The finished file to the response as it is read from the database.</summary>
    public static async Task SendAsync(NpgsqlDataSource data, ExportState state, HttpResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = state.Format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        response.ContentLength = state.SizeBytes;
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = state.FileName }.ToString();
        await ExportJobs.CopyFileAsync(data, state.Id, response.Body, ct);
    }
}
