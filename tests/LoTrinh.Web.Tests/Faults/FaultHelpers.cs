using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace LoTrinh.Web.Tests.Faults;

/// <summary>What the fault tests share: calls to the running app, the database seen from outside, the process's memory, hostile files.</summary>
public static class FaultHelpers
{
    public static HttpClient Client(string baseUrl, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Uploads a file to /api/imports as a person would from the page; the import's id.</summary>
    public static async Task<Guid> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the import is no longer queued or being read; its stage and problem, and how long it took.</summary>
    public static async Task<(string Stage, string? Problem, TimeSpan Took)> WaitForImportAsync(HttpClient client, Guid id, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            using var response = await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                var status = await response.Content.ReadFromJsonAsync<JsonElement>();
                var stage = status.GetProperty("stage").GetString()!;
                if (stage is not ("queued" or "reading"))
                {
                    return (stage, status.GetProperty("problem").GetString(), clock.Elapsed);
                }
            }

            await Task.Delay(50);
        }

        return ("stuck", null, clock.Elapsed);
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Ends every connection the serving role has to this database, as a failover or an operator would (the
    /// test process's own pooled ones too, which it then forgets, so later tests start clean).
    /// </summary>
    public static async Task<long> TerminateConnectionsAsync(string ownerConnection, string role)
    {
        var ended = await ScalarAsync(ownerConnection,
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and usename = $1 and pid <> pg_backend_pid()", role);
        NpgsqlConnection.ClearAllPools();
        return ended;
    }

    /// <summary>A line of /proc/PID/status in MB (VmRSS, VmHWM).</summary>
    public static long MemoryMb(int pid, string field) =>
        long.Parse(File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;

    /// <summary>Starts the process's peak-memory count (VmHWM) afresh.</summary>
    public static void ResetPeakMemory(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    /// <summary>
    /// A .docx whose document.xml inflates to <paramref name="inflatedGigabytes"/> GB of spaces while the zip
    /// declares 1 KB: one deflate block for 1 MB of spaces, repeated (each starts where the last ended, on a
    /// byte boundary after a sync flush), then the final block. A few MB on the wire.
    /// </summary>
    public static byte[] LyingZipBomb(int inflatedGigabytes)
    {
        var megabyte = new byte[1024 * 1024];
        Array.Fill(megabyte, (byte)' ');
        using var compressed = new MemoryStream();
        byte[] head, block;
        using (var deflate = new DeflateStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(megabyte);
            deflate.Flush();
            head = compressed.ToArray();
            deflate.Write(megabyte);
            deflate.Flush();
            block = compressed.ToArray()[head.Length..];
        }

        var tail = compressed.ToArray()[(head.Length + block.Length)..];
        using var data = new MemoryStream();
        data.Write(head);
        for (var i = 0; i < inflatedGigabytes * 1024 - 1; i++)
        {
            data.Write(block);
        }

        data.Write(tail);
        return Zip("word/document.xml", data.ToArray(), declaredSize: 1024);
    }

    /// <summary>A zip of one deflated entry, written by hand so its declared size can be anything.</summary>
    private static byte[] Zip(string name, byte[] deflated, uint declaredSize)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        using var zip = new MemoryStream();
        using var w = new BinaryWriter(zip);
        void Common()
        {
            w.Write((ushort)20); // version needed
            w.Write((ushort)0); // flags
            w.Write((ushort)8); // deflate
            w.Write((uint)0); // time, date
            w.Write((uint)0); // CRC-32 (never reached: the reader stops at its limit first)
            w.Write((uint)deflated.Length);
            w.Write(declaredSize);
            w.Write((ushort)nameBytes.Length);
        }

        w.Write(0x04034b50u);
        Common();
        w.Write((ushort)0);
        w.Write(nameBytes);
        w.Write(deflated);
        var central = (uint)zip.Position;
        w.Write(0x02014b50u);
        w.Write((ushort)20); // version made by
        Common();
        w.Write((ushort)0); // extra
        w.Write((ushort)0); // comment
        w.Write((ushort)0); // disk
        w.Write((ushort)0); // internal attributes
        w.Write(0u); // external attributes
        w.Write(0u); // local header offset
        w.Write(nameBytes);
        var end = (uint)zip.Position;
        w.Write(0x06054b50u);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)1);
        w.Write((ushort)1);
        w.Write(end - central);
        w.Write(central);
        w.Write((ushort)0);
        w.Flush();
        return zip.ToArray();
    }

    /// <summary>A .docx, honest about its sizes, whose document.xml is <paramref name="megabytes"/> MB of one repeated character.</summary>
    public static byte[] HonestZipBomb(int megabytes)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            var megabyte = new byte[1024 * 1024];
            Array.Fill(megabyte, (byte)' ');
            for (var i = 0; i < megabytes; i++)
            {
                entry.Write(megabyte);
            }
        }

        return zip.ToArray();
    }
}
