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

    /// <summary>
    /// Applies what is new, as the owner of the schema; then, when the app serves as a role of its own
    /// (<paramref name="appRole"/>), gives that role exactly what serving needs (<see cref="GrantServingRights"/>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, string? appRole = null, CancellationToken ct = default)
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

            if (appRole is not null && appRole != new NpgsqlConnectionStringBuilder(connectionString).Username)
            {
                await Execute(connection, null, GrantServingRights(appRole), ct);
            }

            return newlyApplied;
        }
        finally
        {
            await Execute(connection, null, $"select pg_advisory_unlock({LockKey})", ct);
        }
    }

    /// <summary>
    /// The serving role changes business rows and reads the audit trail; it cannot write, change or empty the
    /// trail (only the owner's audit trigger writes it), read the audit key, or alter any table or trigger
    /// (it owns none). Given again after every migration, so new tables are covered.
    /// </summary>
    public static string GrantServingRights(string appRole)
    {
        var role = "\"" + appRole.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return $"""
            grant usage on schema public to {role};
            grant select, insert, update, delete on all tables in schema public to {role};
            grant usage, select on all sequences in schema public to {role};
            revoke insert, update, delete, truncate on audit_event, schema_migration from {role};
            revoke all on audit_key from {role};
            grant execute on function lotrinh_set_actor(text, text) to {role};
            """;
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
