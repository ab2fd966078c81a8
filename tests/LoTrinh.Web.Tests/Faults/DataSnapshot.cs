using Npgsql;

namespace LoTrinh.Web.Tests.Faults;

/// <summary>
/// A checksum of every row of every table that holds the programme, the accounts and the audit trail,
/// so a fault test can say "nothing changed" of the whole database, not of the table it thought of.
/// Bookkeeping that a read may touch (a token's last use; an export someone asked for — a read of the programme
/// written to a file for them, its filter checked like the list's) is left out.
/// </summary>
public static class DataSnapshot
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t is not ("export_job" or "export_file")))
        {
            var row = table == "access_token" ? "(x.id, x.user_id, x.name, x.hash, x.expires_at, x.revoked_at)::text" : "x::text";
            await using var sum = new NpgsqlCommand($"select count(*) || ':' || md5(coalesce(string_agg({row}, '|' order by {row}), '')) from \"{table}\" x", connection);
            sums[table] = (string)(await sum.ExecuteScalarAsync())!;
        }

        return sums;
    }

    /// <summary>The tables whose checksum differs, for the assertion message.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];
}
