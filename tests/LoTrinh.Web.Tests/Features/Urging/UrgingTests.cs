using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Web.Features.Urging;
using LoTrinh.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LoTrinh.Web.Tests.Features.Urging;

/// <summary>
/// Đôn đốc on a server dated 15/4/2024: 16-KL/BCĐ's task due in Q1/2024 is 10 working days late. The day's rules have
/// run (the missed days of the week caught up), its agency was reminded and its head told; each person got one mail.
/// </summary>
public sealed class UrgingTests(UrgingInstall install) : IClassFixture<UrgingInstall>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement[]> LogAsync(string query) =>
        [.. (await install.As(install.Secretariat).GetFromJsonAsync<JsonElement>($"/api/urging?{query}&pageSize=1000", Ct)).EnumerateArray()];

    private async Task<(int Urges, int Notifications, int Runs)> CountsAsync()
    {
        await using var db = install.NewDb();
        return (await db.Urgings.IgnoreQueryFilters().CountAsync(Ct), await db.Notifications.CountAsync(Ct),
            await db.UrgingRuns.CountAsync(r => r.Day == new DateOnly(2024, 4, 15), Ct));
    }

    private IEnumerable<MimeKit.MimeMessage> OfTheDay(string address) =>
        install.Sink.To(address).Where(m => (m.Subject ?? string.Empty).Contains("15/04/2024", StringComparison.Ordinal));

    /// <summary>The day's digests are all sent (the officer's and the head's among them).</summary>
    private Task DigestsSentAsync() => UrgingInstall.EventuallyAsync(async () =>
    {
        await using var db = install.NewDb();
        return install.Sink.To(UrgingInstall.Address(install.Officer)).Count > 0 && install.Sink.To(UrgingInstall.Address(install.Head)).Count > 0
            && !await db.Digests.AnyAsync(d => d.Day == new DateOnly(2024, 4, 15) && d.Status != "sent", Ct);
    }, "the day's digests reach the SMTP sink");

    [Fact]
    public async Task TheTaskDueInQ1_2024_HasOverdueRemindersAndAnEscalationToTheHead_AndEachPersonOneMailForAllTheirItems()
    {
        await DigestsSentAsync();

        var log = await LogAsync($"task={install.TaskId}");
        var overdue = log.Where(u => u.GetProperty("kind").GetString() == "overdue").ToList();
        Assert.NotEmpty(overdue);
        Assert.All(overdue, u => Assert.Equal(install.DistrictId, u.GetProperty("agencyId").GetInt64()));
        // Caught up from the week before: 9/4 is the 6th working day late (reminded on the 1st, 6th, 11th…).
        Assert.Contains(overdue, u => u.GetProperty("day").GetString() == "2024-04-09");
        var escalation = Assert.Single(log, u => u.GetProperty("kind").GetString() == "escalated_to_head");
        Assert.Equal("agency_head", escalation.GetProperty("audience").GetString());
        Assert.Contains("Quá hạn", escalation.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("01/04/2024", escalation.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The officer sees them in the app…
        var officer = install.As(install.Officer);
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/notifications", Ct);
        Assert.Contains(mine.EnumerateArray(), n => n.GetProperty("taskId").GetInt64() == install.TaskId && n.GetProperty("kind").GetString() == "overdue");
        Assert.DoesNotContain(mine.EnumerateArray(), n => n.GetProperty("kind").GetString() == "escalated_to_head");

        // …and in one mail that lists all of them, grouped by directive, with the link to the task.
        // (Another test sends a digest for 16/4; this is the 15th's.)
        var mail = Assert.Single(OfTheDay(UrgingInstall.Address(install.Officer)));
        Assert.Contains("việc cần đôn đốc", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("QUÁ HẠN", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("16-KL/BCĐ", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Tasks/Details/{install.TaskId}", mail.TextBody, StringComparison.Ordinal);
        // Every item of the day's run in the one mail (a note the secretariat sends later goes in the next one).
        var items = mine.EnumerateArray().Where(n => n.GetProperty("kind").GetString() != "manual").ToList();
        Assert.True(items.Count == (mail.TextBody ?? string.Empty).Split('•').Length - 1, $"{string.Join("\n", items)}\n---\n{mail.TextBody}");
        var headMail = Assert.Single(OfTheDay(UrgingInstall.Address(install.Head)));
        Assert.Contains("BÁO THỦ TRƯỞNG CƠ QUAN", headMail.TextBody, StringComparison.Ordinal);

        // Monday: leadership's weekly digest says where the programme stands, the district among the most overdue.
        var leaderMail = Assert.Single(OfTheDay(UrgingInstall.Address(install.Leader)));
        Assert.Contains("TÌNH HÌNH CHƯƠNG TRÌNH TUẦN QUA", leaderMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Urging?agency={install.DistrictId}", leaderMail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunningTheDayAgain_Concurrently_AndASecondInstance_AddNothing_AndSendNoSecondMail()
    {
        await DigestsSentAsync();
        var counts = await CountsAsync();
        var mails = install.Sink.Received.Count;
        Assert.True(counts.Urges > 0);

        // The secretariat's "run now", and two runs of the same day at once from two connections.
        var again = await install.As(install.Secretariat).PostAsync("/api/urging/run", null, Ct);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("alreadyRun").GetBoolean());
        await using (var one = install.NewDb())
        await using (var two = install.NewDb())
        {
            var day = new DateOnly(2024, 4, 15);
            var both = await Task.WhenAll(DailyUrging.RunAsync(one, day, Ct), DailyUrging.RunAsync(two, day, Ct));
            Assert.All(both, o => Assert.True(o.AlreadyRun));
        }

        // A second instance against the same database (a restart looks the same): its rounds find everything done.
        await using (var second = await AppServer.StartAsync(install.Serving, withBrowser: false, install.Environment))
        {
            await Task.Delay(TimeSpan.FromSeconds(8), Ct);
        }

        Assert.Equal(counts, await CountsAsync());
        Assert.Equal(1, counts.Runs);
        Assert.Equal(mails, install.Sink.Received.Count);
    }

    [Fact]
    public async Task AServerThatRefuses_LeavesTheDigestPendingWithItsError_AndTheOthersAreSent()
    {
        await DigestsSentAsync();
        await using var db = install.NewDb();
        // Two people with something to read on 16/4: the sink refuses the first attempt of both, then takes them.
        var secretariat = await db.Users.Where(u => u.UserName == install.Secretariat.UserName).Select(u => u.Id).SingleAsync(Ct);
        var officer = await db.Users.Where(u => u.UserName == install.Officer.UserName).Select(u => u.Id).SingleAsync(Ct);
        var day = new DateOnly(2024, 4, 16);
        var urging = new UrgingEntry
        {
            Day = day,
            Kind = Core.Urging.UrgeKind.Manual,
            Audience = Core.Urging.Audience.Agency,
            TaskId = install.TaskId,
            AgencyId = install.DistrictId,
            Reason = "Thử máy chủ thư từ chối",
            Note = "Đề nghị báo cáo ngay.",
        };
        db.Urgings.Add(urging);
        await db.SaveChangesAsync(Ct);
        db.Notifications.AddRange(new Notification { UserId = secretariat, UrgingId = urging.Id }, new Notification { UserId = officer, UrgingId = urging.Id });
        await db.SaveChangesAsync(Ct);
        Assert.Equal(2, await Digests.QueueAsync(db, day, weekStarts: false, Ct));

        var smtp = new SmtpOptions("127.0.0.1", install.Sink.Port, MailKit.Security.SecureSocketOptions.None, "lotrinh@lamdong.gov.vn", null, null, 10);
        install.Sink.Refusing = true;
        try
        {
            Assert.Equal(0, await Digests.SendDueAsync(db, smtp, "http://lotrinh.test", Ct));
        }
        finally
        {
            install.Sink.Refusing = false;
        }

        var failed = await db.Digests.AsNoTracking().Where(d => d.Day == day).ToListAsync(Ct);
        Assert.All(failed, d =>
        {
            Assert.Equal(("pending", 1), (d.Status, d.Attempts));
            Assert.Contains("refused by the test", d.Error, StringComparison.Ordinal);
            Assert.True(d.NextAttemptAt > DateTimeOffset.UtcNow);
        });
        // The secretariat sees the server's answer beside the person's digests.
        var history = await install.As(install.Secretariat).GetStringAsync($"/Urging/Preview?user={officer}&day=16/04/2024", Ct);
        Assert.Contains("refused by the test", history, StringComparison.Ordinal);
        Assert.Contains("Chờ gửi lại", history, StringComparison.Ordinal);

        // Due again (the backoff passed): both go, once — whether this call or the server's next round takes them.
        await db.Digests.Where(d => d.Day == day).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Ct);
        await Digests.SendDueAsync(db, smtp, "http://lotrinh.test", Ct);
        await UrgingInstall.EventuallyAsync(async () => await db.Digests.AsNoTracking().CountAsync(d => d.Day == day && d.Status == "sent", Ct) == 2, "both digests sent");
        Assert.Equal(2, install.Sink.Received.Count(m => (m.Subject ?? string.Empty).Contains("16/04/2024", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rules_WithImpossibleDays_AreRefusedFieldByField_AndNothingChanges()
    {
        var secretariat = install.As(install.Secretariat);
        var before = await secretariat.GetStringAsync("/api/urging/rules", Ct);
        var response = await secretariat.PutAsJsonAsync("/api/urging/rules", new
        {
            daysBefore = new[] { 7, -3 },
            onTheDay = true,
            overdueEvery = 0,
            staleAfterDays = 30,
            unassignedAfterDays = 90,
            escalateToHeadAfter = 20,
            escalateToSecretariatAfter = 10,
            escalateToLeadership = false,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("daysBefore[1]", out _));
        Assert.True(errors.TryGetProperty("overdueEvery", out _));
        Assert.True(errors.TryGetProperty("escalateToSecretariatAfter", out _));
        Assert.Equal(before, await secretariat.GetStringAsync("/api/urging/rules", Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await install.As(install.Officer).PutAsJsonAsync("/api/urging/rules", new { }, Ct)).StatusCode);
    }

    [Fact]
    public async Task TheSecretariatSendsAnUrgingNote_OnThePage_AndTheOfficerReadsItInTheInbox_OnAPhone()
    {
        await DigestsSentAsync();
        var context = await install.Server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = install.Server.BaseUrl });
        var page = await context.NewPageAsync();
        await AppServer.SignInAsync(page, install.Secretariat);
        await page.GotoAsync("/Urging/Manual");
        await page.GetByLabel("Nội dung đôn đốc").FillAsync("Đề nghị UBND huyện hoàn thành trình phê duyệt quy hoạch Liên Nghĩa trước 30/4/2024.");
        await page.GetByLabel($"Chọn nhiệm vụ {install.TaskId}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đôn đốc" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sent")).ToContainTextAsync("Đã đôn đốc 1 nhiệm vụ");
        await page.GotoAsync($"/Urging?task={install.TaskId}&kind=manual");
        await Assertions.Expect(page.Locator("#urgings tbody tr").Filter(new() { HasText = "Liên Nghĩa trước 30/4/2024" })).ToHaveCountAsync(1);

        var phone = await install.Server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = install.Server.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var officer = await phone.NewPageAsync();
        await AppServer.SignInAsync(officer, install.Officer);
        await Assertions.Expect(officer.Locator("#unread-count")).ToBeVisibleAsync();
        await officer.GotoAsync("/Urging/Inbox");
        await Assertions.Expect(officer.Locator("#inbox")).ToContainTextAsync("Liên Nghĩa trước 30/4/2024");
        await Assertions.Expect(officer.Locator("#inbox")).ToContainTextAsync("Quá hạn");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc tất cả" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#unread-count")).ToHaveCountAsync(0);
        await officer.GotoAsync($"/Tasks/Details/{install.TaskId}");
        await Assertions.Expect(officer.Locator("#urged")).ToContainTextAsync("Đã đôn đốc");

        // The dashboard's overdue list counts the urges to agencies about that task up to its cut-off (today, 15/4;
        // other tests run later days of the log).
        await using (var db = install.NewDb())
        {
            var today = new DateOnly(2024, 4, 15);
            var expected = await db.Urgings.CountAsync(u => u.TaskId == install.TaskId && u.Day <= today
                && u.Audience != LoTrinh.Core.Urging.Audience.Secretariat && u.Kind != LoTrinh.Core.Urging.UrgeKind.DueSoon, Ct);
            var dashboard = await install.As(install.Secretariat).GetFromJsonAsync<JsonElement>("/api/dashboard", Ct);
            var listed = dashboard.GetProperty("overdue").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == install.TaskId);
            Assert.True(expected > 0, "the note just sent is an urge of today");
            Assert.Equal(expected, listed.GetProperty("urged").GetInt32());
        }

        // The log exports as the official record.
        var export = await install.As(install.Secretariat).GetAsync($"/api/urging/export.xlsx?task={install.TaskId}", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (r["Loại"] as string) == "Văn bản đôn đốc" && ((r["Nội dung đôn đốc"] as string) ?? "").Contains("Liên Nghĩa", StringComparison.Ordinal));
        await context.CloseAsync();
        await phone.CloseAsync();
    }
}
