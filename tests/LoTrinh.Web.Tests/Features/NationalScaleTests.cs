using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Browser;
using LoTrinh.Web.Tests.Faults;
using Npgsql;

namespace LoTrinh.Web.Tests.Features;

/// <summary>
/// A province-sized synthetic programme (lotrinh seed --synthetic province, as the bench makes the national one)
/// served by the app as its own process: lists page in SQL and agree with hand-written SQL; numbers are unique per
/// issuer; two instances share sign-ins through keys kept in PostgreSQL. Speed is measured in bench/, not here.
/// </summary>
public sealed class NationalScaleTests(AppFixture app, ProvinceProgramme province) : IClassFixture<ProvinceProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AsAsync(Role role)
    {
        var account = await TestAccount.CreateAsync(app.ServingConnection(province.Database), role, null);
        return FaultHelpers.Client(province.Server.BaseUrl, account.Token);
    }

    private HttpClient Public() => new() { BaseAddress = new Uri(province.Server.BaseUrl) };

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ServingConnection(province.Database));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> TextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ServingConnection(province.Database));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static int Total(HttpResponseMessage response) => int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheProvincePreset_HasItsSize_AndIsTheSameOnAnotherFreshDatabase()
    {
        // Hà Nội (code 01) is the first province: its programme and 58 plans, 100 tasks each, 10 targets each,
        // every indicator for the city and each of its communes over ten years.
        Assert.Equal(59, await ScalarAsync("select count(*) from directive d join administrative_unit u on u.id = d.locality_unit_id where u.code = '01'"));
        Assert.Equal(5_900, await ScalarAsync("select count(*) from task_item t join directive d on d.id = t.directive_id join administrative_unit u on u.id = d.locality_unit_id where u.code = '01'"));
        Assert.Equal(590, await ScalarAsync("select count(*) from target t join directive d on d.id = t.directive_id join administrative_unit u on u.id = d.locality_unit_id where u.code = '01'"));
        var units = await ScalarAsync("select count(*) from administrative_unit u where u.valid_to is null and (u.code = '01' or u.parent_id = (select id from administrative_unit where code = '01' and valid_to is null))");
        var indicators = await ScalarAsync("select count(*) from indicator");
        Assert.Equal(units * indicators * 10, await ScalarAsync("select count(*) from measurement where entered_by like 'Dữ liệu mô phỏng%'"));
        // The audit trail kept its promise for the bulk figures (statement-level trigger).
        Assert.Equal(units * indicators * 10, await ScalarAsync("select count(*) from audit_event where table_name = 'measurement' and action = 'insert' and after ->> 'entered_by' like 'Dữ liệu mô phỏng%'"));
        Assert.Equal(province.Digest, await ProvinceProgramme.DigestAsync(app, await ProvinceProgramme.CreateAsync(app)));
    }

    [Fact]
    public async Task TheOverdueCount_OfTheBoard_IsTheHandWrittenSqlCount()
    {
        var leadership = await AsAsync(Role.Leadership);
        var response = await leadership.GetAsync("/api/tasks?asOf=2026-11-28&status=in_progress_overdue&pageSize=10", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overdue = await ScalarAsync("""
            select count(*) from task_item
             where deleted_at is null and (completed_on is null or completed_on > date '2026-11-28') and due_rolled_on < date '2026-11-28'
               and not (deadline_precision = 'recurring' and deadline_text is not null)
            """);
        Assert.True(overdue > 500, $"{overdue}");
        Assert.Equal(overdue, Total(response));
        Assert.Equal(10, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength());
    }

    [Theory]
    [InlineData("/api/targets", "select count(*) from target t join directive d on d.id = t.directive_id where t.deleted_at is null and d.published")]
    [InlineData("/api/directives", "select count(*) from directive where published")]
    [InlineData("/api/agencies", "select count(*) from agency")]
    public async Task ThePublicsLists_Page_WithTheTrueTotal_AndNeverTheWholeTable(string path, string countSql)
    {
        var first = await Public().GetAsync($"{path}?pageSize=20", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var total = await ScalarAsync(countSql);
        Assert.True(total > 40, $"{path}: {total}");
        Assert.Equal(total, Total(first));
        var page1 = Ids(await first.Content.ReadFromJsonAsync<JsonElement>(Ct));
        var page2 = Ids(await Public().GetFromJsonAsync<JsonElement>($"{path}?pageSize=20&page=2", Ct));
        Assert.Equal(20, page1.Count);
        Assert.Equal(20, page2.Count);
        Assert.Empty(page1.Intersect(page2));

        var asked = await Public().GetAsync($"{path}?pageSize=100000", Ct);
        Assert.Equal(Math.Min(total, 1000), (await asked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength());
    }

    [Fact]
    public async Task EveryTasksLeadColumn_FollowsItsLeadLink_AtCommit_AndAddsNothingToTheTrail()
    {
        const string Mismatches = "select count(*) from task_item t where lead_agency_id is distinct from (select a.agency_id from task_agency a where a.task_id = t.id and a.role = 'lead')";
        Assert.True(await ScalarAsync("select count(*) from task_item where lead_agency_id is not null") > 1_000);
        Assert.Equal(0, await ScalarAsync(Mismatches));
        var task = await ScalarAsync("select task_id from task_agency where role = 'lead' order by task_id limit 1");
        var lead = await ScalarAsync($"select agency_id from task_agency where task_id = {task} and role = 'lead'");
        var other = await ScalarAsync($"select id from agency where id <> {lead} and not exists (select 1 from task_agency where task_id = {task} and agency_id = agency.id) order by id limit 1");
        var trail = await ScalarAsync($"select count(*) from audit_event where table_name = 'task_item' and row_id = {task}");

        await using var connection = new NpgsqlConnection(app.ServingConnection(province.Database));
        await connection.OpenAsync(Ct);
        async Task<long?> LeadColumnAfterAsync(string change)
        {
            await using (var write = new NpgsqlCommand(change, connection))
            {
                await write.ExecuteNonQueryAsync(Ct);
            }

            await using var read = new NpgsqlCommand($"select lead_agency_id from task_item where id = {task}", connection);
            return await read.ExecuteScalarAsync(Ct) is long id ? id : null;
        }

        Assert.Equal(other, await LeadColumnAfterAsync($"update task_agency set agency_id = {other} where task_id = {task} and role = 'lead'"));
        Assert.Null(await LeadColumnAfterAsync($"delete from task_agency where task_id = {task} and role = 'lead'"));
        Assert.Equal(lead, await LeadColumnAfterAsync($"insert into task_agency (task_id, agency_id, role, ordinal) values ({task}, {lead}, 'lead', 0)"));
        // Inside a transaction the column waits for the commit, so the task's own update in it keeps its version.
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await using var change = new NpgsqlCommand($"update task_agency set agency_id = {other} where task_id = {task} and role = 'lead'", connection, transaction);
            await change.ExecuteNonQueryAsync(Ct);
            await using var read = new NpgsqlCommand($"select lead_agency_id from task_item where id = {task}", connection, transaction);
            Assert.Equal(lead, (long)(await read.ExecuteScalarAsync(Ct))!);
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(0, await ScalarAsync(Mismatches));
        Assert.Equal(trail, await ScalarAsync($"select count(*) from audit_event where table_name = 'task_item' and row_id = {task}"));
    }

    [Fact]
    public async Task WhatChanged_BetweenTwoCutOffs_EqualsHandWrittenSql_AndAnImpossibleWindowIsAProblem()
    {
        var leadership = await AsAsync(Role.Leadership);
        var changes = await leadership.GetFromJsonAsync<JsonElement>("/api/dashboard/changes?since=2026-03-31&asOf=2026-06-30", Ct);

        Assert.Equal(await ScalarAsync("""
            select count(*) from task_item where deleted_at is null and due_rolled_on >= date '2026-03-31' and due_rolled_on < date '2026-06-30'
               and (completed_on is null or completed_on > date '2026-06-30') and not (deadline_precision = 'recurring' and deadline_text is not null)
            """), changes.GetProperty("becameOverdue").GetProperty("total").GetInt64());
        Assert.Equal(await ScalarAsync("select count(*) from task_item where deleted_at is null and completed_on > date '2026-03-31' and completed_on <= date '2026-06-30'"),
            changes.GetProperty("completed").GetProperty("total").GetInt64());
        Assert.Equal(await ScalarAsync("""
            select count(*) from task_item where deleted_at is null
               and created_at >= timestamptz '2026-04-01 00:00+07' and created_at < timestamptz '2026-07-01 00:00+07'
            """), changes.GetProperty("added").GetProperty("total").GetInt64());
        Assert.True(changes.GetProperty("becameOverdue").GetProperty("total").GetInt32() > 0, "the window holds tasks that fell overdue");
        Assert.All(changes.GetProperty("becameOverdue").GetProperty("tasks").EnumerateArray(), t =>
        {
            var due = DateOnly.Parse(t.GetProperty("on").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(due, new DateOnly(2026, 3, 31), new DateOnly(2026, 6, 29));
        });

        foreach (var query in new[] { "since=2026-06-30&asOf=2026-03-31", "asOf=2026-06-30", "since=31/02/2026" })
        {
            var response = await leadership.GetAsync($"/api/dashboard/changes?{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("since", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Public().GetAsync("/api/dashboard/changes?since=2026-03-31", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheDashboard_EqualsHandWrittenSql_ForEveryClass_TheFallenDue_TheAgencies_TheLocalitiesAndTheDueSoon()
    {
        var leadership = await AsAsync(Role.Leadership);
        var dashboard = await leadership.GetFromJsonAsync<JsonElement>("/api/dashboard?asOf=2026-06-30", Ct);
        // The status of a task as of the cut-off, written out by hand (Core's rules; TaskBoard.Classify is their query).
        const string Status = """
            case when completed_on is not null and completed_on <= date '2026-06-30'
                   then case when due_rolled_on is not null and completed_on > due_rolled_on then 'completed_late' else 'completed_on_time' end
                 when deadline_text is not null and deadline_precision = 'recurring' then 'recurring'
                 when due_rolled_on is null then 'no_deadline'
                 when due_rolled_on < date '2026-06-30' then 'in_progress_overdue'
                 else 'in_progress_within_deadline' end
            """;
        var tasks = dashboard.GetProperty("tasks");
        foreach (var status in new[] { "completed_on_time", "completed_late", "in_progress_within_deadline", "in_progress_overdue", "recurring", "no_deadline" })
        {
            var expected = await ScalarAsync($"select count(*) from task_item where deleted_at is null and {Status} = '{status}'");
            Assert.Equal(expected, tasks.GetProperty("byStatus").TryGetProperty(status, out var n) ? n.GetInt32() : 0);
        }

        Assert.Equal(await ScalarAsync("select count(*) from task_item where deleted_at is null"), tasks.GetProperty("total").GetInt32());
        var fallenDue = dashboard.GetProperty("fallenDue");
        Assert.Equal(await ScalarAsync($"select count(*) from task_item where deleted_at is null and due_rolled_on <= date '2026-06-30' and {Status} <> 'recurring'"),
            fallenDue.GetProperty("total").GetInt32());
        Assert.Equal(await ScalarAsync($"select count(*) from task_item where deleted_at is null and due_rolled_on <= date '2026-06-30' and {Status} = 'completed_late'"),
            fallenDue.GetProperty("doneLate").GetInt32());
        Assert.Equal(await ScalarAsync($"select count(*) from task_item where deleted_at is null and {Status} = 'in_progress_within_deadline' and due_rolled_on <= date '2026-07-07'"),
            dashboard.GetProperty("dueIn7").GetInt32());
        Assert.Equal(await ScalarAsync($"select count(*) from task_item where deleted_at is null and {Status} = 'in_progress_within_deadline' and due_rolled_on <= date '2026-07-30'"),
            dashboard.GetProperty("dueIn30").GetInt32());

        // The agencies most overdue, each with its lead tasks counted by hand.
        var agencies = dashboard.GetProperty("agencies").EnumerateArray().ToList();
        Assert.NotEmpty(agencies);
        foreach (var agency in agencies.Take(5))
        {
            var id = agency.GetProperty("id").GetInt64();
            var counts = agency.GetProperty("tasks");
            Assert.Equal(await ScalarAsync($"select count(*) from task_item t join task_agency a on a.task_id = t.id and a.role = 'lead' and a.agency_id = {id} where t.deleted_at is null"),
                counts.GetProperty("total").GetInt32());
            Assert.Equal(await ScalarAsync($"select count(*) from task_item t join task_agency a on a.task_id = t.id and a.role = 'lead' and a.agency_id = {id} where t.deleted_at is null and {Status} = 'in_progress_overdue'"),
                counts.GetProperty("byStatus").TryGetProperty("in_progress_overdue", out var o) ? o.GetInt32() : 0);
        }

        // By locality: the tasks of the directives each province or city issued, counted by hand, and the same list on the board.
        var localities = dashboard.GetProperty("localities").EnumerateArray().ToList();
        Assert.NotEmpty(localities);
        Assert.Equal(await ScalarAsync("select count(distinct d.locality_unit_id) from task_item t join directive d on d.id = t.directive_id where t.deleted_at is null"),
            dashboard.GetProperty("localitiesTotal").GetInt32());
        foreach (var locality in localities.Take(3))
        {
            var id = locality.GetProperty("id").GetInt64();
            var counts = locality.GetProperty("tasks");
            var overdueHere = await ScalarAsync($"select count(*) from task_item t join directive d on d.id = t.directive_id where t.deleted_at is null and d.locality_unit_id = {id} and {Status} = 'in_progress_overdue'");
            Assert.Equal(await ScalarAsync($"select count(*) from task_item t join directive d on d.id = t.directive_id where t.deleted_at is null and d.locality_unit_id = {id}"),
                counts.GetProperty("total").GetInt32());
            Assert.Equal(overdueHere, counts.GetProperty("byStatus").TryGetProperty("in_progress_overdue", out var o) ? o.GetInt32() : 0);
            var board = await leadership.GetAsync($"/api/tasks?asOf=2026-06-30&status=in_progress_overdue&locality={id}&pageSize=1", Ct);
            Assert.Equal(overdueHere, Total(board));
        }

        // Not for the public; an impossible cut-off is named.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Public().GetAsync("/api/dashboard", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leadership.GetAsync("/api/dashboard?asOf=2026-02-30", Ct)).StatusCode);

        // Ranked: most overdue first.
        var overdue = agencies.Select(a => a.GetProperty("tasks").GetProperty("byStatus").TryGetProperty("in_progress_overdue", out var o) ? o.GetInt32() : 0).ToList();
        Assert.Equal(overdue.OrderByDescending(n => n), overdue);

        // The heat table: each cell is the overdue tasks an agency leads under a directive, counted by hand.
        var heat = dashboard.GetProperty("heat");
        var columns = heat.GetProperty("directives").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(columns);
        foreach (var row in heat.GetProperty("agencies").EnumerateArray().Take(3))
        {
            var agency = row.GetProperty("agencyId").GetInt64();
            var cells = row.GetProperty("overdue").EnumerateArray().Select(c => c.GetInt32()).ToList();
            for (var i = 0; i < columns.Count; i++)
            {
                Assert.Equal(await ScalarAsync($"select count(*) from task_item t join task_agency a on a.task_id = t.id and a.role = 'lead' and a.agency_id = {agency} where t.deleted_at is null and t.directive_id = {columns[i]} and {Status} = 'in_progress_overdue'"),
                    cells[i]);
            }
        }
    }

    [Fact]
    public async Task TheDashboardKeptInMemory_ShowsACommittedWriteAtOnce_AndAWriteOfManyRowsMovesItsVersionOnce()
    {
        var leadership = await AsAsync(Role.Leadership);
        async Task<int> OverdueAsync() => (await leadership.GetFromJsonAsync<JsonElement>("/api/dashboard?asOf=2026-06-30", Ct))
            .GetProperty("tasks").GetProperty("byStatus").GetProperty("in_progress_overdue").GetInt32();

        var overdue = await OverdueAsync();
        Assert.Equal(overdue, await OverdueAsync());
        var tasksVersion = await ScalarAsync("select version from figures_version where id = 'tasks'");
        var targetsVersion = await ScalarAsync("select version from figures_version where id = 'targets'");
        var ids = await TextAsync("""
            select string_agg(id::text, ',') from (select id from task_item where deleted_at is null and completed_on is null
              and due_rolled_on < date '2026-06-30' and not (deadline_precision = 'recurring' and deadline_text is not null) order by id limit 3) t
            """);
        try
        {
            // One statement, three rows, one transaction: the tasks' version moves once, at the commit; the targets' not at all.
            await ScalarAsync($"with done as (update task_item set completed_on = date '2026-06-01' where id in ({ids}) returning 1) select count(*) from done");
            Assert.Equal(tasksVersion + 1, await ScalarAsync("select version from figures_version where id = 'tasks'"));
            Assert.Equal(targetsVersion, await ScalarAsync("select version from figures_version where id = 'targets'"));
            Assert.Equal(overdue - 3, await OverdueAsync());
        }
        finally
        {
            await ScalarAsync($"with undone as (update task_item set completed_on = null where id in ({ids}) returning 1) select count(*) from undone");
        }

        Assert.Equal(overdue, await OverdueAsync());
    }

    [Fact]
    public async Task TheTargetsByProgress_AreCoresRulesOverEveryValue_TheirChangesToo_AndEachCountOpensItsList()
    {
        // The figures are year-ends 2017–2026 and the targets' years 2025 and 2030: at the end of 2026 a 2025 target is
        // judged on its year's figure, which is no longer the latest.
        var asOf = new DateOnly(2026, 12, 31);
        var since = new DateOnly(2026, 6, 30);
        var expected = await CategoriesOverEveryValueAsync(asOf);
        var before = await CategoriesOverEveryValueAsync(since);
        var leadership = await AsAsync(Role.Leadership);

        var glance = await leadership.GetFromJsonAsync<JsonElement>("/api/dashboard/targets?asOf=2026-12-31&since=2026-06-30", Ct);
        var counts = glance.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(expected.Count, glance.GetProperty("total").GetInt32());
        Assert.Equal(expected.Count, counts.Values.Sum());
        Assert.All(counts, c => Assert.Equal(expected.Values.Count(v => v == c.Key), c.Value));
        Assert.True(counts.Count(c => c.Value > 0) >= 3, "the synthetic programme's targets fall in several categories");
        var changed = expected.Count(e => before[e.Key] != e.Value);
        Assert.True(changed > 0, "a year's figure moves some targets");
        Assert.Equal(changed, glance.GetProperty("changes").GetProperty("total").GetInt32());

        // The targets behind are the off-track ones, going down first, each with its recent values.
        var behind = glance.GetProperty("behind").EnumerateArray().ToList();
        Assert.NotEmpty(behind);
        Assert.All(behind, b =>
        {
            Assert.Contains(b.GetProperty("target").GetProperty("progress").GetString(), OffTrack);
            Assert.InRange(b.GetProperty("values").GetArrayLength(), 1, 12);
        });

        // Each count opens the list behind it, and the list exports every one of its targets.
        var (code, count) = counts.Where(c => c.Value > 0).OrderBy(c => c.Value).First();
        Assert.Contains($"{count} mục", await leadership.GetStringAsync($"/Targets?asOf=2026-12-31&progress={code}", Ct), StringComparison.Ordinal);
        var csv = await leadership.GetByteArrayAsync($"/Targets?handler=Export&format=csv&asOf=2026-12-31&progress={code}", Ct);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(csv[3..]), useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.CSV)
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(count, rows.Count);

        Assert.Equal(HttpStatusCode.BadRequest, (await leadership.GetAsync("/api/dashboard/targets?since=2026-07-01&asOf=2026-06-30", Ct)).StatusCode);
        Assert.Contains("Không có loại tiến độ", await leadership.GetStringAsync("/Targets?progress=bogus", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await leadership.GetAsync("/Targets?handler=Export&format=csv&progress=bogus", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Public().GetAsync("/api/dashboard/targets", Ct)).StatusCode);
    }

    private static readonly string[] OffTrack = ["deteriorating", "limited_progress", "needs_acceleration"];

    /// <summary>
    /// The reference: each target in force through Core's rules over every value of its indicator and locality up to
    /// the cut-off (the app reads only the three the rules use).
    /// </summary>
    private async Task<Dictionary<long, string>> CategoriesOverEveryValueAsync(DateOnly asOf)
    {
        await using var connection = new NpgsqlConnection(app.ServingConnection(province.Database));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            select t.id, i.direction, t.comparator, t.value, t.low, t.high, t.year,
                   coalesce(array_agg(m.period_end order by m.period_end, m.id) filter (where m.id is not null), '{}'),
                   coalesce(array_agg(m.value order by m.period_end, m.id) filter (where m.id is not null), '{}'),
                   i.counts_urban_areas, i.counts_class, i.counts_basis, t.administrative_unit_id
              from target t join indicator i on i.id = t.indicator_id
              left join measurement m on m.indicator_id = t.indicator_id and m.administrative_unit_id = t.administrative_unit_id
                    and m.period_end <= $1 and m.deleted_at is null
             where t.deleted_at is null and not exists (select 1 from target r where r.revises_target_id = t.id and r.deleted_at is null)
             group by t.id, i.direction, i.counts_urban_areas, i.counts_class, i.counts_basis
            """, connection) { Parameters = { new() { Value = asOf } } };
        var registers = await RegistersAsync();
        var categories = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            Assert.True(LoTrinh.Core.Targets.ComparatorCodes.TryParse(reader.GetString(1), out LoTrinh.Core.Targets.Direction direction));
            Assert.True(LoTrinh.Core.Targets.ComparatorCodes.TryParse(reader.GetString(2), out LoTrinh.Core.Targets.Comparator comparator));
            decimal? Decimal(int column) => reader.IsDBNull(column) ? null : reader.GetDecimal(column);
            var spec = new LoTrinh.Core.Targets.TargetSpec(comparator, Decimal(3), Decimal(4), Decimal(5));
            var series = reader.GetFieldValue<DateOnly[]>(7).Zip(reader.GetFieldValue<decimal[]>(8), (at, value) => new LoTrinh.Core.Targets.Observation(at, value)).ToList();

            // Số đô thị loại …: the register's counts where the target's province keeps one (issue 21).
            if (reader.GetBoolean(9) && !reader.IsDBNull(12) && registers.GetValueOrDefault(reader.GetInt64(12)) is { } areas
                && LoTrinh.Core.Classification.UrbanRegister.Series(areas, asOf, reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? "" : reader.GetString(11)) is { Count: > 0 } counts)
            {
                series = [.. counts.Select(c => new LoTrinh.Core.Targets.Observation(c.Day, c.Count))];
            }

            var category = reader.IsDBNull(6)
                ? LoTrinh.Core.Targets.TargetEvaluator.Evaluate(spec, series.Count > 0 ? series[^1].Value : null, direction) switch
                {
                    LoTrinh.Core.Targets.TargetOutcome.Met => LoTrinh.Core.Targets.ProgressCategory.Achieved,
                    LoTrinh.Core.Targets.TargetOutcome.NotMet => LoTrinh.Core.Targets.ProgressCategory.LimitedProgress,
                    _ => LoTrinh.Core.Targets.ProgressCategory.InsufficientData,
                }
                : LoTrinh.Core.Targets.ProgressAssessor.Assess(spec, direction, new DateOnly(reader.GetInt32(6), 12, 31), series, asOf).Category;
            categories[reader.GetInt64(0)] = LoTrinh.Core.Targets.ProgressCategoryNames.Code(category);
        }

        return categories;
    }

    /// <summary>The urban-area register by target locality: the areas of that province, or of the one it became or was.</summary>
    private async Task<Dictionary<long, List<LoTrinh.Core.Classification.RegisteredArea>>> RegistersAsync()
    {
        await using var connection = new NpgsqlConnection(app.ServingConnection(province.Database));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            select p.unit, a.id, a.name, a.retired_on, c.class, c.basis, c.held_from
              from (select id as unit, id as province from administrative_unit
                    union all select predecessor_id, successor_id from unit_lineage
                    union all select successor_id, predecessor_id from unit_lineage) p
              join urban_area a on a.province_id = p.province
              join urban_area_class c on c.urban_area_id = a.id
             order by p.unit, a.id, c.id
            """, connection);
        var rows = new List<(long Unit, long Area, string Name, DateOnly? Retired, LoTrinh.Core.Classification.ClassRecord Record)>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                new(reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateOnly>(6))));
        }

        return rows.GroupBy(r => r.Unit).ToDictionary(g => g.Key, g => g.GroupBy(r => (r.Area, r.Name, r.Retired))
            .Select(a => new LoTrinh.Core.Classification.RegisteredArea(a.Key.Area, a.Key.Name, a.Key.Retired, [.. a.Select(r => r.Record)])).ToList());
    }

    [Fact]
    public async Task TheServingRole_GetsPlansMadeForItsScope_NotGenericOnes()
    {
        // Prepared statements with the scope as parameters: a generic plan cannot fold "reads all" (0016_custom_plans.sql).
        Assert.Equal("force_custom_plan", await TextAsync("show plan_cache_mode"));
    }

    [Fact]
    public async Task TheIocFeed_GivesAProgrammesFiguresDownItsCascade_AsJsonAndCsv_ToATokenThatOpensNothingElse()
    {
        var leadership = await AsAsync(Role.Leadership);
        var root = await ScalarAsync("select to_directive_id from directive_link where relation = 'implements' group by 1 order by count(*) desc, 1 limit 1");
        const string Cascade = """
            with recursive cascade(id) as (select {0}::bigint union select l.from_directive_id from directive_link l join cascade c on l.to_directive_id = c.id and l.relation = 'implements')
            """;
        var cascade = string.Format(System.Globalization.CultureInfo.InvariantCulture, Cascade, root);
        const string Overdue = "(completed_on is null or completed_on > date '2026-06-30') and due_rolled_on < date '2026-06-30' and deadline_precision <> 'recurring'";

        var issued = await leadership.PostAsJsonAsync("/api/account/tokens", new { name = "Trung tâm IOC", days = 30, scope = "feed" }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var ioc = FaultHelpers.Client(province.Server.BaseUrl, (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString()!);

        var feed = await ioc.GetFromJsonAsync<JsonElement>($"/api/feed/{root}?asOf=2026-06-30", Ct);
        Assert.Equal("1", feed.GetProperty("version").GetString());
        Assert.Equal(await ScalarAsync(cascade + " select count(*) from cascade"), feed.GetProperty("directives").GetInt32());
        var tasks = feed.GetProperty("tasks");
        Assert.Equal(await ScalarAsync(cascade + " select count(*) from task_item t where t.deleted_at is null and t.directive_id in (select id from cascade)"), tasks.GetProperty("total").GetInt32());
        Assert.Equal(await ScalarAsync(cascade + $" select count(*) from task_item t where t.deleted_at is null and t.directive_id in (select id from cascade) and {Overdue}"),
            tasks.GetProperty("inProgressOverdue").GetInt32());
        Assert.InRange(feed.GetProperty("byDirective").GetArrayLength(), 2, feed.GetProperty("directives").GetInt32());
        Assert.Equal(tasks.GetProperty("total").GetInt32(), feed.GetProperty("byDirective").EnumerateArray().Sum(d => d.GetProperty("total").GetInt32()));

        // The same figures as CSV, UTF-8 with a byte-order mark: the programme's line first, then each directive and lead agency.
        var csv = await ioc.GetAsync($"/api/feed/{root}.csv?asOf=2026-06-30", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(System.Text.Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes[3..]), useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.CSV)
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["level", "id", "name", "as_of", "total", "completed_on_time", "completed_late", "in_progress_within_deadline",
            "in_progress_overdue", "recurring", "no_deadline", "completed_among_due_percent", "completed_among_all_percent"], rows[0].Keys);
        Assert.Equal(("programme", root.ToString(System.Globalization.CultureInfo.InvariantCulture), "2026-06-30", tasks.GetProperty("total").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ((string)rows[0]["level"], rows[0]["id"].ToString(), rows[0]["as_of"].ToString(), rows[0]["total"].ToString()));
        Assert.Equal(1 + feed.GetProperty("byDirective").GetArrayLength() + feed.GetProperty("byLeadAgency").GetArrayLength(), rows.Count);

        // The feed token opens the feed and nothing else; a wrong scope, an unknown programme and an impossible date are named.
        foreach (var path in new[] { "/api/tasks?asOf=2026-06-30", "/api/dashboard", "/api/account/tokens" })
        {
            var refused = await ioc.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await leadership.PostAsJsonAsync("/api/account/tokens", new { name = "x", days = 30, scope = "everything" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ioc.GetAsync("/api/feed/999999999", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ioc.GetAsync($"/api/feed/{root}?asOf=2026-02-30", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Public().GetAsync($"/api/feed/{root}", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheBoardAsFiltered_ExportsAsCsvAndXlsx_EveryMatchingTask_AndAnImpossibleFilterIsRefused()
    {
        var account = await TestAccount.CreateAsync(app.ServingConnection(province.Database), Role.Leadership, null);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(province.Server.BaseUrl) };
        await AppFixture.SignInAsync(client, account.UserName, account.Password);
        var overdue = await ScalarAsync("""
            select count(*) from task_item
             where deleted_at is null and (completed_on is null or completed_on > date '2026-06-30') and due_rolled_on < date '2026-06-30'
               and not (deadline_precision = 'recurring' and deadline_text is not null)
            """);

        var csv = await client.GetAsync("/Tasks?handler=Export&format=csv&asOf=2026-06-30&status=in_progress_overdue", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(System.Text.Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var fromCsv = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes[3..]), useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.CSV)
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(overdue, fromCsv.Count);
        Assert.Equal(["Mã", "Nhiệm vụ", "Văn bản", "Mục", "Chủ trì", "Phối hợp", "Thời hạn", "Hạn (ngày)", "Hoàn thành", "Tình trạng"], fromCsv[0].Keys);

        // The same list as a spreadsheet: one row per matching task, every one overdue.
        var xlsx = await client.GetAsync("/Tasks?handler=Export&format=xlsx&asOf=2026-06-30&status=in_progress_overdue", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(overdue, rows.Count);
        Assert.All(rows, r => Assert.Equal("Đang thực hiện quá hạn", r["Tình trạng"]));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Tasks?handler=Export&format=pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Tasks?handler=Export&format=csv&asOf=2026-02-30", Ct)).StatusCode);
    }

    [Fact]
    public async Task ThePickers_SearchTheAgencies_AndOfferOnlyThoseATaskCanBeGivenToToday_APickersWorthAtATime()
    {
        Assert.True(await ScalarAsync("select count(*) from agency") > 100, "the province preset has a city's agencies (the country has 5,000)");
        var secretariat = await AsAsync(Role.Secretariat);

        // Nothing typed: a picker's worth, not the table.
        var first = await secretariat.GetFromJsonAsync<JsonElement[]>("/api/agencies/options", Ct);
        Assert.Equal(30, first!.Length);

        // By the unit's name: every commune's people's committee of that name, and no dissolved or merged body.
        var commune = await TextAsync(
            "select u.name from administrative_unit u join agency a on a.administrative_unit_id = u.id where u.level = 'commune' and u.valid_to is null order by u.id limit 1");
        var found = await secretariat.GetFromJsonAsync<JsonElement[]>("/api/agencies/options?q=" + Uri.EscapeDataString(commune), Ct);
        Assert.NotEmpty(found!);
        Assert.All(found!, o => Assert.Contains(commune, o.GetProperty("label").GetString()!, StringComparison.OrdinalIgnoreCase));
        Assert.All(found!, o => Assert.Equal(JsonValueKind.Null, o.GetProperty("validTo").ValueKind));
        var dissolved = await TextAsync(
            "select name from agency where valid_to < current_date order by id limit 1");
        var offered = await secretariat.GetFromJsonAsync<JsonElement[]>("/api/agencies/options?q=" + Uri.EscapeDataString(dissolved), Ct);
        Assert.DoesNotContain(offered!, o => o.GetProperty("validTo").ValueKind != JsonValueKind.Null);

        // Directives by number, newest first (the same scope rules as the list: the public may ask too).
        var directives = await Public().GetFromJsonAsync<JsonElement[]>("/api/directives/options?q=KH-UBND", Ct);
        Assert.Equal(30, directives!.Length);
        Assert.All(directives!, d => Assert.Contains("KH-UBND", d.GetProperty("label").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskingForMoreThanAPage_GetsTheLargestPage_NotTheTable()
    {
        var admin = await AsAsync(Role.Administrator);
        var asked = await admin.GetAsync("/api/tasks?asOf=2026-11-28&pageSize=100000", Ct);
        Assert.True(Total(asked) > 5000, $"{Total(asked)}");
        Assert.Equal(1000, (await asked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength());
    }

    private static List<long> Ids(JsonElement rows) => [.. rows.EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];

    [Fact]
    public async Task AnIndicatorsFigures_AreAPage_NewestFirst_OfTheTrueTotal()
    {
        var admin = await AsAsync(Role.Administrator);
        var indicator = await ScalarAsync("select max(id) from indicator");
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/indicators/{indicator}?pageSize=20", Ct);
        var figures = details.GetProperty("measurements").EnumerateArray().ToList();
        Assert.Equal(20, figures.Count);
        Assert.Equal(await ScalarAsync($"select count(*) from measurement where indicator_id = {indicator}"), details.GetProperty("measurementsTotal").GetInt64());
        var ends = figures.Select(f => f.GetProperty("periodEnd").GetString()).ToList();
        Assert.Equal(ends.OrderDescending(StringComparer.Ordinal), ends);

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/indicators?q=%C4%91%C3%B4%20th%E1%BB%8B%20lo%E1%BA%A1i%20I", Ct);
        Assert.All(list.EnumerateArray(), i => Assert.Equal("2026-12-31", i.GetProperty("latestPeriod").GetString()));
    }

    [Fact]
    public async Task TheBoard_SortsByDeadline_EitherWay_TheMostOverdueFirst_AndAnUnknownOrderIsAProblem()
    {
        var leadership = await AsAsync(Role.Leadership);
        static DateOnly LastDay(JsonElement task)
        {
            var deadline = task.GetProperty("deadline");
            var rolled = deadline.GetProperty("rolledTo");
            return DateOnly.Parse((rolled.ValueKind == JsonValueKind.Null ? deadline.GetProperty("due") : rolled).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        }

        var first = (await leadership.GetFromJsonAsync<JsonElement>("/api/tasks?asOf=2026-06-30&status=in_progress_overdue&sort=due&pageSize=50", Ct)).EnumerateArray().Select(LastDay).ToList();
        Assert.Equal(50, first.Count);
        Assert.Equal(first.Order(), first);
        Assert.Equal(await TextAsync("select min(due_rolled_on)::text from task_item where deleted_at is null and (completed_on is null or completed_on > date '2026-06-30') and due_rolled_on < date '2026-06-30' and deadline_precision <> 'recurring'"),
            first[0].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var last = (await leadership.GetFromJsonAsync<JsonElement>("/api/tasks?asOf=2026-06-30&status=in_progress_overdue&sort=due_desc&pageSize=50", Ct)).EnumerateArray().Select(LastDay).ToList();
        Assert.Equal(last.OrderDescending(), last);
        Assert.True(last[0] > first[^1], "the other end of the same list");

        var unknown = await leadership.GetAsync("/api/tasks?sort=oldest", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("sort", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Không có cách sắp xếp", await leadership.GetStringAsync("/Tasks?sort=oldest", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIndicatorsLocalities_AreAPageOfUnitsByCode_EachWithItsLatestFigureAndTheOneBefore()
    {
        var indicator = await ScalarAsync("select min(id) from indicator");
        var leadership = await AsAsync(Role.Leadership);
        var response = await leadership.GetAsync($"/api/indicators/{indicator}/localities?asOf=2025-06-30&pageSize=10", Ct);
        Assert.Equal(await ScalarAsync($"select count(distinct administrative_unit_id) from measurement where indicator_id = {indicator} and period_end <= date '2025-06-30' and deleted_at is null"),
            Total(response));
        var lines = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();
        Assert.Equal(10, lines.Count);
        foreach (var line in lines.Take(3))
        {
            var unit = line.GetProperty("unitId").GetInt64();
            string Figure(int offset) => $"""
                select value::text from measurement where indicator_id = {indicator} and administrative_unit_id = {unit} and period_end <= date '2025-06-30'
                   and deleted_at is null order by period_end desc, id desc offset {offset} limit 1
                """;
            Assert.Equal(decimal.Parse(await TextAsync(Figure(0)), System.Globalization.CultureInfo.InvariantCulture), line.GetProperty("latest").GetProperty("value").GetDecimal());
            Assert.Equal(decimal.Parse(await TextAsync(Figure(1)), System.Globalization.CultureInfo.InvariantCulture), line.GetProperty("previous").GetProperty("value").GetDecimal());
        }

        var codes = lines.Select(l => l.GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(HttpStatusCode.BadRequest, (await leadership.GetAsync($"/api/indicators/{indicator}/localities?asOf=2025-02-30", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leadership.GetAsync("/api/indicators/999999999/localities", Ct)).StatusCode);
    }

    [Fact]
    public async Task TwoIssuers_MayNumberAlike_TheSameIssuerMayNot_AndANumberAloneListsBoth()
    {
        var secretariat = await AsAsync(Role.Secretariat);
        // Hà Nội's plan 101/KH-UBND is on file; Cao Bằng's people's committee numbers its own plan alike.
        var other = await secretariat.PostAsJsonAsync("/api/directives",
            new { number = "101/KH-UBND", issuer = "Ủy ban nhân dân tỉnh Cao Bằng", title = "Kế hoạch phát triển đô thị Cao Bằng", issuedOn = "2024-03-01" }, Ct);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var again = await secretariat.PostAsJsonAsync("/api/directives",
            new { number = "101/KH-UBND", issuer = "Ủy ban nhân dân tỉnh Cao Bằng", title = "Bản trùng", issuedOn = "2024-03-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var ambiguous = await secretariat.GetAsync("/api/tasks?asOf=2026-11-28&directive=101%2FKH-UBND", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        var problem = await ambiguous.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Cao Bằng", problem, StringComparison.Ordinal);
        Assert.Contains("Hà Nội", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstances_WithoutStickySessions_ShareASignIn_ThroughKeysInPostgreSQL()
    {
        // Each instance gets its own home directory, so keys on disk (ASP.NET Core's default) would not be shared.
        var account = await TestAccount.CreateAsync(app.ServingConnection(province.Database), Role.Secretariat, null);
        await using var second = await AppServer.StartAsync(app.ServingConnection(province.Database), withBrowser: false,
            new Dictionary<string, string> { ["HOME"] = Directory.CreateTempSubdirectory("lotrinh-home-").FullName });
        var cookies = new CookieContainer();
        using var first = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(province.Server.BaseUrl) };
        var after = await AppFixture.SignInAsync(first, account.UserName, account.Password);
        Assert.Equal("/", after);

        var cookie = cookies.GetCookieHeader(new Uri(province.Server.BaseUrl));
        using var other = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(second.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Accounts");
        request.Headers.Add("Cookie", cookie);
        var page = await other.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(account.DisplayName, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await ScalarAsync("select count(*) from data_protection_key") >= 1);
    }

    [Fact]
    public async Task HealthChecks_SayLive_AndReadyWhenPostgreSqlAnswers()
    {
        Assert.Equal(HttpStatusCode.OK, (await Public().GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal("Healthy", await Public().GetStringAsync("/health/ready", Ct));
    }
}

/// <summary>A programme database plus the province preset, through the command line; the app serving it.</summary>
public sealed class ProvinceProgramme(AppFixture app) : IAsyncLifetime
{
    public string Database { get; private set; } = string.Empty;
    public string Digest { get; private set; } = string.Empty;
    public AppServer Server { get; private set; } = null!;

    public static async Task<string> CreateAsync(AppFixture app)
    {
        var database = await app.CreateProgrammeDatabaseAsync();
        var (exit, output, error) = await app.RunCliAsync(database, "seed", "--synthetic", "province");
        Assert.True(exit == 0, $"lotrinh seed --synthetic province: {output} {error}");
        return database;
    }

    /// <summary>What the preset made, as text a second run must reproduce: tasks, their deadlines and agencies, targets, figures.</summary>
    public static async Task<string> DigestAsync(AppFixture app, string database)
    {
        await using var connection = new NpgsqlConnection(app.ServingConnection(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select md5(string_agg(x, '|' order by x)) from (
              select d.number || d.issuer_name || t.section || t.text || coalesce(t.deadline_text, '') || coalesce(t.completed_on::text, '')
                     || (select string_agg(a.name || ta.role, ',' order by ta.ordinal) from task_agency ta join agency a on a.id = ta.agency_id where ta.task_id = t.id) x
                from task_item t join directive d on d.id = t.directive_id
              union all
              select i.name || t.scope || t.year || t.comparator || t.value from target t join indicator i on i.id = t.indicator_id
              union all
              select (select md5(string_agg(m.value::text, ',' order by m.indicator_id, m.administrative_unit_id, m.period_end)) from measurement m)) s
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask InitializeAsync()
    {
        Database = await CreateAsync(app);
        Digest = await DigestAsync(app, Database);
        Server = await AppServer.StartAsync(app.ServingConnection(Database), withBrowser: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
