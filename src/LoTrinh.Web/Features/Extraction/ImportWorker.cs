using System.Threading.Channels;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Extraction;

/// <summary>Uploaded files waiting to be read, in order of upload.</summary>
public sealed class ImportBacklog
{
    private readonly Channel<Guid> _waiting = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid id) => _waiting.Writer.TryWrite(id);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _waiting.Reader.ReadAllAsync(ct);
}

/// <summary>
/// Reads uploaded files one at a time, off the request, so a long PDF shows its progress instead of
/// holding a request open. Files left unread when the app stopped are read again at start.
/// </summary>
public sealed partial class ImportWorker(ImportBacklog queue, IServiceScopeFactory scopes, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unfinished = await db.DocumentImports.Where(i => i.Stage == ImportStages.Queued || i.Stage == ImportStages.Reading)
                .OrderBy(i => i.CreatedAt).Select(i => i.Id).ToListAsync(stoppingToken);
            unfinished.ForEach(queue.Enqueue);
        }

        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                await DirectiveImports.ReadAsync(db, id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e, id);
                await DirectiveImports.FailAsync(db, id, "Lỗi khi đọc tệp; đã ghi nhật ký để kiểm tra. Hãy thử lại hoặc gửi tệp cho quản trị viên.", stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading import {Id} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid id);
}
