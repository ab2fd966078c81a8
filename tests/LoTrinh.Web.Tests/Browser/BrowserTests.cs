using LoTrinh.Core.Accounts;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LoTrinh.Web.Tests.Browser;

/// <summary>
/// The flows a person does, in Debian's Chromium. The app runs as its own process on a loopback port
/// against the test database, as it runs in production.
/// </summary>
public sealed class BrowserTests(AppFixture app) : IAsyncLifetime
{
    private AppServer? _app;
    private IBrowser _browser = null!;
    private string _baseUrl = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _app = await AppServer.StartAsync(app.AppConnectionString);
        _browser = _app.Browser;
        _baseUrl = _app.BaseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Officer_FindsAnOverdueTaskAndReportsProgress()
    {
        var officer = await TestAccount.CreateAsync(app.ConnectionString, Role.AgencyOfficer, AppFixture.OtherAgency);
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _baseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await AppServer.SignInAsync(page, officer);

        await page.GotoAsync("/Tasks?asOf=2024-06-30&status=in_progress_overdue");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Quy hoạch Liên Nghĩa mở rộng") }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Đang thực hiện quá hạn");

        await page.GetByLabel("Nội dung").FillAsync("Đã hoàn thiện hồ sơ, chờ thẩm định");
        await page.GetByLabel("Tỷ lệ hoàn thành (%)").FillAsync("70");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo tiến độ" }).ClickAsync();

        await Assertions.Expect(page.Locator("#progress")).ToContainTextAsync("Đã hoàn thiện hồ sơ, chờ thẩm định");
        await Assertions.Expect(page.Locator("#progress")).ToContainTextAsync(officer.DisplayName);
    }

    [Fact]
    public async Task Secretariat_AssessesDucTrong_SeesWhatItLacksAndWhereTheNumbersComeFrom()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _baseUrl });
        await AppServer.SignInAsync(page, app.Accounts[Role.Secretariat]);

        await page.GotoAsync("/Classification");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đô thị Đức Trọng" }).ClickAsync();
        await Assertions.Expect(page.Locator("#targets")).ToContainTextAsync("3316/KH-UBND");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập số liệu đánh giá" }).ClickAsync();

        // Today's basis (NQ 111/2025) and the next class the programme aims at (its 2030 target, class II today).
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Đánh giá Đô thị Đức Trọng");
        await Assertions.Expect(page.Locator("hgroup p")).ToContainTextAsync("Đô thị loại II");
        // The seeds' density (1,286 per km²) is the former district's, a larger unit than today's commune: not offered.
        await Assertions.Expect(page.Locator("#value\\:2A\\.II\\.04")).ToHaveValueAsync("");
        await page.Locator("#value\\:2A\\.II\\.04").FillAsync("1.286");

        // A value of the wrong kind is refused beside its field, nothing saved.
        await page.Locator("#value\\:2A\\.II\\.05").FillAsync("nhiều");
        await page.GetByLabel("Người đánh giá").FillAsync("Nguyễn Văn C");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chấm điểm và lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Chưa lưu");
        await Assertions.Expect(page.Locator("#assessment-form")).ToContainTextAsync("2A.II.05: cần một số");

        await page.Locator("#value\\:2A\\.II\\.05").FillAsync("58,5");
        await page.Locator("#value\\:2A\\.I\\.01").SelectOptionAsync("Cấp tỉnh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chấm điểm và lưu" }).ClickAsync();

        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("Không đạt");
        await Assertions.Expect(page.Locator("#group-chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gaps")).ToContainTextAsync("2A.II.05");
        await Assertions.Expect(page.Locator("#gaps")).ToContainTextAsync("chưa có số liệu");
        await Assertions.Expect(page.Locator("#basis-notice")).ToContainTextAsync("Nguồn thứ cấp");
        await Assertions.Expect(page.Locator("#provenance")).ToContainTextAsync("Công cụ chấm điểm phân loại đô thị công khai");
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("Chưa áp dụng điều chỉnh");

        await page.GetByRole(AriaRole.Link, new() { Name = "về trang đô thị" }).ClickAsync();
        await Assertions.Expect(page.Locator("#assessments")).ToContainTextAsync("Nguyễn Văn C");
    }

    [Fact]
    public async Task Secretariat_AddsAnUrbanArea_AssessesAUnitAgainst112_ComparesTwoAssessmentsOfDucTrong()
    {
        var ct = TestContext.Current.CancellationToken;
        long ducTrong, commune;
        await using (var db = app.NewDb())
        {
            ducTrong = await db.UrbanAreas.Where(a => a.Name == "Đô thị Đức Trọng (Liên Nghĩa)").Select(a => a.Id).SingleAsync(ct);
            commune = await db.Units.Where(u => u.Name == "Xã Đức Trọng" && u.ValidTo == null).Select(u => u.Id).SingleAsync(ct);
        }

        // Two earlier reviews of Đức Trọng, the second with one standard raised to its maximum.
        var set = LoTrinh.Core.Classification.CriteriaSetReader.BuiltIn.Single(s => s.Basis == "111/2025");
        var values = set.StandardsFor("III").ToDictionary(s => s.Code, s => s.ThresholdFor("III")!.Min!.ToJsonValue());
        var raised = set.StandardsFor("III").First(s => s.Kind == LoTrinh.Core.Classification.StandardKind.Higher && s.ThresholdFor("III")!.Max is not null);
        using var client = app.Client();
        foreach (var (on, v) in new[] { ("2026-03-03", values), ("2026-04-04", new Dictionary<string, object>(values) { [raised.Code] = raised.ThresholdFor("III")!.Max!.ToJsonValue() }) })
        {
            using var r = await client.PostAsJsonAsync($"/api/urban-areas/{ducTrong}/assessments", new { basis = "111/2025", @class = "III", assessedOn = on, assessedBy = "Đoàn kiểm tra", values = v }, ct);
            Assert.Equal(System.Net.HttpStatusCode.Created, r.StatusCode);
        }

        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _baseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await AppServer.SignInAsync(page, app.Accounts[Role.Secretariat]);
        try
        {
            // The register: add an urban area with the class a source attests.
            await page.GotoAsync("/Classification");
            await Assertions.Expect(page.Locator("#by-class")).ToContainTextAsync("Đô thị loại V: 12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Thêm đô thị" }).ClickAsync();
            await page.GetByLabel("Tên đô thị").FillAsync("Đô thị Hiệp Thạnh (trình duyệt)");
            await page.GetByLabel("Đơn vị hành chính hiện nay").SelectOptionAsync(new SelectOptionValue { Label = "Xã Hiệp Thạnh" });
            await page.GetByLabel("Loại đô thị").SelectOptionAsync(new SelectOptionValue { Label = "Đô thị loại V — NQ 1210/2016" });
            await page.GetByLabel("Tính từ ngày").FillAsync("01/08/2025");
            await page.GetByLabel("Nguồn", new() { Exact = true }).FillAsync("Kiểm thử trình duyệt");
            await page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào sổ đô thị" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đô thị Hiệp Thạnh (trình duyệt)");
            await Assertions.Expect(page.Locator("#class-history")).ToContainTextAsync("01/08/2025");
            await page.GotoAsync("/Classification");
            await Assertions.Expect(page.Locator("#by-class")).ToContainTextAsync("Đô thị loại V: 13");

            // An administrative unit against NQ 112/2025 (the unit standards), from its own page.
            await page.GotoAsync($"/Units/Details/{commune}");
            await page.Locator("#unit-assess-form").GetByLabel("Loại đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "Xã miền núi, vùng cao — NQ 112/2025" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập số liệu đánh giá" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Đánh giá Xã Đức Trọng");
            await page.GetByLabel("Người đánh giá").FillAsync("Phòng Nội vụ");
            await page.GetByRole(AriaRole.Button, new() { Name = "Chấm điểm và lưu" }).ClickAsync();
            await Assertions.Expect(page.Locator("#basis-notice")).ToContainTextAsync("112/2025");
            await page.GetByRole(AriaRole.Link, new() { Name = "về trang đơn vị" }).ClickAsync();
            await Assertions.Expect(page.Locator("#unit-assessments #assessments")).ToContainTextAsync("Phòng Nội vụ");

            // Two assessments of Đức Trọng side by side.
            await page.GotoAsync($"/Classification/Area/{ducTrong}");
            await page.GetByLabel("So sánh đánh giá ngày 03/03/2026").CheckAsync();
            await page.GetByLabel("So sánh đánh giá ngày 04/04/2026").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "So sánh hai lần đánh giá đã chọn" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("So sánh đánh giá Đô thị Đức Trọng");
            await Assertions.Expect(page.Locator("#standard-changes")).ToContainTextAsync(raised.Code);
            await Assertions.Expect(page.Locator("#standard-changes")).ToContainTextAsync("Tốt lên");
        }
        finally
        {
            await using var db = app.NewDb();
            await db.UrbanAreas.Where(a => a.Name == "Đô thị Hiệp Thạnh (trình duyệt)").ExecuteDeleteAsync(ct);
            await db.Assessments.Where(a => a.AssessedBy == "Đoàn kiểm tra" || a.AssessedBy == "Phòng Nội vụ").ExecuteDeleteAsync(ct);
        }
    }

    [Fact]
    public async Task Leadership_FollowsTheCascadeToATargetOffTrack()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _baseUrl });
        await AppServer.SignInAsync(page, app.Accounts[Role.Leadership]);

        await page.GotoAsync("/Directives");
        await page.Locator("#cascade").GetByRole(AriaRole.Link, new() { Name = "29-CTr/TU" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Chương trình hành động số 29-CTr/TU");
        var row = page.Locator("#targets tr", new() { HasText = "trên 58,8 %" });
        await Assertions.Expect(row).ToContainTextAsync("Chệch lộ trình");
        // 2025 is over: that target is judged on a 2025 figure, of which there is none, not projected.
        await Assertions.Expect(page.Locator("#targets tr", new() { HasText = "trên 54 %" })).ToContainTextAsync("chưa có số liệu của năm đó");
        await Assertions.Expect(page.Locator(".doc-text")).ToContainTextAsync("MỤC TIÊU CỤ THỂ");
        foreach (var asset in new[] { "/lib/pico.min.css", "/lib/htmx.min.js", "/css/site.css" })
        {
            Assert.True((await page.APIRequest.GetAsync(asset)).Ok, $"{asset} is served");
        }
    }

    [Fact]
    public async Task Secretariat_SignsInEditsATask_AndSeesTheChangeInItsHistoryWithTheirName()
    {
        var secretariat = app.Accounts[Role.Secretariat];
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _baseUrl });
        await AppServer.SignInAsync(page, secretariat);

        // A task of its own: the seeded ones are read by other tests as loaded.
        var id = await app.NewTaskAsync(AppFixture.OtherAgency);
        await page.GotoAsync($"/Tasks/Details/{id}");
        await page.Locator("#edit-task").ClickAsync();
        await page.GetByLabel("Thời hạn").FillAsync("Quý IV/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();

        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("Quý IV/2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử thay đổi" }).ClickAsync();
        var latest = page.Locator("#history tbody tr").First;
        await Assertions.Expect(latest).ToContainTextAsync(secretariat.DisplayName);
        await Assertions.Expect(latest).ToContainTextAsync("Sửa nhiệm vụ");
        await Assertions.Expect(latest).ToContainTextAsync("Quý IV/2026");
        await Assertions.Expect(latest).ToContainTextAsync("Ngày đến hạn");
        await Assertions.Expect(latest).ToContainTextAsync("31/12/2026");
    }
}
