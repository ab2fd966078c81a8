using System.Reflection;
using Npgsql;

namespace LoTrinh.Web.Data;

/// <summary>
/// Applies the embedded SQL scripts (Data/Migrations/NNNN_*.sql) in order, each in its own
/// transaction, and records them. An advisory lock keeps two starting instances from racing.
/// EF's design-time package is not on the mirror, so migrations are written in SQL (ADR 002).
/// </summary>
public static class Migrator
{
    private const long LockKey = 0x4C6F5472696E68; // "LoTrinh"

    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await Execute(connection, null, $"select pg_advisory_lock({LockKey})", ct);
        try
        {
            await Execute(connection, null,
                "create table if not exists schema_migration (version text primary key, applied_at timestamptz not null default now())", ct);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand("select version from schema_migration", connection))
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var newlyApplied = new List<string>();
            foreach (var (version, sql) in Scripts())
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var tx = await connection.BeginTransactionAsync(ct);
                await Execute(connection, tx, sql, ct);
                await using (var record = new NpgsqlCommand("insert into schema_migration (version) values (@v)", connection, tx))
                {
                    record.Parameters.AddWithValue("v", version);
                    await record.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                newlyApplied.Add(version);
            }

            return newlyApplied;
        }
        finally
        {
            await Execute(connection, null, $"select pg_advisory_unlock({LockKey})", ct);
        }
    }

    /// <summary>The scripts in version order: the file name up to ".sql".</summary>
    public static IEnumerable<(string Version, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "LoTrinh.Web.Data.Migrations.";
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name[prefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(ct);
    }
}
