using LoTrinh.Core.Deadlines;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Features.Calendar;
using LoTrinh.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features;

/// <summary>
/// The task board classifies in PostgreSQL; Core's rules are the definition. A property test: random tasks
/// (every kind of deadline, completed or not, before or after the deadline) on random cut-off dates must get
/// the same class from the query as from <see cref="TaskStatusRules.Classify"/>, and the counts and rates too.
/// </summary>
public sealed class TaskBoardTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StatusComputedByPostgreSql_EqualsCoresRules_OnRandomTasksAndDates()
    {
        var random = new Random(20261128);
        await using var db = app.NewDb();
        // Deadlines roll forward (the default): Core reads them on the same working-day calendar. (The app keeps the
        // table at start; this test may run before any test has started it.)
        await DeadlineRolls.SyncAsync(db, Ct);
        var rules = new TaskStatusOptions(RollForward: await WorkingCalendars.ForAsync(db, new DateOnly(2021, 1, 1), new DateOnly(2029, 12, 31), Ct));
        var directive = await db.Directives.Where(d => d.Number == "3316/KH-UBND").Select(d => d.Id).SingleAsync(Ct);
        var precisions = Enum.GetValues<DeadlinePrecision>();
        var tasks = new List<TaskItem>();
        for (var i = 0; i < 400; i++)
        {
            var task = new TaskItem { DirectiveId = directive, Text = $"Nhiệm vụ ngẫu nhiên {i} {Guid.NewGuid():N}" };
            var precision = precisions[random.Next(precisions.Length)];
            var due = new DateOnly(2022, 1, 1).AddDays(random.Next(0, 2000));
            task.SetDeadline(random.Next(6) switch
            {
                0 => null,
                _ when precision is DeadlinePrecision.None => Deadline.Unreadable("sớm"),
                _ when precision is DeadlinePrecision.Recurring => new Deadline("thường xuyên", null, DeadlinePrecision.Recurring),
                _ => new Deadline($"hạn {i}", due, precision, Exclusive: random.Next(4) == 0),
            });
            if (random.Next(2) == 0)
            {
                task.Complete(due.AddDays(random.Next(-200, 200)));
            }

            tasks.Add(task);
        }

        db.Tasks.AddRange(tasks);
        await db.SaveChangesAsync(Ct);
        var ids = tasks.Select(t => t.Id).ToList();
        Assert.True(tasks.Count(t => t.DueRolledOn != t.DueOn) > 50, "some deadlines fall on days off and roll");

        for (var round = 0; round < 25; round++)
        {
            var asOf = new DateOnly(2021, 6, 1).AddDays(random.Next(0, 2600));
            var fromDatabase = await TaskBoard.Classify(db.Tasks.Where(t => ids.Contains(t.Id)), asOf)
                .Select(c => new { c.Task.Id, c.Status }).ToDictionaryAsync(c => c.Id, c => c.Status, Ct);
            foreach (var task in tasks)
            {
                Assert.True(TaskStatusRules.Classify(task.Deadline, task.CompletedOn, asOf, rules) == fromDatabase[task.Id],
                    $"task {task.Id} ({task.DeadlineText}, due {task.DueOn}, {task.DeadlinePrecision}, completed {task.CompletedOn}) as of {asOf}: "
                    + $"Core {TaskStatusRules.Classify(task.Deadline, task.CompletedOn, asOf, rules)}, PostgreSQL {fromDatabase[task.Id]}");
            }

            // A class asked for by itself (the board's filter, written on the columns) holds exactly the tasks classified so.
            foreach (var status in Enum.GetValues<TaskStatusClass>())
            {
                var inStatus = await TaskBoard.InStatus(db.Tasks.Where(t => ids.Contains(t.Id)), status, asOf).Select(t => t.Id).OrderBy(id => id).ToListAsync(Ct);
                Assert.Equal(fromDatabase.Where(p => p.Value == status).Select(p => p.Key).Order(), inStatus);
            }
        }

        db.Tasks.RemoveRange(tasks);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task CountsAndPage_AreThoseOfCoresRules_AndThePageIsOnlyThePage()
    {
        var asOf = new DateOnly(2024, 6, 30);
        await using var db = app.NewDb();
        var all = await db.Tasks.AsNoTracking().ToListAsync(Ct);
        var expected = all.GroupBy(t => t.StatusOn(asOf)).ToDictionary(g => g.Key, g => g.Count());

        var page = await TaskBoard.QueryAsync(db, new TaskFilter(asOf), 2, 7, Ct);
        Assert.Equal(expected.OrderBy(e => e.Key), page.CountByStatus.OrderBy(e => e.Key));
        Assert.Equal(all.Count, page.Total);
        Assert.Equal(TaskStatusRules.Rates(expected), page.Rates);
        Assert.Equal(all.OrderBy(t => t.DirectiveId).ThenBy(t => t.Id).Skip(7).Take(7).Select(t => t.Id), page.Rows.Select(r => r.Id));

        var overdue = await TaskBoard.QueryAsync(db, new TaskFilter(asOf, TaskStatusClass.InProgressOverdue), 1, 1000, Ct);
        Assert.Equal(expected.GetValueOrDefault(TaskStatusClass.InProgressOverdue), overdue.Total);
        Assert.All(overdue.Rows, r => Assert.Equal("in_progress_overdue", r.Status));
    }

    [Fact]
    public async Task ARow_SaysHowLongAnOpenTaskHasBeenQuiet_OnceTheUrgingRulesCallItStale()
    {
        var marker = Guid.NewGuid().ToString("N");
        await using var db = app.NewDb();
        var directive = await db.Directives.Where(d => d.Number == "3316/KH-UBND").Select(d => d.Id).SingleAsync(Ct);
        TaskItem WithProgressOn(DateOnly day, string name)
        {
            var task = new TaskItem { DirectiveId = directive, Text = $"{name} {marker}" };
            task.ProgressUpdates.Add(new ProgressUpdate { ReportedOn = day, Text = "Đang triển khai", EnteredBy = "Kiểm thử" });
            return task;
        }

        var quiet = WithProgressOn(new DateOnly(2024, 5, 1), "Lặng");
        var busy = WithProgressOn(new DateOnly(2024, 6, 20), "Đang làm");
        var done = WithProgressOn(new DateOnly(2024, 1, 2), "Xong");
        done.Complete(new DateOnly(2024, 1, 2));
        db.Tasks.AddRange(quiet, busy, done);
        await db.SaveChangesAsync(Ct);

        var rows = (await TaskBoard.QueryAsync(db, new TaskFilter(new DateOnly(2024, 6, 30), Text: marker), 1, 10, Ct)).Rows.ToDictionary(r => r.Id);

        // 60 days since 1/5 (the rules' default is 30); 10 days is not stale; a completed task is never.
        Assert.Equal(60, rows[quiet.Id].StaleDays);
        Assert.Null(rows[busy.Id].StaleDays);
        Assert.Null(rows[done.Id].StaleDays);
        db.Tasks.RemoveRange(quiet, busy, done);
        await db.SaveChangesAsync(Ct);
    }
}
