using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Calendar;
using LoTrinh.Web.Features.Reporting;
using LoTrinh.Web.Features.Urging;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web;

/// <summary>
/// What the date asks for, done without anyone asking, at start and then every Rounds:EveryMinutes (default 60):
/// task deadlines kept in step with the working-day calendar, reporting periods opened when their window starts, and
/// the day's urging (đôn đốc) once Urging:Hour (default 7, Việt Nam time) has come — the days missed caught up, at most
/// Urging:CatchUpDays (default 7) back — with its digests queued and sent when Smtp:Host is set.
/// Any number of instances may run it (each step is idempotent). A failed step — the database away — is logged and
/// tried again at the next round; it never stops the host, nor the other steps.
/// </summary>
public sealed partial class Rounds(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<Rounds> log)
    : BackgroundService
{
    /// <summary>Deadlines are in step with the calendar before the first request is answered (a fresh install, a
    /// migration that added tasks): the first step runs before the host starts serving.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RollDeadlinesAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Rounds:EveryMinutes", 60.0), 0.05, 24 * 60));
        for (var first = true; !stoppingToken.IsCancellationRequested; first = false)
        {
            if (!first)
            {
                await RollDeadlinesAsync(stoppingToken);
            }

            await StepAsync("reporting periods", async db =>
            {
                if (await ReportingCycle.OpenDueAsync(db, time.Today(), stoppingToken) is > 0 and var opened)
                {
                    LogOpened(log, opened);
                }
            }, stoppingToken);
            await StepAsync("urging", UrgeAsync(stoppingToken), stoppingToken);
            if (first)
            {
                // Said once, so an operator (or a test comparing the database before and after) knows the date's work is done.
                LogFirstRoundDone(log);
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

    private Func<AppDbContext, Task> UrgeAsync(CancellationToken ct) => async db =>
    {
        var hour = Math.Clamp(configuration.GetValue("Urging:Hour", 7), 0, 23);
        var outcomes = await DailyUrging.RunDueAsync(db, time.GetUtcNow(), hour, Math.Clamp(configuration.GetValue("Urging:CatchUpDays", 7), 1, 31), ct);
        foreach (var outcome in outcomes.Where(o => !o.AlreadyRun))
        {
            LogUrged(log, outcome.Day, outcome.Urges, outcome.Notified);
        }

        // The last day run gets its digests (queued once; a round after a failure queues what is missing).
        var day = DailyUrging.LastDueDay(time.GetUtcNow(), hour);
        if (SmtpOptions.Read(configuration) is { } smtp && await db.UrgingRuns.AnyAsync(r => r.Day == day, ct))
        {
            var calendar = await WorkingCalendars.ForAsync(db, day.AddDays(-7), day, ct);
            await Digests.QueueAsync(db, day, Digests.WeekStarts(day, calendar), ct);
            await Digests.SendDueAsync(db, smtp, configuration["App:BaseUrl"] ?? "http://127.0.0.1:5080", ct);
        }
    };

    private Task RollDeadlinesAsync(CancellationToken ct) => StepAsync("deadlines", async db =>
    {
        if (await DeadlineRolls.SyncAsync(db, ct) is > 0 and var rolled)
        {
            LogRolled(log, rolled);
        }
    }, ct);

    private async Task StepAsync(string step, Func<AppDbContext, Task> work, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(log, step, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Urging for {Day}: {Urges} urges, {Notified} notifications.")]
    private static partial void LogUrged(ILogger logger, DateOnly day, int urges, int notified);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened {Count} reporting periods.")]
    private static partial void LogOpened(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "The last day of {Count} tasks followed the working-day calendar.")]
    private static partial void LogRolled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "First round done: deadlines, reporting periods and urging are up to date.")]
    private static partial void LogFirstRoundDone(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The round's step {Step} failed; trying again at the next round.")]
    private static partial void LogFailed(ILogger logger, string step, Exception exception);
}
