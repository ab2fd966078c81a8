using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Browser;
using LoTrinh.Web.Tests.Faults;
using Npgsql;

namespace LoTrinh.Web.Tests.Data;

/// <summary>
/// Reads on a streaming standby (made by ./test.sh with pg_basebackup, scripts/setup.sh), writes on the primary:
/// the app as its own process with ConnectionStrings:Reads; the standby made to lag by pausing its replay.
/// </summary>
public sealed class ReadRoutingTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Served(HttpResponseMessage response) => response.Headers.GetValues("X-LoTrinh-Database").Single();

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"Waited 30 s for {what}.");
    }

    /// <summary>Who served the dashboard, its task total, and the lead agency's tasks (its line; the 20 lines shown are ranked by overdue tasks).</summary>
    private static async Task<(string Served, int Total, int OfLead)> DashboardAsync(HttpClient client, long leadId)
    {
        var response = await client.GetAsync("/api/dashboard?asOf=2026-11-28", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // An agency that leads nothing yet has no line.
        var ofLead = view.GetProperty("agencies").EnumerateArray().Where(a => a.GetProperty("id").GetInt64() == leadId)
            .Select(a => a.GetProperty("tasks").GetProperty("total").GetInt32()).SingleOrDefault();
        return (Served(response), view.GetProperty("tasks").GetProperty("total").GetInt32(), ofLead);
    }

    [Fact]
    public async Task ReadsAndTheDashboardGoToTheStandby_AndAWriterReadsTheirOwnWriteFromThePrimaryWhileTheStandbyLags()
    {
        var port = Environment.GetEnvironmentVariable("LOTRINH_STANDBY_PORT");
        Assert.False(string.IsNullOrEmpty(port), "LOTRINH_STANDBY_PORT is not set: run the tests with ./test.sh, which starts the standby.");
        var database = await app.CreateProgrammeDatabaseAsync();
        var secretariat = await TestAccount.CreateAsync(app.ServingConnection(database), Role.Secretariat, null);
        var leader = await TestAccount.CreateAsync(app.ServingConnection(database), Role.Leadership, null);
        var standby = new NpgsqlConnectionStringBuilder(app.ServingConnection(database)) { Port = int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) };
        var standbyOwner = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database, Port = standby.Port };
        await WaitAsync(async () =>
        {
            try
            {
                await using var replica = new NpgsqlConnection(standby.ConnectionString);
                await replica.OpenAsync(Ct);
                await using var count = new NpgsqlCommand("select count(*) from app_user", replica);
                return (long)(await count.ExecuteScalarAsync(Ct))! >= 2;
            }
            catch (PostgresException)
            {
                return false; // the database is not on the standby yet
            }
        }, "the standby to replay the new database");

        await using var server = await AppServer.StartAsync(app.ServingConnection(database), withBrowser: false,
            new Dictionary<string, string> { ["ConnectionStrings__Reads"] = standby.ConnectionString });
        var writer = FaultHelpers.Client(server.BaseUrl, secretariat.Token);
        var other = FaultHelpers.Client(server.BaseUrl, leader.Token);

        var read = await other.GetAsync("/api/tasks?asOf=2026-11-28&pageSize=5", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("standby", Served(read));

        await using var replay = new NpgsqlConnection(standbyOwner.ConnectionString);
        await replay.OpenAsync(Ct);
        await using (var pause = new NpgsqlCommand("select pg_wal_replay_pause()", replay))
        {
            await pause.ExecuteNonQueryAsync(Ct);
        }

        try
        {
            await WaitAsync(async () =>
            {
                await using var state = new NpgsqlCommand("select pg_get_wal_replay_pause_state()", replay);
                return (string?)await state.ExecuteScalarAsync(Ct) == "paused";
            }, "replay to pause");

            var created = await writer.PostAsJsonAsync("/api/tasks",
                new { directive = "3316/KH-UBND", text = "Nhiệm vụ đọc lại ngay sau khi ghi", lead = "Sở Xây dựng", deadline = "Quý I/2024" }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();

            // The writer sees their task at once, from the primary; someone else reads the lagging standby.
            var own = await writer.GetAsync($"/api/tasks/{id}", Ct);
            Assert.True(own.StatusCode == HttpStatusCode.OK, server.Output);
            Assert.Equal("primary", Served(own));
            var theirs = await other.GetAsync($"/api/tasks/{id}", Ct);
            Assert.Equal("standby", Served(theirs));
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);

            // The dashboard is served by the standby too, and its parts that run on connections of their own (the lead
            // agencies' tallies) read the same server as the request: the writer's dashboard counts the new task
            // everywhere, the other's nowhere yet.
            var leadId = (await own.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("agencies").EnumerateArray()
                .Single(a => a.GetProperty("role").GetString() == "lead").GetProperty("agencyId").GetInt64();
            var (writerServed, writerTotal, writerByLead) = await DashboardAsync(writer, leadId);
            var (otherServed, otherTotal, otherByLead) = await DashboardAsync(other, leadId);
            Assert.Equal(("primary", "standby"), (writerServed, otherServed));
            Assert.Equal((otherTotal + 1, otherByLead + 1), (writerTotal, writerByLead));
        }
        finally
        {
            await using var resume = new NpgsqlCommand("select pg_wal_replay_resume()", replay);
            await resume.ExecuteNonQueryAsync(Ct);
        }

        // Once the standby has replayed the write, the writer reads from it again.
        await WaitAsync(async () => Served(await writer.GetAsync("/api/tasks?asOf=2026-11-28&pageSize=1", Ct)) == "standby", "the writer's reads to return to the standby");
    }
}
