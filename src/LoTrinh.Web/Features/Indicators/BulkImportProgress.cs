using System.Diagnostics;
using Npgsql;

namespace LoTrinh.Web.Features.Indicators;

/// <summary>Where a bulk import stands, for the person who started it (the page polls it while the upload runs).</summary>
public sealed record BulkImportState(Guid Id, string FileName, string Step, int Percent, int Rows, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Outcome);

/// <summary>
/// The progress of one bulk import, written to bulk_import on a connection of its own — outside the import's
/// transaction, so it is seen while the import runs, and from any instance that answers the page's polls.
/// Written at most twice a second: a million rows must not mean a million updates.
/// </summary>
public sealed class BulkImportProgress : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private readonly NpgsqlConnection _connection;
    private readonly Guid _id;
    private readonly Stopwatch _since = Stopwatch.StartNew();

    private BulkImportProgress(NpgsqlConnection connection, Guid id) => (_connection, _id) = (connection, id);

    /// <summary>Starts (or, for a run id sent again, restarts) the record of an import.</summary>
    public static async Task<BulkImportProgress> StartAsync(string connectionString, Guid id, string fileName, long? userId, string startedBy, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var start = new NpgsqlCommand("""
            insert into bulk_import (id, file_name, user_id, started_by, step) values ($1, $2, $3, $4, 'Đang đọc tệp')
            on conflict (id) do update set file_name = excluded.file_name, user_id = excluded.user_id, started_by = excluded.started_by,
              started_at = now(), step = excluded.step, percent = 0, rows_read = 0, finished_at = null, outcome = null
            """, connection)
        {
            Parameters = { new() { Value = id }, new() { Value = fileName }, new() { Value = (object?)userId ?? DBNull.Value }, new() { Value = startedBy } },
        };
        await start.ExecuteNonQueryAsync(ct);
        return new BulkImportProgress(connection, id);
    }

    /// <summary>Says what is being done; skipped if the last word was less than half a second ago, unless <paramref name="now"/>.</summary>
    public async Task ReportAsync(string step, int percent, int rows, CancellationToken ct, bool now = false)
    {
        if (!now && _since.Elapsed < Every)
        {
            return;
        }

        _since.Restart();
        await using var update = new NpgsqlCommand("update bulk_import set step = $2, percent = $3, rows_read = $4 where id = $1", _connection)
        {
            Parameters = { new() { Value = _id }, new() { Value = step }, new() { Value = Math.Clamp(percent, 0, 100) }, new() { Value = rows } },
        };
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The outcome, as the page will say it; written even if the request was cancelled.</summary>
    public async Task FinishAsync(string outcome, int rows)
    {
        await using var finish = new NpgsqlCommand(
            "update bulk_import set step = 'Xong', percent = 100, rows_read = $3, finished_at = now(), outcome = $2 where id = $1", _connection)
        {
            Parameters = { new() { Value = _id }, new() { Value = outcome }, new() { Value = rows } },
        };
        await finish.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>One import's state, for the person who started it only.</summary>
    public static async Task<BulkImportState?> FindAsync(string connectionString, Guid id, long? userId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var read = new NpgsqlCommand(
            "select id, file_name, step, percent, rows_read, started_at, finished_at, outcome from bulk_import where id = $1 and user_id is not distinct from $2", connection)
        {
            Parameters = { new() { Value = id }, new() { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint } },
        };
        await using var row = await read.ExecuteReaderAsync(ct);
        return await row.ReadAsync(ct)
            ? new BulkImportState(row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetInt32(3), row.GetInt32(4),
                row.GetFieldValue<DateTimeOffset>(5), row.IsDBNull(6) ? null : row.GetFieldValue<DateTimeOffset>(6), row.IsDBNull(7) ? null : row.GetString(7))
            : null;
    }
}
