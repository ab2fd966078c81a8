using System.Diagnostics;
using Npgsql;

namespace LoTrinh.Web.Data;

/// <summary>
/// <c>lotrinh backup</c> and <c>lotrinh restore</c>: the whole database (programme, accounts, sessions,
/// audit trail, kept import files) in pg_dump's custom format, and back into an empty database. Run as
/// the schema owner. After a restore the migrations are applied (a backup from an older version comes up
/// to date) and the serving role's rights are given again. docs/reliability.md has the schedule.
/// </summary>
public static class Backups
{
    public static async Task<int> BackupAsync(string ownerConnection, FileInfo to, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        var (exit, message) = await RunAsync("pg_dump", ownerConnection, ["--format=custom", "--no-owner", "--file", to.FullName], ct);
        if (exit != 0)
        {
            await error.WriteLineAsync($"lotrinh backup: pg_dump không thành công: {message}");
            return 2;
        }

        await output.WriteLineAsync($"Đã sao lưu vào {to.FullName} ({new FileInfo(to.FullName).Length / 1024:N0} KB).");
        return 0;
    }

    public static async Task<int> RestoreAsync(string ownerConnection, string? appRole, FileInfo from, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (!from.Exists)
        {
            await error.WriteLineAsync($"lotrinh restore: không có tệp {from.FullName}.");
            return 2;
        }

        await using (var connection = new NpgsqlConnection(ownerConnection))
        {
            await connection.OpenAsync(ct);
            await using var count = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema = 'public'", connection);
            if ((long)(await count.ExecuteScalarAsync(ct))! > 0)
            {
                await error.WriteLineAsync("lotrinh restore: cơ sở dữ liệu đích đã có bảng; chỉ khôi phục vào cơ sở dữ liệu trống (tạo mới rồi chạy lại).");
                return 2;
            }
        }

        // One transaction: a restore that fails halfway leaves the database empty, not half full.
        var (exit, message) = await RunAsync("pg_restore", ownerConnection, ["--no-owner", "--single-transaction", "--exit-on-error", from.FullName], ct);
        if (exit != 0)
        {
            await error.WriteLineAsync($"lotrinh restore: pg_restore không thành công, không có gì được ghi: {message}");
            return 2;
        }

        var applied = await Migrator.MigrateAsync(ownerConnection, appRole, ct);
        await output.WriteLineAsync($"Đã khôi phục từ {from.FullName}" + (applied.Count > 0 ? $"; đã áp dụng thêm: {string.Join(", ", applied)}." : "."));
        return 0;
    }

    /// <summary>Runs a PostgreSQL client tool against the database of the connection string (the password through the environment, not the command line).</summary>
    private static async Task<(int Exit, string Error)> RunAsync(string tool, string connectionString, string[] arguments, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool, [.. arguments, "--host", c.Host ?? "localhost", "--port", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username", c.Username ?? string.Empty, "--dbname", c.Database ?? string.Empty])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PGPASSWORD"] = c.Password ?? string.Empty;
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await stdout;
            return (process.ExitCode, (await stderr).Trim());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, $"không tìm thấy {tool} (gói postgresql-client).");
        }
    }
}
