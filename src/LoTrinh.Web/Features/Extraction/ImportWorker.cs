using System.Threading.Channels;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Extraction;

/// <summary>
/// Uploaded files this instance will try to read, in order; each once at a time (the database's lease decides
/// which instance actually reads it).
/// </summary>
public sealed class ImportBacklog
{
    private readonly Channel<Guid> _waiting = Channel.CreateUnbounded<Guid>();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> _pending = new();

    public void Enqueue(Guid id)
    {
        if (_pending.TryAdd(id, 0))
        {
            _waiting.Writer.TryWrite(id);
        }
    }

    public async IAsyncEnumerable<Guid> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var id in _waiting.Reader.ReadAllAsync(ct))
        {
            _pending.TryRemove(id, out _);
            yield return id;
        }
    }
}

/// <summary>
/// Reads uploaded files off the request, so a long PDF shows its progress instead of holding a request
/// open. Several readers share the backlog, so one slow file does not hold up the others; each file has
/// a time limit. The database is the queue: every few seconds each instance looks for files waiting, or
/// held by a reader whose lease ran out (its instance stopped), and the lease decides who reads each — so
/// N instances read every file once, and a file left by a stopped instance is read by another, up to
/// <see cref="DirectiveImports.MaxAttempts"/> times. Nothing here may stop the host: a failure is logged,
/// a database that is away is waited for with growing pauses, and the reader goes on with the next file.
/// </summary>
public sealed partial class ImportWorker(
    ImportBacklog queue, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<ImportWorker> log)
    : BackgroundService
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var readers = Math.Clamp(configuration.GetValue("Imports:Readers", 2), 1, 8);
        var limit = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Imports:ReadSeconds", 120), 5, 3600));
        var poll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Imports:PollSeconds", 10), 1, 600));
        return Task.WhenAll(Enumerable.Range(0, readers).Select(_ => ReadLoopAsync(limit, stoppingToken)).Append(PollAsync(poll, stoppingToken)));
    }

    /// <summary>Finds the files no reader holds: uploaded on another instance, or left by one that stopped.</summary>
    private async Task PollAsync(TimeSpan every, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var waiting = await PersistAsync("poll", async db => await DirectiveImports.Claimable(db.DocumentImports, time.GetUtcNow())
                .OrderBy(i => i.CreatedAt).Select(i => i.Id).Take(50).ToListAsync(stoppingToken), stoppingToken);
            waiting?.ForEach(queue.Enqueue);
            try
            {
                await Task.Delay(every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task ReadLoopAsync(TimeSpan limit, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                await ReadOneAsync(id, limit, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; an import being read is read again at the next start.
        }
    }

    private async Task ReadOneAsync(Guid id, TimeSpan limit, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(limit);
        string? problem;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The lease outlasts the time limit, so a reader that is still within it is never joined by another.
            var lease = limit + TimeSpan.FromSeconds(Math.Max(5, limit.TotalSeconds / 4));
            await DirectiveImports.ReadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id, time, lease, timeout.Token);
            return;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException)
        {
            problem = $"Đọc tệp quá {limit.TotalSeconds:0} giây nên đã dừng. Tệp có thể quá lớn hoặc hỏng; hãy chia nhỏ hoặc lưu lại rồi tải lên.";
        }
        catch (Exception e) when (RefusalHandler.IsUnavailable(e))
        {
            // The database went away mid-read: the file is not at fault, so the attempt does not count against it.
            // Read it again once the database answers.
            LogDatabaseAway(log, e, id);
            RefusalHandler.ForgetBrokenConnections();
            await PersistAsync("forgive", db => DirectiveImports.ForgiveAttemptAsync(db, id, stoppingToken), stoppingToken);
            queue.Enqueue(id);
            return;
        }
        catch (Exception e)
        {
            LogFailed(log, e, id);
            problem = "Lỗi khi đọc tệp; đã ghi nhật ký để kiểm tra. Hãy thử lại hoặc gửi tệp cho quản trị viên.";
        }

        await PersistAsync("fail", async db => await DirectiveImports.FailAsync(db, id, problem, stoppingToken), stoppingToken);
    }

    /// <summary>Runs a database step, waiting with growing pauses while the database is away; null if the host stops first.</summary>
    private async Task<T?> PersistAsync<T>(string what, Func<AppDbContext, Task<T>> step, CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                return await step(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogRetry(log, e, what, attempt);
                await PauseAsync(attempt, stoppingToken);
            }
        }

        return default;
    }

    private static async Task PauseAsync(int attempt, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(MaxPause.TotalSeconds, Math.Pow(2, Math.Min(attempt, 10)) / 2)), stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading import {Id} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database away while reading import {Id}; it will be read again.")]
    private static partial void LogDatabaseAway(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import worker step {What} failed (attempt {Attempt}); retrying.")]
    private static partial void LogRetry(ILogger logger, Exception exception, string what, int attempt);
}
