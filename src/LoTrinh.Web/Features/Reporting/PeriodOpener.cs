using LoTrinh.Web.Data;

namespace LoTrinh.Web.Features.Reporting;

/// <summary>
/// Opens each reporting period when its window starts, without anyone asking: at start and then every
/// Reporting:OpenEveryMinutes (default 60). Any number of instances may run it (the database's keys make it
/// idempotent). A failure — the database away — is logged and tried again at the next round; it never stops the host.
/// </summary>
public sealed partial class PeriodOpener(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<PeriodOpener> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Reporting:OpenEveryMinutes", 60.0), 0.05, 24 * 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var opened = await ReportingCycle.OpenDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), time.Today(), stoppingToken);
                if (opened > 0)
                {
                    LogOpened(log, opened);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogFailed(log, e);
            }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened {Count} reporting periods.")]
    private static partial void LogOpened(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening reporting periods failed; trying again at the next round.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
