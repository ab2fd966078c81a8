using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Browser;
using Npgsql;

namespace LoTrinh.Web.Tests.Faults;

/// <summary>
/// The fault suite's load and failure part, against the app as its own process on loopback: a hundred
/// clients writing at once, the database dropping every connection while requests and imports flow,
/// the process killed mid-import, a zip bomb. Bounded in count and time; every figure is printed.
/// </summary>
public sealed class ProcessFaultTests(AppFixture app, ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ServingRole => app.ServingRole ?? new NpgsqlConnectionStringBuilder(app.ConnectionString).Username!;

    [Fact]
    public async Task HundredClients_TwentyWritesEach_EveryAcceptedWriteIsStoredAndAudited_NoServerError()
    {
        const int clients = 100, writes = 20;
        var tasks = new long[clients];
        for (var i = 0; i < clients; i++)
        {
            tasks[i] = await app.NewTaskAsync(AppFixture.OfficerAgency);
        }

        await using var server = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false);
        var statuses = new ConcurrentDictionary<int, int>();
        var accepted = new ConcurrentDictionary<long, int>();
        var run = Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            using var client = FaultHelpers.Client(server.BaseUrl, app.Accounts[Role.Secretariat].Token);
            for (var j = 0; j < writes; j++)
            {
                using var response = await client.PostAsJsonAsync($"/api/tasks/{tasks[i]}/progress", new { text = $"Báo cáo {run} {i}-{j}", percent = j * 5 }, Ct);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    accepted.AddOrUpdate(tasks[i], 1, (_, n) => n + 1);
                }
            }
        }));

        var stored = await FaultHelpers.ScalarAsync(app.ConnectionString, "select count(*) from progress_update where text like $1", $"Báo cáo {run} %");
        var audited = await FaultHelpers.ScalarAsync(app.ConnectionString,
            "select count(*) from audit_event where table_name = 'progress_update' and action = 'insert' and after ->> 'text' like $1 and actor_id = $2",
            $"Báo cáo {run} %", app.Accounts[Role.Secretariat].Id);
        output.WriteLine($"{clients}×{writes} writes: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))
            + $"; accepted {accepted.Values.Sum()}, stored {stored}, audited {audited}");
        Assert.DoesNotContain(statuses.Keys, s => s >= 500);
        Assert.Equal(clients * writes, accepted.Values.Sum());
        Assert.Equal(accepted.Values.Sum(), stored);
        Assert.Equal(stored, audited);
    }

    [Fact]
    public async Task HundredClients_EditingOneTaskFromTheSameReading_OneWins_TheOthersAreRefused()
    {
        var task = await app.NewTaskAsync(AppFixture.OfficerAgency);
        await using var server = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false);
        using var reader = FaultHelpers.Client(server.BaseUrl, app.Accounts[Role.Secretariat].Token);
        var version = (await reader.GetFromJsonAsync<JsonElement>($"/api/tasks/{task}", Ct)).GetProperty("version").GetUInt32();

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var client = FaultHelpers.Client(server.BaseUrl, app.Accounts[Role.Secretariat].Token);
            using var response = await client.PutAsJsonAsync($"/api/tasks/{task}",
                new { text = $"Phiên bản của người sửa thứ {i}", lead = AppFixture.OfficerAgency, version }, Ct);
            return (i, Status: (int)response.StatusCode);
        }));

        var winners = results.Where(r => r.Status == 200).ToList();
        output.WriteLine(string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.DoesNotContain(results, r => r.Status >= 500);
        var winner = Assert.Single(winners);
        Assert.All(results.Where(r => r.Status != 200), r => Assert.Equal(409, r.Status));
        await using var db = app.NewDb();
        Assert.Equal($"Phiên bản của người sửa thứ {winner.i}", db.Tasks.Single(t => t.Id == task).Text);
        Assert.Equal(1, await FaultHelpers.ScalarAsync(app.ConnectionString,
            "select count(*) from audit_event where table_name = 'task_item' and row_id = $1 and action = 'update' and before ->> 'text' <> after ->> 'text'", task));
    }

    [Fact]
    public async Task DatabaseConnectionsTerminated_TenRoundsDuringEditsAndImports_TheProcessStaysUp_AnswersWithinFiveSeconds_LosesNothing()
    {
        var task = await app.NewTaskAsync(AppFixture.OfficerAgency);
        await using var server = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false);
        using var client = FaultHelpers.Client(server.BaseUrl, app.Accounts[Role.Secretariat].Token);
        var run = Guid.NewGuid().ToString("N")[..8];
        var statuses = new ConcurrentDictionary<int, int>();
        var accepted = new ConcurrentBag<string>();
        var imports = new List<Guid>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var text = $"Ghi khi mất kết nối {run} {w}-{n}";
                try
                {
                    using var response = await client.PostAsJsonAsync($"/api/tasks/{task}/progress", new { text }, Ct);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        accepted.Add(text);
                    }
                }
                catch (HttpRequestException)
                {
                    statuses.AddOrUpdate(0, 1, (_, c) => c + 1);
                }
            }
        })).ToList();

        var recoveries = new List<TimeSpan>();
        var seed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "documents", "002_c1f0198d3308eeb8.txt"), Ct);
        for (var round = 0; round < 10; round++)
        {
            imports.Add(await UploadWhenUpAsync(client, $"vong-{round}.txt", Encoding.UTF8.GetBytes($"{seed}\n\nVòng {round} {run}")));
            await Task.Delay(100, Ct);
            await FaultHelpers.TerminateConnectionsAsync(app.ConnectionString, ServingRole);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                // The API and a page, each reading the database.
                using var api = await client.GetAsync($"/api/tasks/{task}", Ct);
                using var page = await client.GetAsync($"/Tasks/Details/{task}", Ct);
                if (api.StatusCode == HttpStatusCode.OK && page.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                await Task.Delay(100, Ct);
            }

            recoveries.Add(clock.Elapsed);
            Assert.False(server.Process.HasExited, $"the app exited in round {round}");
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var finished = await Task.WhenAll(imports.Select(id => FaultHelpers.WaitForImportAsync(client, id, TimeSpan.FromSeconds(60))));
        var stored = await FaultHelpers.ScalarAsync(app.ConnectionString, "select count(*) from progress_update where text like $1", $"Ghi khi mất kết nối {run} %");
        output.WriteLine($"10 rounds: recovered in {string.Join(", ", recoveries.Select(r => $"{r.TotalMilliseconds:0} ms"))}; writes "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")) + $"; accepted {accepted.Count}, stored {stored}; imports "
            + string.Join(", ", finished.GroupBy(f => f.Stage).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.False(server.Process.HasExited);
        Assert.All(recoveries, r => Assert.True(r < TimeSpan.FromSeconds(5), $"answered again after {r}"));
        Assert.DoesNotContain(statuses.Keys, s => s is >= 500 and not 503);
        Assert.Equal(accepted.Count, stored);
        Assert.All(finished, f => Assert.Equal("ready", f.Stage));
    }

    [Fact]
    public async Task ZipBombs_FiveGigabytesBehindAOneKilobyteHeader_AndTwoHundredMegabytesDeclared_AreRefusedWithinFiveSeconds_WithoutGrowingTheProcess()
    {
        var bomb = FaultHelpers.LyingZipBomb(inflatedGigabytes: 5);
        var honest = FaultHelpers.HonestZipBomb(megabytes: 200);
        await using var server = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false);
        using var client = FaultHelpers.Client(server.BaseUrl, app.Accounts[Role.Secretariat].Token);
        var pid = server.Process.Id;
        FaultHelpers.ResetPeakMemory(pid);
        var before = FaultHelpers.MemoryMb(pid, "VmRSS");

        // The 5 GB one under-declares its size, the 200 MB one says it: refused as corrupt, and as too large.
        foreach (var (name, file, reason) in new[] { ("bom-5GB.docx", bomb, "Tệp Word"), ("bom-200MB.docx", honest, "giải nén ra hơn") })
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var id = await FaultHelpers.UploadAsync(client, name, file);
            var (stage, problem, _) = await FaultHelpers.WaitForImportAsync(client, id, TimeSpan.FromSeconds(30));
            var growth = FaultHelpers.MemoryMb(pid, "VmHWM") - before;
            output.WriteLine($"{name}: {file.Length / 1024:N0} KB uploaded, {stage} after {clock.ElapsedMilliseconds} ms, peak RSS growth {growth} MB: {problem}");
            Assert.Equal("failed", stage);
            Assert.Contains(reason, problem, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.True(growth <= 100, $"peak RSS grew {growth} MB");
        }
    }

    [Fact]
    public async Task KilledWhileReadingAnImport_TheImportIsReadAfterRestart_AndOneThatKeepsDyingIsGivenUp()
    {
        var seed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "documents", "004_b6bd794ce73608bb.txt"), Ct);
        // Long enough that reading takes a while: the kill lands while it is queued or being read.
        var large = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(seed, 60)) + Guid.NewGuid());
        Guid id;
        // A short read limit, so the killed reader's lease (limit + a quarter, ≥ 5 s) runs out within the test.
        var shortLease = new Dictionary<string, string> { ["Imports__ReadSeconds"] = "5", ["Imports__PollSeconds"] = "1" };
        await using (var first = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false, shortLease))
        {
            using var client = FaultHelpers.Client(first.BaseUrl, app.Accounts[Role.Secretariat].Token);
            id = await FaultHelpers.UploadAsync(client, "dai.txt", large);
            await Task.Delay(300, Ct);
            await first.KillAsync();
        }

        var stageAtKill = await FaultHelpers.ScalarAsync(app.ConnectionString, "select case stage when 'queued' then 0 when 'reading' then 1 else 2 end from document_import where id = $1", id);
        await using (var second = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false, shortLease))
        {
            using var client = FaultHelpers.Client(second.BaseUrl, app.Accounts[Role.Secretariat].Token);
            var (stage, problem, took) = await FaultHelpers.WaitForImportAsync(client, id, TimeSpan.FromSeconds(120));
            output.WriteLine($"killed while {(stageAtKill == 0 ? "queued" : stageAtKill == 1 ? "reading" : "finished")}; after restart: {stage} in {took.TotalSeconds:0.0} s {problem}");
            Assert.Equal("ready", stage);
        }

        // A file that has been started as many times as allowed (the app died each time) is given up with the reason.
        await FaultHelpers.ScalarAsync(app.ConnectionString,
            "with u as (update document_import set stage = 'reading', attempts = 3, text = null, draft = null where id = $1 returning 1) select count(*) from u", id);
        await using (var third = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false, shortLease))
        {
            using var client = FaultHelpers.Client(third.BaseUrl, app.Accounts[Role.Secretariat].Token);
            var (stage, problem, _) = await FaultHelpers.WaitForImportAsync(client, id, TimeSpan.FromSeconds(30));
            Assert.Equal("failed", stage);
            Assert.Contains("3 lần", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TwoInstances_ShareTheFilesWaiting_EachIsReadOnce_AndOneLeftByAStoppedReaderIsTakenWithoutARestart()
    {
        var seed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "documents", "004_b6bd794ce73608bb.txt"), Ct);
        // The default read limit (and lease); polls every second so each instance soon sees the other's uploads.
        var settings = new Dictionary<string, string> { ["Imports__PollSeconds"] = "1" };
        await using var a = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false, settings);
        await using var b = await AppServer.StartAsync(app.AppConnectionString, withBrowser: false, settings);
        using var toA = FaultHelpers.Client(a.BaseUrl, app.Accounts[Role.Secretariat].Token);
        using var toB = FaultHelpers.Client(b.BaseUrl, app.Accounts[Role.Secretariat].Token);

        // Eight files at once, half to each instance; each instance also finds the other's by polling.
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            FaultHelpers.UploadAsync(i % 2 == 0 ? toA : toB, $"kehoach-{i}.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(seed, 10)) + Guid.NewGuid()))));
        foreach (var id in ids)
        {
            var (stage, problem, _) = await FaultHelpers.WaitForImportAsync(toA, id, TimeSpan.FromSeconds(60));
            Assert.True(stage == "ready", $"{id}: {stage} {problem}");
        }

        // Each was claimed once: the lease kept the other instance from reading it too.
        foreach (var id in ids)
        {
            Assert.Equal(1, await FaultHelpers.ScalarAsync(app.ConnectionString, "select attempts from document_import where id = $1", id));
        }

        // A file held by a reader whose lease has run out (its instance died): a running instance takes it.
        await FaultHelpers.ScalarAsync(app.ConnectionString,
            "with u as (update document_import set stage = 'reading', reading_until = now() - interval '1 second', text = null, draft = null where id = $1 returning 1) select count(*) from u", ids[0]);
        var (again, why, took) = await FaultHelpers.WaitForImportAsync(toB, ids[0], TimeSpan.FromSeconds(30));
        output.WriteLine($"a file left by a stopped reader: {again} after {took.TotalSeconds:0.0} s {why}");
        Assert.Equal("ready", again);
        Assert.Equal(2, await FaultHelpers.ScalarAsync(app.ConnectionString, "select attempts from document_import where id = $1", ids[0]));
    }

    /// <summary>Uploads, trying again while the database is still coming back (503): the person would press the button again.</summary>
    private static async Task<Guid> UploadWhenUpAsync(HttpClient client, string name, byte[] content)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await FaultHelpers.UploadAsync(client, name, content);
            }
            catch (Xunit.Sdk.XunitException) when (attempt < 20)
            {
                await Task.Delay(250, Ct);
            }
        }
    }
}
