using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features.Reporting;

/// <summary>The reporting cycle through its API, as another system (or a script of the secretariat) would drive it.</summary>
public sealed partial class ReportingApiTests(ReportingInstall install) : IClassFixture<ReportingInstall>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<JsonElement> NewRegimeAsync(string name, object? body = null) => install.NewRegimeAsync(body ?? ReportingInstall.Quarterly(name));

    private async Task<long> ReportOfAsync(JsonElement regime, string label, long agencyId)
    {
        var period = regime.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("label").GetString() == label);
        var review = await install.As(install.Secretariat).GetFromJsonAsync<JsonElement>($"/api/reporting/periods/{period.GetProperty("id").GetInt64()}", Ct);
        return review.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("agencyId").GetInt64() == agencyId).GetProperty("id").GetInt64();
    }

    private static object Line(long task, string claimed, int? percent, string? completedOn, string? progress) =>
        new { taskId = task, claimed, percent, completedOn, progress, difficulties = (string?)null, proposals = (string?)null };

    [Fact]
    public async Task AQuarterlyRegime_OpensTheQuartersThatHaveStarted_DueOnAWorkingDay_WithAReportForEachBodyWithTasks()
    {
        var regime = await NewRegimeAsync("Báo cáo quý 16-KL/BCĐ (mở kỳ)");
        var periods = regime.GetProperty("periods").EnumerateArray().ToDictionary(p => p.GetProperty("label").GetString()!);
        // On 23/6/2026 Q2 (15/3–14/6) and Q3 (from 15/6) have started; Q4 has not.
        Assert.Equal(["Quý II/2026", "Quý III/2026"], periods.Keys.Order());
        Assert.Equal("2026-03-15", periods["Quý II/2026"].GetProperty("windowFrom").GetString());
        Assert.Equal("2026-06-14", periods["Quý II/2026"].GetProperty("windowTo").GetString());
        // 20/6/2026 is a Saturday: due Monday 22/6. 20/9/2026 is a Sunday: due Monday 21/9.
        Assert.Equal("2026-06-22", periods["Quý II/2026"].GetProperty("dueOn").GetString());
        Assert.Equal("2026-09-21", periods["Quý III/2026"].GetProperty("dueOn").GetString());

        var review = await install.As(install.Secretariat).GetFromJsonAsync<JsonElement>($"/api/reporting/periods/{periods["Quý II/2026"].GetProperty("id").GetInt64()}", Ct);
        var agencies = review.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("agencyId").GetInt64()).ToList();
        Assert.Contains(install.CommuneId, agencies);
        Assert.Contains(install.DepartmentId, agencies);
        // The district dissolved on 1/7/2025 leads the other tasks of 16-KL/BCĐ, but no longer exists to report.
        Assert.DoesNotContain(review.GetProperty("reports").EnumerateArray(), r => r.GetProperty("agency").GetString() == "Ủy ban nhân dân huyện Đức Trọng");

        // Opening again (as the background service does every round, on any instance) opens nothing new.
        Assert.Equal(0, await install.As(install.Secretariat).PostAsync("/api/reporting/open", null, Ct)
            .ContinueWith(t => t.Result.Content.ReadFromJsonAsync<int>(Ct), Ct).Unwrap());
    }

    [Fact]
    public async Task FourInstancesOpeningPeriodsAtOnce_OpenEachPeriodAndReportOnce()
    {
        await using (var setup = install.NewDb())
        {
            setup.ReportingRegimes.Add(new LoTrinh.Web.Features.Reporting.ReportingRegime
            {
                Name = "Báo cáo quý (mở đồng thời)",
                Kind = LoTrinh.Core.Reporting.RegimeKind.Periodic,
                Frequency = LoTrinh.Core.Reporting.ReportingFrequency.Quarter,
                CutOff = LoTrinh.Core.Reporting.CutOffRule.Decree09,
                DeadlineRule = LoTrinh.Core.Reporting.DeadlineRule.DayOfLastMonth,
                DeadlineValue = 20,
                DirectiveId = await setup.Directives.Where(d => d.Number == "16-KL/BCĐ").Select(d => d.Id).SingleAsync(Ct),
                Recipient = "Thường trực Ban Chỉ đạo",
                InForceFrom = new DateOnly(2026, 4, 1),
            });
            await setup.SaveChangesAsync(Ct);
        }

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = install.NewDb();
            return await LoTrinh.Web.Features.Reporting.ReportingCycle.OpenDueAsync(db, new DateOnly(2026, 6, 23), Ct);
        }));
        // Q2 and Q3 of the new regime, each opened by one of the four; every other regime's were open already.
        Assert.Equal(2, opened.Sum());
        await using var check = install.NewDb();
        var reports = await check.AgencyReports.Where(r => r.Period.Regime.Name == "Báo cáo quý (mở đồng thời)")
            .Select(r => new { r.PeriodId, r.AgencyId, Lines = r.Lines.Count }).ToListAsync(Ct);
        Assert.Equal(2, reports.Select(r => r.PeriodId).Distinct().Count());
        Assert.Contains(reports, r => r.AgencyId == install.CommuneId && r.Lines == install.LedByCommune.Count);
    }

    [Fact]
    public async Task TheCycle_DraftSubmitLateReturnApproveUnlock_AndApprovalReachesTheTasks()
    {
        var regime = await NewRegimeAsync("Báo cáo quý 16-KL/BCĐ (chu trình)");
        var id = await ReportOfAsync(regime, "Quý II/2026", install.CommuneId);
        var officer = install.As(install.LeadOfficer);
        var head = install.As(install.LeadHead);
        var secretariat = install.As(install.Secretariat);
        var report = await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct);
        var lines = report.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("taskId").GetInt64()).ToList();
        Assert.Equal(install.LedByCommune.Order(), lines.Order());
        var (first, second) = (install.LedByCommune[0], install.LedByCommune[1]);

        // A bad line writes nothing and names the task and the field.
        var bad = await officer.PutAsJsonAsync($"/api/reporting/reports/{id}", new
        {
            version = report.GetProperty("version").GetUInt32(),
            summary = "Tình hình chung",
            lines = new[] { Line(first, "in_progress", 140, null, "Đang làm"), Line(second, "completed", 100, "2026-07-01", "Xong") },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty($"lines[{first}].percent", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty($"lines[{second}].completedOn", out _), problem.ToString());
        Assert.Equal(JsonValueKind.Null, (await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct)).GetProperty("summary").ValueKind);

        var saved = await officer.PutAsJsonAsync($"/api/reporting/reports/{id}", new
        {
            version = report.GetProperty("version").GetUInt32(),
            summary = "Tình hình chung của quý",
            lines = new[] { Line(first, "in_progress", 60, null, "Đã lập hồ sơ, chờ thẩm định"), Line(second, "completed", 100, "2026-06-10", "Đã ban hành kế hoạch") },
        }, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        var version = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetUInt32();

        // An officer may not submit; the head submits, one working day after the due Monday.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/reporting/reports/{id}/submit", new { version }, Ct)).StatusCode);
        var submitted = await head.PostAsJsonAsync($"/api/reporting/reports/{id}/submit", new { version }, Ct);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));
        var afterSubmit = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("submitted", afterSubmit.GetProperty("state").GetString());
        Assert.Equal(1, afterSubmit.GetProperty("workingDaysLate").GetInt32());
        Assert.Contains("chờ thường trực", afterSubmit.GetProperty("locked").GetString(), StringComparison.Ordinal);

        // Submitted: locked for the agency, said why, nothing written.
        var locked = await officer.PutAsJsonAsync($"/api/reporting/reports/{id}", new { version = afterSubmit.GetProperty("version").GetUInt32(), summary = "sửa", lines = Array.Empty<object>() }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("chờ thường trực", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Returned only with a comment.
        version = afterSubmit.GetProperty("version").GetUInt32();
        var noComment = await secretariat.PostAsJsonAsync($"/api/reporting/reports/{id}/return", new { version, comment = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("comment", await noComment.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var returned = await (await secretariat.PostAsJsonAsync($"/api/reporting/reports/{id}/return", new { version, comment = "Bổ sung số liệu giải ngân" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("draft", returned.GetProperty("state").GetString());
        Assert.Equal(1, returned.GetProperty("timesReturned").GetInt32());
        Assert.Contains(returned.GetProperty("events").EnumerateArray(), e => e.GetProperty("comment").GetString() == "Bổ sung số liệu giải ngân");

        var again = await (await head.PostAsJsonAsync($"/api/reporting/reports/{id}/submit", new { version = returned.GetProperty("version").GetUInt32() }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var approved = await secretariat.PostAsJsonAsync($"/api/reporting/reports/{id}/approve", new { version = again.GetProperty("version").GetUInt32() }, Ct);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync(Ct));
        var afterApproval = await approved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("approved", afterApproval.GetProperty("state").GetString());
        Assert.Contains("phê duyệt và khóa", afterApproval.GetProperty("locked").GetString(), StringComparison.Ordinal);

        // The lead's lines reached its tasks: the completion, and the progress dated at the cut-off.
        var done = await secretariat.GetFromJsonAsync<JsonElement>($"/api/tasks/{second}", Ct);
        Assert.Equal("2026-06-10", done.GetProperty("completedOn").GetString());
        var going = await secretariat.GetFromJsonAsync<JsonElement>($"/api/tasks/{first}", Ct);
        var progress = going.GetProperty("progress").EnumerateArray().Single(p => p.GetProperty("text").GetString()!.Contains("chờ thẩm định", StringComparison.Ordinal));
        Assert.Equal("2026-06-14", progress.GetProperty("reportedOn").GetString());
        Assert.Equal(60, progress.GetProperty("percent").GetInt32());

        // Unlocking needs a reason, and only the secretariat gives it.
        var v = afterApproval.GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync($"/api/reporting/reports/{id}/unlock", new { version = v, comment = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PostAsJsonAsync($"/api/reporting/reports/{id}/unlock", new { version = v }, Ct)).StatusCode);
        var unlocked = await (await secretariat.PostAsJsonAsync($"/api/reporting/reports/{id}/unlock", new { version = v, comment = "Sai ngày hoàn thành" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("draft", unlocked.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, unlocked.GetProperty("locked").ValueKind);
    }

    [Fact]
    public async Task TwoOfficersSavingFromTheSameReading_TheSecondIsRefused_AndTheFirstStands()
    {
        var regime = await NewRegimeAsync("Báo cáo quý 16-KL/BCĐ (đồng thời)");
        var id = await ReportOfAsync(regime, "Quý III/2026", install.CommuneId);
        var officer = install.As(install.LeadOfficer);
        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct);
        var version = read.GetProperty("version").GetUInt32();
        var task = install.LedByCommune[0];
        var first = await officer.PutAsJsonAsync($"/api/reporting/reports/{id}", new { version, summary = "Lần một", lines = new[] { Line(task, "in_progress", 10, null, "một") } }, Ct);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync(Ct));
        var second = await officer.PutAsJsonAsync($"/api/reporting/reports/{id}", new { version, summary = "Lần hai", lines = new[] { Line(task, "in_progress", 20, null, "hai") } }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var now = await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct);
        Assert.Equal("Lần một", now.GetProperty("summary").GetString());
        Assert.Equal(10, now.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("taskId").GetInt64() == task).GetProperty("percent").GetInt32());
    }

    [Fact]
    public async Task AnotherAgencysReport_IsNotFound_AndItsTaskCannotBeSlippedIn()
    {
        var regime = await NewRegimeAsync("Báo cáo quý 16-KL/BCĐ (phạm vi)");
        var communes = await ReportOfAsync(regime, "Quý II/2026", install.CommuneId);
        var departments = await ReportOfAsync(regime, "Quý II/2026", install.DepartmentId);
        var cooperating = install.As(install.CooperatingOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await cooperating.GetAsync($"/api/reporting/reports/{communes}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cooperating.PutAsJsonAsync($"/api/reporting/reports/{communes}", new { version = 0, lines = Array.Empty<object>() }, Ct)).StatusCode);

        // Its own report has its own tasks only: a task it has no part in is refused by name.
        var own = await cooperating.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{departments}", Ct);
        var roles = own.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("taskId").GetInt64(), l => l.GetProperty("role").GetString());
        Assert.Equal("lead", roles[install.LedByDepartment]);
        Assert.Equal("cooperating", roles[install.LedByCommune[0]]);
        var stranger = await install.NewTaskOfOtherAgencyAsync();
        var slipped = await cooperating.PutAsJsonAsync($"/api/reporting/reports/{departments}",
            new { version = own.GetProperty("version").GetUInt32(), lines = new[] { Line(stranger, "completed", 100, "2026-06-01", "x") } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, slipped.StatusCode);
        Assert.Contains($"#{stranger}", await slipped.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLeadSeesTheCooperatingAgencysPart_BesideItsOwnLine()
    {
        var regime = await NewRegimeAsync("Báo cáo quý 16-KL/BCĐ (phối hợp)");
        var communes = await ReportOfAsync(regime, "Quý II/2026", install.CommuneId);
        var departments = await ReportOfAsync(regime, "Quý II/2026", install.DepartmentId);
        var cooperating = install.As(install.CooperatingOfficer);
        var own = await cooperating.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{departments}", Ct);
        var task = install.LedByCommune[0];
        var saved = await cooperating.PutAsJsonAsync($"/api/reporting/reports/{departments}",
            new { version = own.GetProperty("version").GetUInt32(), lines = new[] { Line(task, "in_progress", 40, null, "Sở đã góp ý quy hoạch") } }, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));

        var lead = await install.As(install.LeadOfficer).GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{communes}", Ct);
        var part = lead.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("taskId").GetInt64() == task).GetProperty("parts").EnumerateArray().Single();
        Assert.Equal(ReportingInstall.Department, part.GetProperty("agency").GetString());
        Assert.Equal("Sở đã góp ý quy hoạch", part.GetProperty("progress").GetString());
    }

    [Fact]
    public async Task ClosingAPeriod_LocksItsReports_SayingWhy_AndReopeningNeedsAReason()
    {
        var regime = await NewRegimeAsync("Báo cáo quý 16-KL/BCĐ (đóng kỳ)");
        var period = regime.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "Quý II/2026").GetProperty("id").GetInt64();
        var id = await ReportOfAsync(regime, "Quý II/2026", install.CommuneId);
        var secretariat = install.As(install.Secretariat);
        Assert.Equal(HttpStatusCode.Forbidden, (await install.As(install.LeadHead).PostAsJsonAsync($"/api/reporting/periods/{period}/close", new { comment = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PostAsJsonAsync($"/api/reporting/periods/{period}/close", new { }, Ct)).StatusCode);
        Assert.True((await secretariat.PostAsJsonAsync($"/api/reporting/periods/{period}/close", new { comment = "Đã tổng hợp báo cáo quý" }, Ct)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsJsonAsync($"/api/reporting/periods/{period}/close", new { comment = "lần nữa" }, Ct)).StatusCode);
        var report = await install.As(install.LeadOfficer).GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct);
        Assert.Contains("Kỳ báo cáo đã đóng", report.GetProperty("locked").GetString(), StringComparison.Ordinal);
        var refused = await install.As(install.LeadOfficer).PutAsJsonAsync($"/api/reporting/reports/{id}", new { version = report.GetProperty("version").GetUInt32(), summary = "muộn" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PostAsJsonAsync($"/api/reporting/periods/{period}/reopen", new { }, Ct)).StatusCode);
        Assert.True((await secretariat.PostAsJsonAsync($"/api/reporting/periods/{period}/reopen", new { comment = "Gia hạn theo chỉ đạo" }, Ct)).IsSuccessStatusCode);
        var reopened = await install.As(install.LeadOfficer).GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("locked").ValueKind);
        Assert.Contains(reopened.GetProperty("events").EnumerateArray(), e => e.GetProperty("comment").GetString() == "Gia hạn theo chỉ đạo");
    }

    public static TheoryData<string, object, string> BadRegimes => new()
    {
        { "hạn gửi ngày 14, trước ngày chốt", new { name = "x", frequency = "quarter", deadlineValue = 14, directive = "16-KL/BCĐ", recipient = "BCĐ" }, "deadlineValue" },
        { "tháng dương lịch với hạn theo ngày", new { name = "x", frequency = "month", cutOff = "calendar", deadlineValue = 20, directive = "16-KL/BCĐ", recipient = "BCĐ" }, "deadlineValue" },
        { "kỳ không có", new { name = "x", frequency = "fortnight", deadlineValue = 20, directive = "16-KL/BCĐ", recipient = "BCĐ" }, "frequency" },
        { "văn bản không có", new { name = "x", frequency = "quarter", deadlineValue = 20, directive = "99/KH-XYZ", recipient = "BCĐ" }, "directive" },
        { "đột xuất, hạn trước ngày chốt", new { name = "x", kind = "ad_hoc", directive = "16-KL/BCĐ", recipient = "BCĐ", windowFrom = "01/05/2026", windowTo = "31/05/2026", dueOn = "30/05/2026" }, "dueOn" },
        { "ngày không có thật", new { name = "x", kind = "thematic", directive = "16-KL/BCĐ", recipient = "BCĐ", windowFrom = "31/02/2026", windowTo = "31/05/2026", dueOn = "05/06/2026" }, "windowFrom" },
        { "thiếu tên", new { name = "  ", frequency = "quarter", deadlineValue = 20, directive = "16-KL/BCĐ", recipient = "BCĐ" }, "name" },
    };

    [Theory]
    [MemberData(nameof(BadRegimes))]
    public async Task ABadRegime_IsRefused_NamingTheField_AndNothingIsWritten(string why, object body, string field)
    {
        var secretariat = install.As(install.Secretariat);
        var before = (await secretariat.GetFromJsonAsync<JsonElement>("/api/reporting/regimes", Ct)).GetArrayLength();
        var response = await secretariat.PostAsJsonAsync("/api/reporting/regimes", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {problem}");
        Assert.Equal(before, (await secretariat.GetFromJsonAsync<JsonElement>("/api/reporting/regimes", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task ANulByteOrAHugeNumber_IsRefusedWithAMessage_AndNothingIsWritten()
    {
        var secretariat = install.As(install.Secretariat);
        var before = (await secretariat.GetFromJsonAsync<JsonElement>("/api/reporting/regimes", Ct)).GetArrayLength();
        var nul = await secretariat.PostAsJsonAsync("/api/reporting/regimes", new { name = "Báo cáo\u0000", frequency = "quarter", deadlineValue = 20, directive = "16-KL/BCĐ", recipient = "BCĐ" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        using var huge = new StringContent("""{"name":"x","frequency":"quarter","deadlineValue":99999999999999,"directive":"16-KL/BCĐ","recipient":"BCĐ"}""",
            System.Text.Encoding.UTF8, "application/json");
        var tooBig = await secretariat.PostAsync("/api/reporting/regimes", huge, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (await secretariat.GetFromJsonAsync<JsonElement>("/api/reporting/regimes", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task AnAdHocReport_HasTheOnePeriodTheSecretariatSets()
    {
        var regime = await NewRegimeAsync("x", new
        {
            name = "Báo cáo đột xuất về giải phóng mặt bằng",
            kind = "ad_hoc",
            directive = "16-KL/BCĐ",
            recipient = "Thường trực Huyện ủy",
            windowFrom = "01/05/2026",
            windowTo = "31/05/2026",
            dueOn = "05/06/2026",
        });
        var period = Assert.Single(regime.GetProperty("periods").EnumerateArray());
        Assert.Equal("2026-06-05", period.GetProperty("dueOn").GetString());
        Assert.Equal("theo yêu cầu", regime.GetProperty("deadline").GetString());
        Assert.True(period.GetProperty("expected").GetInt32() >= 2);
    }

    [Fact]
    public async Task TheCalendar_2026AsAnnounced_2027Foreseen_AndAnAdministratorEntersAYear()
    {
        var anyone = new HttpClient { BaseAddress = new Uri(install.Server.BaseUrl) };
        var year2026 = await anyone.GetFromJsonAsync<JsonElement>("/api/calendar/2026", Ct);
        Assert.Equal("announced", year2026.GetProperty("origin").GetString());
        Assert.Equal(250, year2026.GetProperty("workingDays").GetInt32());
        var year2027 = await anyone.GetFromJsonAsync<JsonElement>("/api/calendar/2027", Ct);
        Assert.True(year2027.GetProperty("provisional").GetBoolean());
        Assert.Contains(year2027.GetProperty("days").EnumerateArray(), d => d.GetProperty("date").GetString() == "2027-02-10");

        var admin = install.As(install.Administrator);
        Assert.Equal(HttpStatusCode.Forbidden, (await install.As(install.Secretariat).PutAsJsonAsync("/api/calendar/2027", new { source = "x", days = Array.Empty<object>() }, Ct)).StatusCode);
        var weekendOff = await admin.PutAsJsonAsync("/api/calendar/2027", new { source = "TB 1/TB-VPCP", days = new[] { new { date = "2027-02-06", kind = "off", note = "Tết" } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, weekendOff.StatusCode);
        Assert.Contains("days[0].date", await weekendOff.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("provisional", (await anyone.GetFromJsonAsync<JsonElement>("/api/calendar/2027", Ct)).GetProperty("origin").GetString());

        var entered = await admin.PutAsJsonAsync("/api/calendar/2027", new
        {
            source = "Thông báo lịch nghỉ năm 2027",
            days = new[] { new { date = "2027-02-05", kind = "off", note = "Tết Nguyên đán" }, new { date = "2027-02-20", kind = "working", note = "Làm bù" } },
        }, Ct);
        Assert.True(entered.IsSuccessStatusCode, await entered.Content.ReadAsStringAsync(Ct));
        var now = await entered.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("entered", now.GetProperty("origin").GetString());
        Assert.Equal(2, now.GetProperty("days").GetArrayLength());
        Assert.True((await admin.DeleteAsync("/api/calendar/2027", Ct)).IsSuccessStatusCode);
        Assert.Equal("provisional", (await anyone.GetFromJsonAsync<JsonElement>("/api/calendar/2027", Ct)).GetProperty("origin").GetString());
    }

    [Fact]
    public async Task OpenApi_DeclaresTheBearerScheme_AndTheErrorsOfTheReportingEndpoints()
    {
        var document = await new HttpClient { BaseAddress = new Uri(install.Server.BaseUrl) }.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var put = document.GetProperty("paths").GetProperty("/api/reporting/reports/{id}").GetProperty("put");
        foreach (var status in new[] { "200", "400", "401", "403", "404", "409" })
        {
            Assert.True(put.GetProperty("responses").TryGetProperty(status, out _), $"PUT /api/reporting/reports/{{id}} declares {status}");
        }

        Assert.Contains(put.GetProperty("security").EnumerateArray(), s => s.TryGetProperty("Bearer", out _));
        var published = document.GetProperty("paths").GetProperty("/api/calendar/{year}").GetProperty("get");
        Assert.False(published.TryGetProperty("security", out _));
    }
}
