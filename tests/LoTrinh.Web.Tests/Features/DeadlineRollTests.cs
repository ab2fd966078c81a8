using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Core.Deadlines;
using LoTrinh.Web.Features.Calendar;
using LoTrinh.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features;

/// <summary>
/// A task deadline on a day off ends with the next working day (Điều 148 BLDS), as the working-day calendar and the
/// setting say; the database keeps each task's last day, and every change of either re-reads them.
/// </summary>
public sealed class DeadlineRollTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> NewTaskDueAsync(DateOnly due)
    {
        await using var db = app.NewDb();
        var task = new TaskItem
        {
            DirectiveId = await db.Directives.Where(d => d.Number == "3316/KH-UBND").Select(d => d.Id).SingleAsync(Ct),
            Text = $"Nhiệm vụ hạn {due:dd/MM/yyyy} {Guid.NewGuid():N}",
        };
        task.SetDeadline(new Deadline($"ngày {due:dd/MM/yyyy}", due, DeadlinePrecision.Day));
        db.Tasks.Add(task);
        await db.SaveChangesAsync(Ct);
        return task.Id;
    }

    private async Task<JsonElement> TaskAsync(long id, string asOf) =>
        await app.As(Role.Secretariat).GetFromJsonAsync<JsonElement>($"/api/tasks/{id}?asOf={asOf}", Ct);

    private async Task<long> TaskAuditRowsAsync(long id)
    {
        await using var db = app.NewDb();
        return await db.Database.SqlQuery<long>($"select count(*) as \"Value\" from audit_event where table_name = 'task_item' and row_id = {id}").SingleAsync(Ct);
    }

    [Fact]
    public async Task ADeadlineOnSunday26April2026_EndsOnTuesday28_AndOnTheDayWrittenWhenTheSettingIsOff()
    {
        var id = await NewTaskDueAsync(new DateOnly(2026, 4, 26));
        var auditRows = await TaskAuditRowsAsync(id);

        var onTuesday = await TaskAsync(id, "2026-04-28");
        Assert.Equal("in_progress_within_deadline", onTuesday.GetProperty("status").GetString());
        Assert.Equal("2026-04-28", onTuesday.GetProperty("deadline").GetProperty("rolledTo").GetString());
        Assert.Equal("in_progress_overdue", (await TaskAsync(id, "2026-04-29")).GetProperty("status").GetString());

        var admin = app.As(Role.Administrator);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.As(Role.Secretariat).PutAsJsonAsync("/api/calendar/settings", new { rollDeadlinesForward = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/calendar/settings", new { }, Ct)).StatusCode);
        try
        {
            var off = await admin.PutAsJsonAsync("/api/calendar/settings", new { rollDeadlinesForward = false }, Ct);
            Assert.True(off.IsSuccessStatusCode, await off.Content.ReadAsStringAsync(Ct));
            Assert.True((await off.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("tasksChanged").GetInt32() >= 1);
            Assert.False((await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/calendar/settings", Ct)).GetProperty("rollDeadlinesForward").GetBoolean());

            var unrolled = await TaskAsync(id, "2026-04-27");
            Assert.Equal("in_progress_overdue", unrolled.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, unrolled.GetProperty("deadline").GetProperty("rolledTo").ValueKind);
            // Re-reading the last day is bookkeeping, not an edit of the task: its history has no new line.
            Assert.Equal(auditRows, await TaskAuditRowsAsync(id));
        }
        finally
        {
            var on = await admin.PutAsJsonAsync("/api/calendar/settings", new { rollDeadlinesForward = true }, Ct);
            Assert.True(on.IsSuccessStatusCode);
        }

        Assert.Equal("in_progress_within_deadline", (await TaskAsync(id, "2026-04-28")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AYearEnteredWithADayOff_MovesTheDeadlinesOnIt_AndRemovingTheYearMovesThemBack()
    {
        // Friday 5/3/2027 is a working day in the foreseen 2027; entered as a day off, a task due on it ends Monday 8/3.
        var id = await NewTaskDueAsync(new DateOnly(2027, 3, 5));
        Assert.Equal("in_progress_overdue", (await TaskAsync(id, "2027-03-06")).GetProperty("status").GetString());
        var admin = app.As(Role.Administrator);
        var foreseen = await admin.GetFromJsonAsync<JsonElement>("/api/calendar/2027", Ct);
        var days = foreseen.GetProperty("days").EnumerateArray()
            .Select(d => new { date = d.GetProperty("date").GetString(), kind = d.GetProperty("kind").GetString(), note = d.GetProperty("note").GetString() })
            .Append(new { date = (string?)"2027-03-05", kind = (string?)"off", note = (string?)"Nghỉ bù (thử)" }).ToArray();
        try
        {
            var entered = await admin.PutAsJsonAsync("/api/calendar/2027", new { source = "Thông báo thử", days }, Ct);
            Assert.True(entered.IsSuccessStatusCode, await entered.Content.ReadAsStringAsync(Ct));
            var moved = await TaskAsync(id, "2027-03-08");
            Assert.Equal("in_progress_within_deadline", moved.GetProperty("status").GetString());
            Assert.Equal("2027-03-08", moved.GetProperty("deadline").GetProperty("rolledTo").GetString());
        }
        finally
        {
            Assert.True((await admin.DeleteAsync("/api/calendar/2027", Ct)).IsSuccessStatusCode);
        }

        Assert.Equal("in_progress_overdue", (await TaskAsync(id, "2027-03-06")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheTableOfDaysOff_IsTheCalendars_AndSyncingTwiceChangesNothing()
    {
        await using var db = app.NewDb();
        await DeadlineRolls.SyncAsync(db, Ct);
        Assert.Equal(0, await DeadlineRolls.SyncAsync(db, Ct));
        var calendar = await WorkingCalendars.ForAsync(db, new DateOnly(DeadlineRolls.FirstYear, 1, 1), new DateOnly(DeadlineRolls.LastYear, 12, 31), Ct);
        var held = await db.DeadlineRolls.AsNoTracking().ToDictionaryAsync(r => r.Day, r => r.RolledTo, Ct);
        Assert.Equal(new DateOnly(2026, 2, 23), held[new DateOnly(2026, 2, 14)]);
        Assert.False(held.ContainsKey(new DateOnly(2026, 1, 10)));
        Assert.False(held.ContainsKey(new DateOnly(2026, 8, 22)));
        Assert.Equal(DeadlineRolls.Rolls(calendar).OrderBy(r => r.Key), held.OrderBy(r => r.Key));
        Assert.Equal(0, await db.Tasks.IgnoreQueryFilters().CountAsync(t => t.DueOn != null && t.DueRolledOn != (db.DeadlineRolls.Where(r => r.Day == t.DueOn).Select(r => (DateOnly?)r.RolledTo).FirstOrDefault() ?? t.DueOn), Ct));
    }
}
