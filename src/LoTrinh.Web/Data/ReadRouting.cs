using System.Collections.Concurrent;
using LoTrinh.Web.Features.Accounts;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace LoTrinh.Web.Data;

/// <summary>
/// Reads on a standby, writes on the primary, and a person's own writes visible to them at once.
/// With <c>ConnectionStrings:Reads</c> set (a streaming standby, or several with Npgsql's multi-host syntax and
/// <c>Target Session Attributes=prefer-standby</c>), a GET or HEAD goes there — unless the person wrote something
/// the standby has not replayed yet: after each write the primary's WAL position is kept for that person (in a
/// cookie for a browser, in this instance's memory for a token), and their next reads go to the primary until
/// the standby's replay position passes it. A standby that does not answer sends the read to the primary.
/// Without Reads, everything goes to the primary. A GET must not write after this point (sign-in bookkeeping
/// happens before it, background work and the key ring use scopes of their own).
/// </summary>
public sealed partial class ReadRouting(string primary, string? reads, ILogger<ReadRouting> log) : IAsyncDisposable
{
    public const string Cookie = "lotrinh_wrote";
    public const string Header = "X-LoTrinh-Database";

    private readonly NpgsqlDataSource? _standby = reads is null ? null : NpgsqlDataSource.Create(reads);
    private readonly NpgsqlDataSource _primary = NpgsqlDataSource.Create(primary);
    private readonly ConcurrentDictionary<long, NpgsqlLogSequenceNumber> _pending = new();

    public bool Enabled => reads is not null;

    /// <summary>Decides where this request reads, and after a write keeps where the primary was.</summary>
    public async Task RouteAsync(HttpContext context, Func<Task> next)
    {
        if (!Enabled)
        {
            await next();
            return;
        }

        var userId = context.RequestServices.GetRequiredService<ViewerAccessor>().Current.UserId;
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var onStandby = await StandbyHasAsync(WrittenBy(context, userId), context.RequestAborted);
            if (onStandby)
            {
                // The request's context, closed since authentication used it (on the primary, where sign-in
                // bookkeeping is written), reads the standby from here on.
                context.RequestServices.GetRequiredService<AppDbContext>().Database.SetConnectionString(reads);
                // Caught up: the writer's next reads need not ask again.
                if (userId is { } reader)
                {
                    _pending.TryRemove(reader, out _);
                }

                if (context.Request.Cookies.ContainsKey(Cookie))
                {
                    context.Response.Cookies.Delete(Cookie);
                }
            }

            context.Response.Headers[Header] = onStandby ? "standby" : "primary";
            await next();
            return;
        }

        context.Response.OnStarting(async () =>
        {
            if (context.Response.StatusCode < 400 && userId is { } writer && await PrimaryPositionAsync() is { } lsn)
            {
                _pending[writer] = lsn;
                context.Response.Cookies.Append(Cookie, lsn.ToString(), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromMinutes(10),
                });
            }
        });
        await next();
    }

    private NpgsqlLogSequenceNumber? WrittenBy(HttpContext context, long? userId)
    {
        NpgsqlLogSequenceNumber? written = userId is { } id && _pending.TryGetValue(id, out var kept) ? kept : null;
        if (context.Request.Cookies[Cookie] is { } text && NpgsqlLogSequenceNumber.TryParse(text, out var fromCookie)
            && (written is null || fromCookie > written))
        {
            written = fromCookie;
        }

        return written;
    }

    /// <summary>Whether a standby answers and has replayed <paramref name="written"/> (anything, when null).</summary>
    private async Task<bool> StandbyHasAsync(NpgsqlLogSequenceNumber? written, CancellationToken ct)
    {
        if (written is null)
        {
            return true;
        }

        try
        {
            await using var command = _standby!.CreateCommand("select pg_last_wal_replay_lsn() >= $1");
            command.Parameters.Add(new NpgsqlParameter { Value = written.Value, NpgsqlDbType = NpgsqlDbType.PgLsn });
            return await command.ExecuteScalarAsync(ct) is true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            StandbyAway(log, e);
            return false;
        }
    }

    private async Task<NpgsqlLogSequenceNumber?> PrimaryPositionAsync()
    {
        try
        {
            await using var command = _primary.CreateCommand("select pg_current_wal_insert_lsn()");
            return (NpgsqlLogSequenceNumber?)await command.ExecuteScalarAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            PositionUnknown(log, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Standby did not answer; reading from the primary.")]
    private static partial void StandbyAway(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the primary's WAL position; the writer may read a standby that lags.")]
    private static partial void PositionUnknown(ILogger logger, Exception e);

    public async ValueTask DisposeAsync()
    {
        await _primary.DisposeAsync();
        if (_standby is not null)
        {
            await _standby.DisposeAsync();
        }
    }
}
