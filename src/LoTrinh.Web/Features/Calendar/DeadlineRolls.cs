using LoTrinh.Core.Calendar;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Calendar;

/// <summary>
/// Keeps <c>deadline_roll</c> — each day off from <see cref="FirstYear"/> to <see cref="LastYear"/> and the working
/// day a deadline on it moves to (Điều 148 BLDS) — equal to the calendar and the setting, and, from it, each task's
/// last day (<c>task_item.due_rolled_on</c>). Run at start and whenever a year of the calendar or the setting changes;
/// any number of instances may run it (one at a time, and nothing is written when nothing changed).
/// </summary>
public static class DeadlineRolls
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private const long LockKey = 0x4C54_526F6C6C; // "LTRoll"

    /// <summary>Brings the table and the tasks up to date; returns how many tasks' last day changed.</summary>
    public static async Task<int> SyncAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({LockKey})", ct);
            var rolling = await db.ProgrammeSettings.AsNoTracking().Select(s => s.RollDeadlinesForward).SingleAsync(ct);
            var wanted = rolling
                ? Rolls(await WorkingCalendars.ForAsync(db, new DateOnly(FirstYear, 1, 1), new DateOnly(LastYear, 12, 31), ct))
                : [];
            var held = await db.DeadlineRolls.AsNoTracking().ToDictionaryAsync(r => r.Day, r => r.RolledTo, ct);
            if (held.Count == wanted.Count && wanted.All(w => held.TryGetValue(w.Key, out var to) && to == w.Value))
            {
                await tx.CommitAsync(ct);
                return 0;
            }

            var days = wanted.Keys.ToArray();
            var rolledTo = days.Select(d => wanted[d]).ToArray();
            await db.Database.ExecuteSqlAsync($"delete from deadline_roll", ct);
            await db.Database.ExecuteSqlAsync($"insert into deadline_roll (day, rolled_to) select * from unnest({days}, {rolledTo})", ct);
            var changed = await db.Database.ExecuteSqlAsync($"""
                update task_item t set due_rolled_on = coalesce(r.rolled_to, t.due_on)
                  from task_item s left join deadline_roll r on r.day = s.due_on
                 where s.id = t.id and t.due_rolled_on is distinct from coalesce(r.rolled_to, t.due_on)
                """, ct);
            await tx.CommitAsync(ct);
            return changed;
        });
    }

    /// <summary>Every day off in the span and the working day it rolls to.</summary>
    public static Dictionary<DateOnly, DateOnly> Rolls(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var rolls = new Dictionary<DateOnly, DateOnly>();
        for (var day = new DateOnly(FirstYear, 1, 1); day.Year <= LastYear; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                rolls[day] = calendar.RollForward(day);
            }
        }

        return rolls;
    }

    /// <summary>Whether deadlines roll forward, and the calendar they roll on (Monday to Friday when they do not).</summary>
    public static async Task<bool> RollingAsync(AppDbContext db, CancellationToken ct) =>
        await db.ProgrammeSettings.AsNoTracking().Select(s => s.RollDeadlinesForward).SingleAsync(ct);
}
