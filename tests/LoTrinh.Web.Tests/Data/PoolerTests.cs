using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Browser;
using LoTrinh.Web.Tests.Faults;
using Npgsql;

namespace LoTrinh.Web.Tests.Data;

/// <summary>
/// The app served through pgbouncer in transaction mode (started by ./test.sh, scripts/setup.sh): server connections
/// are handed from one client's transaction to another's, so anything kept per connection would leak. Two people
/// writing at once must each be named in the trail for their own changes.
/// </summary>
public sealed class PoolerTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThroughPgbouncerInTransactionMode_ConcurrentWritersAreEachNamedForTheirOwnChanges()
    {
        var port = Environment.GetEnvironmentVariable("LOTRINH_PGBOUNCER_PORT");
        Assert.False(string.IsNullOrEmpty(port), "LOTRINH_PGBOUNCER_PORT is not set: run the tests with ./test.sh, which starts pgbouncer.");
        var database = await app.CreateProgrammeDatabaseAsync();
        var throughPooler = new NpgsqlConnectionStringBuilder(app.ServingConnection(database))
        {
            Port = int.Parse(port, System.Globalization.CultureInfo.InvariantCulture),
            // Few server connections for many clients: transactions of both writers share them.
            MaxPoolSize = 20,
            // Debian's pgbouncer (1.18) cannot carry prepared statements in transaction mode.
            MaxAutoPrepare = 0,
        }.ConnectionString;
        var secretariat = await TestAccount.CreateAsync(app.ServingConnection(database), Role.Secretariat, null);
        var administrator = await TestAccount.CreateAsync(app.ServingConnection(database), Role.Administrator, null);
        await using var server = await AppServer.StartAsync(throughPooler, withBrowser: false);

        (TestAccount Account, HttpClient Client)[] writers = [(secretariat, FaultHelpers.Client(server.BaseUrl, secretariat.Token)), (administrator, FaultHelpers.Client(server.BaseUrl, administrator.Token))];
        var writes = Enumerable.Range(0, 40).Select(async i =>
        {
            var (account, client) = writers[i % 2];
            var response = await client.PostAsJsonAsync("/api/tasks",
                new { directive = "3316/KH-UBND", text = $"Qua pgbouncer {account.UserName} {i}", lead = "Sở Xây dựng", deadline = "Quý IV/2026" }, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (account.Id, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64());
        });
        var created = await Task.WhenAll(writes);

        await using var connection = new NpgsqlConnection(app.ServingConnection(database));
        await connection.OpenAsync(Ct);
        foreach (var (writer, task) in created)
        {
            await using var read = new NpgsqlCommand(
                "select array_agg(distinct coalesce(actor_id, -1)) from audit_event where subject_table = 'task_item' and subject_id = $1", connection)
            {
                Parameters = { new() { Value = task } },
            };
            Assert.Equal([writer], (long[])(await read.ExecuteScalarAsync(Ct))!);
        }

        // And a read after the writes: no actor was left on any server connection.
        await using var left = new NpgsqlConnection(throughPooler);
        await left.OpenAsync(Ct);
        await using var setting = new NpgsqlCommand("select current_setting('lotrinh.actor_id', true)", left);
        Assert.True(await setting.ExecuteScalarAsync(Ct) is DBNull or "");
    }
}
