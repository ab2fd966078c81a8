using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LoTrinh.Web.Data;

/// <summary>
/// Tells PostgreSQL who is working on each connection the application opens, so the audit trigger can
/// record the person and their address with every change. The person is proven by their own credential
/// (lotrinh_set_actor checks it and seals the actor; 0005_reliability.sql); the system and the public pass
/// none and are recorded as the database role. Set on every open, so a pooled connection never carries the
/// previous user.
/// </summary>
public sealed class AuditSession : DbConnectionInterceptor
{
    public static readonly AuditSession Instance = new();

    private const string Sql = "select lotrinh_set_actor($1, $2)";

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection, eventData);
        command.ExecuteNonQuery();
    }

    private static DbCommand Command(DbConnection connection, ConnectionEndEventData eventData)
    {
        var viewer = (eventData.Context as AppDbContext)?.Viewer;
        var command = connection.CreateCommand();
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
