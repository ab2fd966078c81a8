using System.Globalization;
using LoTrinh.Core.Accounts;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Npgsql;
using NpgsqlTypes;

namespace LoTrinh.Web.Features.Indicators;

/// <summary>What a bulk import did, or (Problems) why it wrote nothing.</summary>
public sealed record MeasurementImportResult(int Rows, int Inserted, int Updated, int Unchanged, IReadOnlyList<string> Problems, int ProblemCount)
{
    /// <summary>The outcome in a sentence, as the page and the progress record say it.</summary>
    public string Summary => ProblemCount > 0
        ? $"Không có số liệu nào được ghi: {ProblemCount:N0} lỗi."
        : $"{Rows:N0} dòng — {Inserted:N0} số liệu mới, {Updated:N0} cập nhật, {Unchanged:N0} không đổi.";
}

/// <summary>
/// Figures in bulk (a province's year: hundreds of thousands of values) from a CSV or XLSX file with the columns
/// indicator (id or name), unit_code, period_start, period_end, value, source, and optionally period_label and unit
/// (the unit of measure, checked against the indicator's). Read into a staging table with binary COPY, checked as a set
/// in PostgreSQL — unknown indicators and units, a unit of measure that is not the indicator's, implausible values,
/// rows repeated in the file, units outside the person's scope — and merged in one statement only when every row is
/// valid: nothing is written otherwise. The audit trail records every figure through the statement-level trigger
/// (0007_national_scale.sql), under the person who imported.
/// </summary>
public static class MeasurementImport
{
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxRows = 1_000_000;

    /// <summary>
    /// Seconds each statement of an import may take. Npgsql's default (30) is shorter than a large file's merge at
    /// national scale: a quarter of the country's figures (335,500 rows, audited, into 11 million) took 30–40 s and
    /// was refused as "database unavailable" (bench/national.sh, 29/11/2026); a file of MaxRows takes about three times that.
    /// </summary>
    private const int BulkTimeout = 600;

    /// <summary>Problems listed in full; past this many, the count is given.</summary>
    public const int ProblemsListed = 200;

    // Header names accepted, Vietnamese (without diacritics, as spreadsheets often carry them) or English.
    private static readonly Dictionary<string, string[]> Columns = new(StringComparer.Ordinal)
    {
        ["indicator"] = ["indicator", "chi_so", "chi so", "chỉ số"],
        ["unit_code"] = ["unit_code", "ma_don_vi", "mã đơn vị", "ma don vi"],
        ["period_start"] = ["period_start", "tu_ngay", "từ ngày", "tu ngay"],
        ["period_end"] = ["period_end", "den_ngay", "đến ngày", "den ngay"],
        ["period_label"] = ["period_label", "ky", "kỳ"],
        ["value"] = ["value", "gia_tri", "giá trị", "gia tri"],
        ["unit"] = ["unit", "don_vi_tinh", "đơn vị tính", "don vi tinh"],
        ["source"] = ["source", "nguon", "nguồn"],
    };

    private static readonly string[] Required = ["indicator", "unit_code", "period_start", "period_end", "value", "source"];

    private sealed record Row(int Line, string Indicator, string IndicatorKey, string UnitCode, DateOnly Start, DateOnly End, string Label,
        decimal Value, string? Unit, string Source);

    /// <summary>
    /// Imports a file as one run whose progress the person can follow (<see cref="BulkImportProgress"/>, polled
    /// by the page or at GET /api/measurements/import/{run}); the outcome stays with the run.
    /// </summary>
    public static async Task<MeasurementImportResult> RunAsync(AppDbContext db, Guid run, string fileName, Stream content, CancellationToken ct)
    {
        var viewer = db.Viewer;
        await using var progress = await BulkImportProgress.StartAsync(db.Database.GetConnectionString()!, run, fileName, viewer.UserId, viewer.Name, ct);
        try
        {
            var result = await ImportAsync(db, fileName, content, progress, ct);
            await progress.FinishAsync(result.Summary, result.Rows);
            return result;
        }
        catch
        {
            await progress.FinishAsync("Dừng giữa chừng (lỗi hoặc kết nối bị ngắt); không có số liệu nào được ghi.", 0);
            throw;
        }
    }

    public static async Task<MeasurementImportResult> ImportAsync(AppDbContext db, string fileName, Stream content, BulkImportProgress? progress, CancellationToken ct)
    {
        var file = new FileReading(fileName, content);
        if (file.Type is null)
        {
            return file.Result(0);
        }

        // The context's own connection and transaction: AuditSession names the person in it. Rows are streamed
        // from the file into the staging table, never held all at once.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await ExecuteAsync(connection, """
                create temp table measurement_stage (
                  line integer not null, indicator text not null, indicator_key text not null, indicator_number bigint, unit_code text not null,
                  period_start date not null, period_end date not null, period_label text not null, value numeric not null,
                  unit text, source text not null, indicator_id bigint, unit_id bigint) on commit drop
                """, ct);
            var staged = 0;
            await using (var copy = await connection.BeginBinaryImportAsync(
                "copy measurement_stage (line, indicator, indicator_key, indicator_number, unit_code, period_start, period_end, period_label, value, unit, source) from stdin (format binary)", ct))
            {
                foreach (var r in file.Rows())
                {
                    await StageAsync(copy, r, ct);
                    if (++staged % 2_000 == 0 && progress is not null)
                    {
                        // A CSV is read front to back: its position says how far. An XLSX is a zip: only the count.
                        var share = file.Type == ExcelType.CSV && content.CanSeek && content.Length > 0 ? (double)content.Position / content.Length : 0;
                        await progress.ReportAsync($"Đang đọc tệp: {staged:N0} dòng", 5 + (int)(60 * share), staged, ct);
                    }
                }

                await copy.CompleteAsync(ct);
            }

            if (staged == 0)
            {
                return file.Result(0);
            }

            if (progress is not null)
            {
                await progress.ReportAsync($"Đang kiểm tra {staged:N0} dòng (mã chỉ số, đơn vị, kỳ, giá trị, trùng lặp)", 70, staged, ct, now: true);
            }

            var viewer = db.Viewer;
            var scopeUnit = viewer.Scope == ReadScope.All ? (long?)null : viewer.UnitId ?? 0;
            // Rows that could not be read and rows that do not fit the data, in file order; any one and nothing is written.
            var found = await ProblemsAsync(connection, scopeUnit, ct);
            if (found.Count > 0 || file.ProblemCount > 0)
            {
                var all = file.Problems.Concat(found).OrderBy(p => p.Line).Select(p => p.Text);
                return new(staged + file.ProblemCount, 0, 0, 0, [.. all.Take(ProblemsListed)], found.Count + file.ProblemCount);
            }

            if (progress is not null)
            {
                await progress.ReportAsync($"Đang ghi {staged:N0} số liệu và lịch sử thay đổi", 85, staged, ct, now: true);
            }

            var (inserted, updated) = await MergeAsync(connection, viewer.Name, IndicatorsApi.AwaitsApproval(viewer), ct);
            await tx.CommitAsync(ct);
            return new(staged, inserted, updated, staged - inserted - updated, [], 0);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task StageAsync(NpgsqlBinaryImporter copy, Row r, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(r.Line, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(r.Indicator, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(r.IndicatorKey, NpgsqlDbType.Text, ct);
        // An indicator written as its id (digits only).
        if (long.TryParse(r.Indicator, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            await copy.WriteAsync(number, NpgsqlDbType.Bigint, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }

        await copy.WriteAsync(r.UnitCode, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(r.Start, NpgsqlDbType.Date, ct);
        await copy.WriteAsync(r.End, NpgsqlDbType.Date, ct);
        await copy.WriteAsync(r.Label, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(r.Value, NpgsqlDbType.Numeric, ct);
        if (r.Unit is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(r.Unit, NpgsqlDbType.Text, ct);
        }

        await copy.WriteAsync(r.Source, NpgsqlDbType.Text, ct);
    }

    /// <summary>Every problem of the staged rows, found by set queries, in file order.</summary>
    private static async Task<List<(int Line, string Text)>> ProblemsAsync(NpgsqlConnection connection, long? scopeUnit, CancellationToken ct)
    {
        await ExecuteAsync(connection, """
            update measurement_stage s set indicator_id = i.id
              from indicator i where i.name_key = s.indicator_key or i.id = s.indicator_number;
            update measurement_stage s set unit_id = u.id
              from administrative_unit u
             where u.code = s.unit_code and (u.valid_from is null or u.valid_from <= s.period_end) and (u.valid_to is null or u.valid_to >= s.period_end);
            """, ct);
        await using var command = new NpgsqlCommand("""
            select line, message from (
              select line, format('không có chỉ số "%s"', indicator) message from measurement_stage where indicator_id is null
              union all
              select line, format('không có đơn vị hành chính mã %s vào ngày %s', unit_code, to_char(period_end, 'DD/MM/YYYY'))
                from measurement_stage where unit_id is null
              union all
              select s.line, format('đơn vị tính "%s" không phải của chỉ số (%s)', s.unit, i.unit)
                from measurement_stage s join indicator i on i.id = s.indicator_id
               where s.unit is not null and lower(trim(s.unit)) <> lower(i.unit)
              union all
              select s.line, format('giá trị %s không hợp lý cho đơn vị tính %s', s.value, i.unit)
                from measurement_stage s join indicator i on i.id = s.indicator_id
               where (i.unit = '%' and (s.value < 0 or s.value > 100)) or abs(s.value) >= 1e15
              union all
              select line, format('kỳ kết thúc (%s) trước khi bắt đầu (%s)', to_char(period_end, 'DD/MM/YYYY'), to_char(period_start, 'DD/MM/YYYY'))
                from measurement_stage where period_end < period_start
              union all
              select line, format('trùng với dòng %s (cùng chỉ số, đơn vị, kỳ)', first_line) from (
                select line, min(line) over (partition by indicator_id, unit_id, period_start, period_end) first_line
                  from measurement_stage where indicator_id is not null and unit_id is not null) d
               where line <> first_line
              union all
              select s.line, format('đơn vị mã %s ngoài phạm vi của bạn', s.unit_code)
                from measurement_stage s
               where @scope is not null and s.unit_id is not null and not exists (
                 select from administrative_unit u left join administrative_unit p on p.id = u.parent_id
                  where u.id = s.unit_id and (u.id = @scope or u.parent_id = @scope or p.parent_id = @scope))
            ) problems order by line, message
            """, connection) { CommandTimeout = BulkTimeout };
        command.Parameters.Add(new NpgsqlParameter<long?>("scope", NpgsqlDbType.Bigint) { TypedValue = scopeUnit });
        var problems = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            problems.Add((reader.GetInt32(0), $"Dòng {reader.GetInt32(0)}: {reader.GetString(1)}."));
        }

        return problems;
    }

    /// <summary>One statement: new figures inserted, changed ones updated, equal ones left (a deleted figure stays in its history).</summary>
    private static async Task<(int Inserted, int Updated)> MergeAsync(NpgsqlConnection connection, string enteredBy, bool awaiting, CancellationToken ct)
    {
        await using var merge = new NpgsqlCommand("""
            with merged as (
              insert into measurement as m (indicator_id, administrative_unit_id, period_start, period_end, period_label, value, source, entered_by, awaiting_approval)
              select indicator_id, unit_id, period_start, period_end, period_label, value, source, @by, @awaiting from measurement_stage
              on conflict (indicator_id, administrative_unit_id, period_start, period_end) where deleted_at is null do update
                 set value = excluded.value, source = excluded.source, period_label = excluded.period_label,
                     entered_by = excluded.entered_by, entered_at = now(), awaiting_approval = excluded.awaiting_approval
               where m.value <> excluded.value or m.source <> excluded.source or m.period_label <> excluded.period_label
              returning xmax = 0 as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted) from merged
            """, connection) { CommandTimeout = BulkTimeout };
        merge.Parameters.AddWithValue("by", enteredBy);
        merge.Parameters.AddWithValue("awaiting", awaiting);
        await using var reader = await merge.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    /// <summary>The rows of a file as they are read, and what is wrong with the others, line by line (the header is line 1).</summary>
    private sealed class FileReading(string fileName, Stream content)
    {
        private readonly List<(int Line, string Text)> _problems = [];

        public ExcelType? Type { get; } = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ExcelType.CSV,
            ".xlsx" => ExcelType.XLSX,
            _ => null,
        };

        public IReadOnlyList<(int Line, string Text)> Problems => _problems;

        public int ProblemCount { get; private set; }

        /// <summary>The problems alone (nothing could be staged): the file's type, its header, its emptiness.</summary>
        public MeasurementImportResult Result(int rows)
        {
            if (Type is null)
            {
                Problem(0, "Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.");
            }
            else if (ProblemCount == 0)
            {
                Problem(0, "Tệp không có dòng số liệu nào.");
            }

            return new(rows + ProblemCount, 0, 0, 0, [.. _problems.Select(p => p.Text)], ProblemCount);
        }

        private void Problem(int line, string text)
        {
            ProblemCount++;
            if (_problems.Count < ProblemsListed)
            {
                _problems.Add((line, line > 0 ? $"Dòng {line}: {text}" : text));
            }
        }

        public IEnumerable<Row> Rows()
        {
            IEnumerator<IDictionary<string, object?>>? records = null;
            try
            {
                records = MiniExcel.Query(content, useHeaderRow: true, excelType: Type!.Value).Cast<IDictionary<string, object?>>().GetEnumerator();
            }
            catch (Exception e) when (Unreadable(e))
            {
                Problem(0, NotReadable);
                yield break;
            }

            using var enumerator = records;
            var line = 1;
            Dictionary<string, string>? names = null;
            while (true)
            {
                IDictionary<string, object?> record;
                try
                {
                    if (!enumerator.MoveNext())
                    {
                        break;
                    }

                    record = enumerator.Current;
                }
                catch (Exception e) when (Unreadable(e))
                {
                    Problem(0, NotReadable);
                    yield break;
                }

                line++;
                if (names is null)
                {
                    names = HeaderNames(record.Keys);
                    var missing = Required.Where(c => !names.ContainsKey(c)).ToList();
                    if (missing.Count > 0)
                    {
                        Problem(0, $"Thiếu cột: {string.Join(", ", missing)} (dòng tiêu đề có: {string.Join(", ", record.Keys)}).");
                        yield break;
                    }
                }

                if (line > MaxRows + 1)
                {
                    Problem(0, $"Tệp có hơn {MaxRows:N0} dòng; hãy chia nhỏ.");
                    yield break;
                }

                if (record.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
                {
                    continue;
                }

                if (RowOf(line, record, names) is { } row)
                {
                    yield return row;
                }
            }
        }

        private string NotReadable => $"Không đọc được tệp {Path.GetFileName(fileName)}: tệp hỏng hoặc không đúng định dạng {Type.ToString()!.ToLowerInvariant()}.";

        private static bool Unreadable(Exception e) => e is InvalidDataException or FormatException or InvalidOperationException or IOException
            or ArgumentException or System.Xml.XmlException or NotSupportedException;

        private Row? RowOf(int line, IDictionary<string, object?> record, Dictionary<string, string> names)
        {
            string? Text(string column) => names.TryGetValue(column, out var key) ? CellText(record[key]) : null;
            var indicator = Input.Clean(Text("indicator"));
            var unitCode = Input.Clean(Text("unit_code"));
            var source = Input.Clean(Text("source"));
            var start = CellDate(record[names["period_start"]], out var startProblem);
            var end = CellDate(record[names["period_end"]], out var endProblem);
            var value = CellNumber(record[names["value"]], out var valueProblem);
            var wrong = new[]
            {
                indicator is null ? "thiếu chỉ số" : null,
                unitCode is null ? "thiếu mã đơn vị hành chính" : null,
                source is null ? "thiếu nguồn số liệu" : null,
                startProblem is null ? null : "từ ngày: " + startProblem,
                endProblem is null ? null : "đến ngày: " + endProblem,
                valueProblem is null ? null : "giá trị: " + valueProblem,
            }.OfType<string>().ToList();
            if (wrong.Count > 0)
            {
                Problem(line, $"{string.Join("; ", wrong)}.");
                return null;
            }

            var label = Input.Clean(Text("period_label")) ?? $"{start:dd/MM/yyyy} – {end:dd/MM/yyyy}";
            return new Row(line, indicator!, VietnameseText.MatchKey(indicator!), unitCode!, start!.Value, end!.Value, label, value!.Value,
                Input.Clean(Text("unit")), source!);
        }
    }

    private static Dictionary<string, string> HeaderNames(IEnumerable<string> keys)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var folded = VietnameseText.MatchKey(key);
            if (Columns.FirstOrDefault(c => c.Value.Any(v => VietnameseText.MatchKey(v) == folded)).Key is { } column)
            {
                names.TryAdd(column, key);
            }
        }

        return names;
    }

    private static string? CellText(object? cell) => cell switch
    {
        null => null,
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
    };

    private static DateOnly? CellDate(object? cell, out string? problem)
    {
        problem = null;
        switch (cell)
        {
            case DateTime time:
                return DateOnly.FromDateTime(time);
            case null:
                problem = "trống";
                return null;
        }

        if (!Input.TryDate(CellText(cell), out var date, out problem) || date is null)
        {
            problem ??= "trống";
            return null;
        }

        return date;
    }

    /// <summary>A number as a spreadsheet holds it, or as written with a decimal point ("53.5"); a decimal comma is refused, not guessed.</summary>
    private static decimal? CellNumber(object? cell, out string? problem)
    {
        problem = null;
        switch (cell)
        {
            case double d when double.IsFinite(d) && Math.Abs(d) < 1e15:
                return (decimal)d;
            case double:
                problem = "quá lớn";
                return null;
        }

        var text = CellText(cell)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "trống";
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            problem = $"\"{text}\" không phải là số (dùng dấu chấm thập phân)";
            return null;
        }

        return value;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = BulkTimeout };
        await command.ExecuteNonQueryAsync(ct);
    }
}
