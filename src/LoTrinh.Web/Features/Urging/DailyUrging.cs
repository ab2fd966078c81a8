using LoTrinh.Core.Calendar;
using LoTrinh.Core.Urging;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LoTrinh.Web.Features.Urging;

/// <summary>
/// The day's run of the urging rules over every open task and every report not yet sent: Core decides (UrgingRules),
/// PostgreSQL is read once and written in bulk — a handful of round trips whatever the size of the programme. A day is
/// run once: its urges are unique per item and kind, and the run is recorded; a second instance waits, then finds it done.
/// </summary>
public static class DailyUrging
{
    private const long LockKey = 0x4C54_5572_6765; // "LTUrge"

    /// <summary>Seconds a bulk statement may take: the first run on a programme with years of backlog writes hundreds of thousands of rows.</summary>
    private const int BulkTimeout = 600;

    public sealed record Outcome(DateOnly Day, int Urges, int Notified, bool AlreadyRun);

    /// <summary>
    /// Runs the days not yet run, oldest first, from at most <paramref name="catchUpDays"/> days back to the last day
    /// due: today once the hour has come (in Vietnam), yesterday before it.
    /// </summary>
    public static async Task<IReadOnlyList<Outcome>> RunDueAsync(AppDbContext db, DateTimeOffset now, int hour, int catchUpDays, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = LastDueDay(now, hour);
        var ran = await db.UrgingRuns.AsNoTracking().Where(r => r.Day > last.AddDays(-catchUpDays) && r.Day <= last).Select(r => r.Day).ToListAsync(ct);
        var outcomes = new List<Outcome>();
        for (var day = last.AddDays(1 - catchUpDays); day <= last; day = day.AddDays(1))
        {
            if (!ran.Contains(day))
            {
                outcomes.Add(await RunAsync(db, day, ct));
            }
        }

        return outcomes;
    }

    /// <summary>The last day whose run is due: today once the hour has come in Việt Nam, else yesterday.</summary>
    public static DateOnly LastDueDay(DateTimeOffset now, int hour)
    {
        var local = Clock.Local(now);
        return DateOnly.FromDateTime(local.DateTime).AddDays(local.Hour >= hour ? 0 : -1);
    }

    /// <summary>Runs the rules for one day (nothing when it was run already).</summary>
    public static async Task<Outcome> RunAsync(AppDbContext db, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rules = (await db.UrgingRules.AsNoTracking().SingleAsync(ct)).Rules;
        var calendar = await WorkingCalendars.ForAsync(db, day.AddYears(-3), day.AddYears(1), ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({LockKey})", ct);
            if (await db.UrgingRuns.AnyAsync(r => r.Day == day, ct))
            {
                await tx.CommitAsync(ct);
                return new Outcome(day, 0, 0, AlreadyRun: true);
            }

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var urges = new Batch();
            await TaskUrgesAsync(connection, day, rules, calendar, urges, ct);
            await ReportUrgesAsync(connection, day, rules, calendar, urges, ct);
            var added = await urges.InsertAsync(connection, day, ct);
            var notified = await NotifyAsync(connection, day, rules.EscalateToLeadership, ct);
            db.UrgingRuns.Add(new UrgingRun { Day = day, Urges = added });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Outcome(day, added, notified, AlreadyRun: false);
        });
    }

    /// <summary>The open tasks as the rules need them, streamed in one query.</summary>
    private static async Task TaskUrgesAsync(NpgsqlConnection connection, DateOnly day, UrgingRules rules, WorkingCalendar calendar, Batch urges, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            select t.id, t.due_rolled_on, t.deadline_text is not null and t.deadline_precision = 'recurring', t.lead_agency_id,
                   coalesce(d.issued_on, t.created_at::date), p.last_on, b.head, b.secretariat, b.stale, b.unassigned
              from task_item t
              join directive d on d.id = t.directive_id
              left join (select task_id, max(reported_on) last_on from progress_update
                          where deleted_at is null and reported_on <= $1 group by task_id) p on p.task_id = t.id
              left join ({Before("task_id")}) b on b.item = t.id
             where t.deleted_at is null and (t.completed_on is null or t.completed_on > $1)
            """, connection) { CommandTimeout = BulkTimeout, Parameters = { new() { Value = day } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var lead = reader.IsDBNull(3) ? (long?)null : reader.GetInt64(3);
            var item = new UrgedItem(
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1), Done: false, Since: reader.GetFieldValue<DateOnly>(4),
                HasLead: lead is not null, LastProgressOn: Date(reader, 5), Recurring: reader.GetBoolean(2),
                Before: new UrgedBefore(Date(reader, 6), Date(reader, 7), Date(reader, 8), Date(reader, 9)));
            foreach (var urge in rules.For(item, day, calendar))
            {
                urges.Add(urge, taskId: reader.GetInt64(0), reportId: null, lead);
            }
        }
    }

    /// <summary>Reports still in draft in open periods: the period's deadline, told to the agency that owes the report.</summary>
    private static async Task ReportUrgesAsync(NpgsqlConnection connection, DateOnly day, UrgingRules rules, WorkingCalendar calendar, Batch urges, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            select r.id, r.agency_id, p.due_on, p.opened_at::date, b.head, b.secretariat
              from agency_report r
              join reporting_period p on p.id = r.period_id
              join reporting_regime g on g.id = p.regime_id
              left join ({Before("report_id")}) b on b.item = r.id
             where r.state = 'draft' and p.closed_at is null and g.deleted_at is null and p.window_from <= $1
            """, connection) { CommandTimeout = BulkTimeout, Parameters = { new() { Value = day } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var item = new UrgedItem(reader.GetFieldValue<DateOnly>(2), Done: false, Since: reader.GetFieldValue<DateOnly>(3), HasLead: true, TracksProgress: false,
                Before: new UrgedBefore(Date(reader, 4), Date(reader, 5)));
            foreach (var urge in rules.For(item, day, calendar))
            {
                urges.Add(urge, taskId: null, reportId: reader.GetInt64(0), reader.GetInt64(1));
            }
        }
    }

    /// <summary>The last escalations and flags of each item before the day (Core's <see cref="UrgedBefore"/>).</summary>
    private static string Before(string item) => $"""
        select {item} item,
               max(day) filter (where kind = 'escalated_to_head') head,
               max(day) filter (where kind = 'escalated_to_secretariat') secretariat,
               max(day) filter (where kind = 'stale') stale,
               max(day) filter (where kind = 'unassigned') unassigned
          from urging
         where kind in ('escalated_to_head', 'escalated_to_secretariat', 'stale', 'unassigned') and day < $1 and {item} is not null
         group by {item}
        """;

    private static DateOnly? Date(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateOnly>(column);

    /// <summary>
    /// Tells the people of each urge of the day in the app: an agency's officers and head, its head alone, or the
    /// secretariat (and leadership when the rules say so). Idempotent: a person is told of an urge once.
    /// The secretariat's people are read once: the day's urges are not in the statistics yet (one row, the planner
    /// thinks), and it would otherwise scan every account for each of a backlog's escalations.
    /// </summary>
    internal static async Task<int> NotifyAsync(NpgsqlConnection connection, DateOnly day, bool leadership, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            with secretariat as materialized (select id from app_user where role = 'secretariat' or ($2 and role = 'leadership'))
            insert into notification (user_id, urging_id)
            select p.id, u.id from urging u join app_user p on p.agency_id = u.agency_id and p.role in ('agency_officer', 'agency_head')
             where u.day = $1 and u.audience = 'agency'
            union all
            select p.id, u.id from urging u join app_user p on p.agency_id = u.agency_id and p.role = 'agency_head'
             where u.day = $1 and u.audience = 'agency_head'
            union all
            select p.id, u.id from urging u cross join secretariat p
             where u.day = $1 and u.audience = 'secretariat'
            on conflict do nothing
            """, connection) { CommandTimeout = BulkTimeout, Parameters = { new() { Value = day }, new() { Value = leadership } } };
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The day's urges, gathered and then written in one statement.</summary>
    private sealed class Batch
    {
        private readonly List<string> _kinds = [];
        private readonly List<string> _audiences = [];
        private readonly List<long?> _tasks = [];
        private readonly List<long?> _reports = [];
        private readonly List<long?> _agencies = [];
        private readonly List<string> _reasons = [];

        public void Add(Urge urge, long? taskId, long? reportId, long? agencyId)
        {
            _kinds.Add(AppDbContext.SnakeCase(urge.Kind.ToString()));
            _audiences.Add(AppDbContext.SnakeCase(urge.Audience.ToString()));
            _tasks.Add(taskId);
            _reports.Add(reportId);
            _agencies.Add(agencyId);
            _reasons.Add(urge.Reason);
        }

        public async Task<int> InsertAsync(NpgsqlConnection connection, DateOnly day, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand("""
                insert into urging (day, kind, audience, task_id, report_id, agency_id, reason)
                select $1, * from unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[])
                on conflict do nothing
                """, connection)
            {
                CommandTimeout = BulkTimeout,
                Parameters =
                {
                    new() { Value = day }, new() { Value = _kinds.ToArray() }, new() { Value = _audiences.ToArray() },
                    new() { Value = _tasks.ToArray() }, new() { Value = _reports.ToArray() }, new() { Value = _agencies.ToArray() },
                    new() { Value = _reasons.ToArray() },
                },
            };
            return await command.ExecuteNonQueryAsync(ct);
        }
    }
}
