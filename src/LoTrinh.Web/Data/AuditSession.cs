using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace LoTrinh.Web.Data;

/// <summary>
/// Tells PostgreSQL who is making a change, so the audit trigger records the person and their address with
/// it. The person is proven by their own credential (lotrinh_set_actor checks it and seals the actor;
/// 0005_reliability.sql); the system and the public pass none and are recorded as the database role.
/// Named once per transaction (set_config local, 0007_national_scale.sql): reads cost nothing, a pooled
/// connection never carries the previous user, and a pooler in transaction mode is safe. Every save is
/// therefore made in a transaction, even a single statement.
/// </summary>
public sealed class AuditSession : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public static readonly AuditSession Instance = new();

    private const string Sql = "select lotrinh_set_actor($1, $2)";

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        InTransaction(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        InTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, result, (eventData.Context as AppDbContext)?.Viewer);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = Command(connection, result, (eventData.Context as AppDbContext)?.Viewer);
        command.ExecuteNonQuery();
        return result;
    }

    /// <summary>For work on the connection itself (COPY): names the person in the transaction <paramref name="tx"/>.</summary>
    public static async Task NameAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Features.Accounts.Viewer? viewer, CancellationToken ct)
    {
        await using var command = Command(connection, tx, viewer);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void InTransaction(DbContext? context)
    {
        if (context is not null)
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, Features.Accounts.Viewer? viewer)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = Sql;
        foreach (var value in new[] { viewer?.Credential, viewer?.Client })
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? string.Empty;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
