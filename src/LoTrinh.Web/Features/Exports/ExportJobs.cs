using System.Data;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Tasks;
using MiniExcelLibs;
using Npgsql;
using NpgsqlTypes;

namespace LoTrinh.Web.Features.Exports;

/// <summary>Where an export stands, for the person who asked (the page polls it; the API returns it).</summary>
/// <param name="Percent">Rows written over rows to write; null until the rows are counted.</param>
public sealed record ExportState(
    Guid Id, string Kind, string Format, string FileName, string State, string StateLabel, int RowsDone, int? RowsTotal, int? Percent,
    long? SizeBytes, string? Problem, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, DateTimeOffset? ExpiresAt)
{
    public bool Done => State == "done";

    public bool Finished => State is "done" or "failed";
}

/// <summary>
/// Exports too long for a request (issue 18): queued with the requester's scope, written by <see cref="ExportWorker"/>
/// a chunk at a time to a file on disk (one process's memory stays bounded however many rows), stored in PostgreSQL
/// (streamed in and out), kept <see cref="KeepDays"/> days. All of it on plain SQL over connections of its own: the
/// job's bookkeeping is the system's, not a business record the requester's scope would guard.
/// </summary>
public static class ExportJobs
{
    /// <summary>Days a finished file stays for download.</summary>
    public const int KeepDays = 7;

    /// <summary>The most rows one export writes (a narrower filter gets the rest).</summary>
    public const int MaxRows = 500_000;

    /// <summary>The largest file kept: a file over it is refused with a message, not stored.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    /// <summary>Rows read per query while writing (Exports:ChunkRows): at national scale 2,000 kept the process within 91 MB of
    /// where it started, 5,000 took 134 MB (bench/export.sh).</summary>
    public const int Chunk = 2_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Label(string state) => state switch
    {
        "queued" => "Đang chờ",
        "running" => "Đang xuất",
        "done" => "Xong",
        _ => "Không xuất được",
    };

    /// <summary>Queues the tasks of <paramref name="filter"/> as a file, to be read in <paramref name="viewer"/>'s scope.</summary>
    public static async Task<Guid> QueueTasksAsync(NpgsqlDataSource data, Viewer viewer, TaskFilter filter, ExcelType format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var id = Guid.NewGuid();
        var extension = format == ExcelType.XLSX ? "xlsx" : "csv";
        await using var insert = data.CreateCommand("""
            insert into export_job (id, kind, parameters, format, file_name, user_id, user_name, role, agency_id, unit_id)
            values ($1, 'tasks', $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        insert.Parameters.Add(new() { Value = id });
        insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(filter, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new() { Value = extension });
        insert.Parameters.Add(new() { Value = $"nhiem-vu-{filter.AsOf:yyyy-MM-dd}.{extension}" });
        insert.Parameters.Add(new() { Value = viewer.UserId ?? throw new InvalidOperationException("Only a signed-in person queues an export.") });
        insert.Parameters.Add(new() { Value = viewer.Name });
        insert.Parameters.Add(new() { Value = viewer.Role?.Code() ?? throw new InvalidOperationException("A signed-in person has a role.") });
        insert.Parameters.Add(new() { Value = (object?)viewer.AgencyId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        insert.Parameters.Add(new() { Value = (object?)viewer.UnitId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        await insert.ExecuteNonQueryAsync(ct);
        return id;
    }

    /// <summary>The state of one of <paramref name="userId"/>'s exports; null for someone else's (not found) or none.</summary>
    public static async Task<ExportState?> StateAsync(NpgsqlDataSource data, Guid id, long? userId, CancellationToken ct)
    {
        if (userId is null)
        {
            return null;
        }

        await using var select = data.CreateCommand("""
            select id, kind, format, file_name, state, rows_done, rows_total, size_bytes, problem, created_at, finished_at, expires_at
            from export_job where id = $1 and user_id = $2 and (expires_at is null or expires_at > now())
            """);
        select.Parameters.Add(new() { Value = id });
        select.Parameters.Add(new() { Value = userId.Value });
        await using var reader = await select.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        int? total = reader.IsDBNull(6) ? null : reader.GetInt32(6);
        var done = reader.GetInt32(5);
        var state = reader.GetString(4);
        return new ExportState(
            reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), state, Label(state), done, total,
            state == "done" ? 100 : total is > 0 ? Math.Min(99, (int)(100L * done / total.Value)) : null,
            reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.GetFieldValue<DateTimeOffset>(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
            reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11));
    }

    /// <summary>Copies a finished file to <paramref name="target"/> as it is read (never whole in memory); false when there is none.</summary>
    public static async Task<bool> CopyFileAsync(NpgsqlDataSource data, Guid id, Stream target, CancellationToken ct)
    {
        await using var connection = await data.OpenConnectionAsync(ct);
        await using var select = new NpgsqlCommand("select content from export_file where job_id = $1", connection) { Parameters = { new() { Value = id } } };
        await using var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct))
        {
            return false;
        }

        await using var content = await reader.GetStreamAsync(0, ct);
        await content.CopyToAsync(target, ct);
        return true;
    }

    /// <summary>The person who asked, as the rows are read for them.</summary>
    public static Viewer Requester(long userId, string name, string role, long? agencyId, long? unitId) =>
        new(userId, name, Roles.TryParse(role, out var r) ? r : null, agencyId, unitId, null);

    public static TaskFilter TaskFilterOf(string parameters) =>
        JsonSerializer.Deserialize<TaskFilter>(parameters, Json) ?? throw new InvalidDataException("An export's parameters are empty.");
}
