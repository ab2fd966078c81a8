using System.Data;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Accounts;
using LoTrinh.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Npgsql;

namespace LoTrinh.Web.Features.Exports;

/// <summary>
/// Writes the queued exports, one at a time per instance: takes the oldest waiting job (or one whose writer's lease ran
/// out: its instance stopped) with <c>for update skip locked</c>, reads its rows in the requester's scope a chunk at a
/// time inside one repeatable-read snapshot (the file is one moment's list even while people edit), writes them to a
/// temporary file, streams that into PostgreSQL, and says how far it is after each chunk. Removes expired files. Nothing
/// here may stop the host: a failure marks the job failed with a message, and a database that is away is waited for.
/// </summary>
public sealed partial class ExportWorker(NpgsqlDataSource data, IServiceScopeFactory scopes, Microsoft.Extensions.Configuration.IConfiguration configuration, ILogger<ExportWorker> log)
    : BackgroundService
{
    private const int MaxAttempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Exports:PollMilliseconds", 2000), 100, 600_000));
        var lease = TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Exports:LeaseMinutes", 30), 1, 24 * 60));
        for (var failures = 0; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                await RemoveExpiredAsync(stoppingToken);
                while (await TakeAsync(lease, stoppingToken) is { } job)
                {
                    await WriteAsync(job, stoppingToken);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database away, most often: wait longer each time, never stop.
                failures++;
                LogRetry(log, e, failures);
            }

            try
            {
                await Task.Delay(failures == 0 ? poll : TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5)))), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private sealed record Job(Guid Id, string Parameters, string Format, Viewer Requester);

    private async Task<Job?> TakeAsync(TimeSpan lease, CancellationToken ct)
    {
        await using var take = data.CreateCommand("""
            update export_job set state = 'running', attempts = attempts + 1, lease_until = now() + $1, rows_done = 0
            where id = (select id from export_job
                        where (state = 'queued' or (state = 'running' and lease_until < now())) and attempts < $2
                        order by created_at for update skip locked limit 1)
            returning id, parameters::text, format, user_id, user_name, role, agency_id, unit_id
            """);
        take.Parameters.Add(new() { Value = lease });
        take.Parameters.Add(new() { Value = MaxAttempts });
        await using var reader = await take.ExecuteReaderAsync(ct);
        if (await reader.ReadAsync(ct))
        {
            return new Job(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                ExportJobs.Requester(reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7)));
        }

        await reader.CloseAsync();
        // Jobs tried MaxAttempts times without finishing (their instance stopped each time) are given up on.
        await using var abandon = data.CreateCommand("""
            update export_job set state = 'failed', finished_at = now(), expires_at = now() + make_interval(days => $2),
              problem = 'Xuất tệp bị gián đoạn nhiều lần; hãy thử lại.'
            where state = 'running' and lease_until < now() and attempts >= $1
            """);
        abandon.Parameters.Add(new() { Value = MaxAttempts });
        abandon.Parameters.Add(new() { Value = ExportJobs.KeepDays });
        await abandon.ExecuteNonQueryAsync(ct);
        return null;
    }

    private async Task WriteAsync(Job job, CancellationToken stoppingToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lotrinh-export-{job.Id:N}");
        string? problem = null;
        try
        {
            var type = job.Format == "xlsx" ? ExcelType.XLSX : ExcelType.CSV;
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                if (type == ExcelType.CSV)
                {
                    file.Write(System.Text.Encoding.UTF8.Preamble);
                }

                problem = await WriteTasksAsync(job, file, type, stoppingToken);
            }

            if (problem is null && new FileInfo(path).Length > ExportJobs.MaxBytes)
            {
                problem = $"Tệp xuất dài {new FileInfo(path).Length / 1024 / 1024:N0} MB, quá {ExportJobs.MaxBytes / 1024 / 1024:N0} MB; hãy lọc danh sách hẹp hơn.";
            }

            if (problem is null)
            {
                await StoreAsync(job.Id, path, stoppingToken);
                return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: the lease runs out and another instance (or this one, restarted) writes it again.
            return;
        }
        catch (Exception e) when (RefusalHandler.IsUnavailable(e))
        {
            // The database went away mid-export: the job is not at fault; its lease runs out and it is taken again.
            LogDatabaseAway(log, e, job.Id);
            RefusalHandler.ForgetBrokenConnections();
            return;
        }
        catch (Exception e)
        {
            LogFailed(log, e, job.Id);
            problem = "Lỗi khi xuất tệp; đã ghi nhật ký để kiểm tra. Hãy thử lại.";
        }
        finally
        {
            File.Delete(path);
        }

        await using var fail = data.CreateCommand("""
            update export_job set state = 'failed', problem = $2, finished_at = now(), expires_at = now() + make_interval(days => $3) where id = $1
            """);
        fail.Parameters.Add(new() { Value = job.Id });
        fail.Parameters.Add(new() { Value = problem });
        fail.Parameters.Add(new() { Value = ExportJobs.KeepDays });
        await fail.ExecuteNonQueryAsync(stoppingToken);
    }

    /// <summary>The task list of the job's filter, in the requester's scope; a problem in words when it cannot be written.</summary>
    private async Task<string?> WriteTasksAsync(Job job, Stream file, ExcelType type, CancellationToken ct)
    {
        var filter = ExportJobs.TaskFilterOf(job.Parameters);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ViewerAccessor>().ReadingFor = job.Requester;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var total = await TaskBoard.CountAsync(db, filter, ct);
        if (total > ExportJobs.MaxRows)
        {
            return $"Danh sách có {total:N0} nhiệm vụ, quá {ExportJobs.MaxRows:N0} dòng cho một lần xuất; hãy lọc theo văn bản, cơ quan hoặc tình trạng.";
        }

        await ProgressAsync(job.Id, 0, total, ct);
        var chunk = Math.Clamp(configuration.GetValue("Exports:ChunkRows", ExportJobs.Chunk), 1, 50_000);
        var written = 0;

        // MiniExcel pulls the rows as it writes; each chunk is read when the previous one is written, so no more than
        // one chunk is in memory. It pulls synchronously: on this worker's own thread, waiting for the query is harmless.
        // The directive order (the list's default) is read by keyset; the deadline orders page by offset.
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            TaskRow? last = null;
            for (var page = 1; written < total; page++)
            {
                var rows = (filter.Sort == TaskOrder.Directive
                    ? TaskBoard.RowsAfterAsync(db, filter, last, chunk, ct)
                    : TaskBoard.RowsAsync(db, filter, page, chunk, ct)).GetAwaiter().GetResult();
                if (rows.Count == 0)
                {
                    yield break;
                }

                foreach (var row in rows)
                {
                    yield return TaskExport.Row(row, type);
                }

                (last, written) = (rows[^1], written + rows.Count);
                ProgressAsync(job.Id, written, total, ct).GetAwaiter().GetResult();
            }
        }

        await MiniExcel.SaveAsAsync(file, Rows(), excelType: type, cancellationToken: ct);
        return null;
    }

    private async Task ProgressAsync(Guid id, int done, int total, CancellationToken ct)
    {
        await using var update = data.CreateCommand("update export_job set rows_done = $2, rows_total = $3 where id = $1");
        update.Parameters.Add(new() { Value = id });
        update.Parameters.Add(new() { Value = done });
        update.Parameters.Add(new() { Value = total });
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The file streamed into the job's row (Npgsql sends a stream parameter as it reads it) and the job done, together.</summary>
    private async Task StoreAsync(Guid id, string path, CancellationToken ct)
    {
        await using var connection = await data.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous))
        {
            await using var insert = new NpgsqlCommand(
                "insert into export_file (job_id, content) values ($1, $2) on conflict (job_id) do update set content = excluded.content", connection, transaction);
            insert.Parameters.Add(new() { Value = id });
            insert.Parameters.Add(new() { Value = file, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using var done = new NpgsqlCommand("""
            update export_job set state = 'done', size_bytes = $2, rows_done = coalesce(rows_total, rows_done), finished_at = now(),
              expires_at = now() + make_interval(days => $3), problem = null
            where id = $1
            """, connection, transaction);
        done.Parameters.Add(new() { Value = id });
        done.Parameters.Add(new() { Value = new FileInfo(path).Length });
        done.Parameters.Add(new() { Value = ExportJobs.KeepDays });
        await done.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task RemoveExpiredAsync(CancellationToken ct)
    {
        await using var remove = data.CreateCommand("delete from export_job where expires_at < now()");
        await remove.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {Id} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database away while writing export {Id}; it will be written again.")]
    private static partial void LogDatabaseAway(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export worker failed (attempt {Attempt}); retrying.")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);
}
