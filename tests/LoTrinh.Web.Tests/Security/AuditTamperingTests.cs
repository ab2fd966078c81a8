using LoTrinh.Core.Accounts;
using Npgsql;

namespace LoTrinh.Web.Tests.Security;

/// <summary>
/// Every way to tamper with the audit trail, tried as the role the app serves as (what a stolen app
/// password or an injected statement would have): each is refused, and a person is named in the trail
/// only by their own live credential.
/// </summary>
public sealed class AuditTamperingTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Tampering => new()
    {
        "alter table audit_event disable trigger append_only",
        "drop trigger append_only on audit_event",
        "alter table task_item disable trigger audit",
        "drop trigger audit on task_item",
        "create or replace function audit_change() returns trigger language plpgsql as $$ begin return null; end $$",
        "insert into audit_event (actor_name, table_name, subject_table, action) values ('giả mạo', 'task_item', 'task_item', 'insert')",
        "update audit_event set actor_name = 'ai đó' where id = (select max(id) from audit_event)",
        "delete from audit_event where id = (select max(id) from audit_event)",
        "truncate audit_event",
        "select key from audit_key",
        "alter function lotrinh_set_actor(text, text) security invoker",
        "select set_config('lotrinh.actor_id', '1', false); update task_item set text = text || ' ' where id = (select min(id) from task_item)",
        "select set_config('lotrinh.actor_id', '1', false), set_config('lotrinh.actor_seal', repeat('0', 64), false); update task_item set text = text || ' ' where id = (select min(id) from task_item)",
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task AsTheServingRole_TamperingWithTheTrail_IsRefused(string sql)
    {
        Assert.NotNull(app.ServingRole);
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
        Assert.Contains(refused.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, "42501" });
    }

    [Fact]
    public async Task SetActor_WithALiveToken_NamesThePerson_AndWithAForgedOne_NamesTheRole()
    {
        var secretariat = app.Accounts[Role.Secretariat];
        var task = await app.NewTaskAsync(AppFixture.OfficerAgency);
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync(Ct);

        Assert.Equal(secretariat.Id, await SetActorAndEditAsync(connection, secretariat.Token, task, "với mã thật"));
        Assert.Equal((secretariat.Id, secretariat.DisplayName), await LastActorAsync(task));

        Assert.Null(await SetActorAndEditAsync(connection, "lt_" + new string('x', 43), task, "với mã giả"));
        var (actor, name) = await LastActorAsync(task);
        Assert.Null(actor);
        Assert.StartsWith(app.ServingRole!, name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheActorIsNamedForOneTransaction_TheNextOneOnTheSameConnectionCarriesNoOne()
    {
        // What makes a pooler in transaction mode (pgbouncer) safe: the next transaction on this server
        // connection may be another client's.
        var secretariat = app.Accounts[Role.Secretariat];
        var task = await app.NewTaskAsync(AppFixture.OfficerAgency);
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync(Ct);
        Assert.Equal(secretariat.Id, await SetActorAndEditAsync(connection, secretariat.Token, task, "trong giao dịch"));

        await using (var edit = new NpgsqlCommand("update task_item set text = text || ' sau giao dịch' where id = $1", connection) { Parameters = { new() { Value = task } } })
        {
            await edit.ExecuteNonQueryAsync(Ct);
        }

        var (actor, name) = await LastActorAsync(task);
        Assert.Null(actor);
        Assert.StartsWith(app.ServingRole!, name, StringComparison.Ordinal);
        await using var setting = new NpgsqlCommand("select current_setting('lotrinh.actor_id', true)", connection);
        Assert.True(await setting.ExecuteScalarAsync(Ct) is DBNull or "");
    }

    /// <summary>Names the person and edits the task in one transaction, as the app does.</summary>
    private static async Task<long?> SetActorAndEditAsync(NpgsqlConnection connection, string credential, long task, string note)
    {
        await using var tx = await connection.BeginTransactionAsync(Ct);
        await using var set = new NpgsqlCommand("select lotrinh_set_actor($1, '127.0.0.1')", connection, tx) { Parameters = { new() { Value = credential } } };
        var who = await set.ExecuteScalarAsync(Ct);
        await using var edit = new NpgsqlCommand("update task_item set text = text || $1 where id = $2", connection, tx)
        {
            Parameters = { new() { Value = " " + note }, new() { Value = task } },
        };
        await edit.ExecuteNonQueryAsync(Ct);
        await tx.CommitAsync(Ct);
        return who is DBNull ? null : (long?)who;
    }

    private async Task<(long? Actor, string Name)> LastActorAsync(long task)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var read = new NpgsqlCommand(
            "select actor_id, actor_name from audit_event where table_name = 'task_item' and row_id = $1 order by id desc limit 1", connection)
        {
            Parameters = { new() { Value = task } },
        };
        await using var reader = await read.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetString(1));
    }
}
