using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Faults;
using Microsoft.Playwright;
using Npgsql;

namespace LoTrinh.Web.Tests.Browser;

/// <summary>
/// The secretariat assigns a batch of tasks through the page, and a person on a phone reads the home page,
/// the task board and a task: in Chromium, on a database of its own (the assignment changes seeded tasks).
/// </summary>
public sealed class IntoUseBrowserTests(AppFixture app) : IAsyncLifetime
{
    private AppServer _server = null!;
    private string _database = string.Empty;
    private TestAccount _secretariat = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await app.CreateProgrammeDatabaseAsync();
        _secretariat = await TestAccount.CreateAsync(app.ServingConnection(_database), Role.Secretariat, null);
        // Any list over 20 rows is exported in the background here, 7 rows a query, so the seeds' lists show it.
        _server = await AppServer.StartAsync(app.ServingConnection(_database),
            environment: new Dictionary<string, string> { ["Exports__DirectRows"] = "20", ["Exports__PollMilliseconds"] = "200", ["Exports__ChunkRows"] = "7" });
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Secretariat_FiltersTasksToAssignFor29CTrTU_AssignsTenToSoXayDung_ByQuyIV2026_CitingADecision()
    {
        var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl });
        await AppServer.SignInAsync(page, _secretariat);

        // The page's scripts run under its content security policy: nothing refused, nothing thrown.
        var faults = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { faults.Add(message.Text + " " + message.Location); } };
        page.Response += (_, response) => { if (response.Status >= 400) { faults.Add($"{response.Status} {response.Url}"); } };
        page.PageError += (_, error) => faults.Add(error);
        await page.GotoAsync("/Tasks/Assign");
        // The pickers search as one types: the directive by its number, the agency by its name.
        await AppServer.PickAsync(page, "directive", "29-CTr", "29-CTr/TU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var boxes = page.Locator("#unassigned input[type=checkbox]");
        Assert.True(await boxes.CountAsync() >= 10, "29-CTr/TU has at least 10 tasks to assign");
        var chosen = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            await boxes.Nth(i).CheckAsync();
            chosen.Add((await boxes.Nth(i).GetAttributeAsync("value"))!);
        }

        // The plain fields first: a picker whose late search results arrive may take the focus back, and
        // what is typed next would land in it.
        await page.Locator("input[name=Deadline]").FillAsync("Quý IV/2026");
        await page.GetByLabel("Số văn bản phân công (nếu có)").FillAsync("125/QĐ-UBND");
        await page.GetByLabel("Ngày văn bản", new() { Exact = true }).FillAsync("20/11/2026");
        // The merged province's department (from 1/7/2025), told apart from the old one by its unit; the
        // dissolved one is not offered.
        var offered = await AppServer.PickAsync(page, "Lead", "xây dựng", "Sở Xây dựng tỉnh Lâm Đồng");
        Assert.DoesNotContain(offered, o => o.Contains("(đến", StringComparison.Ordinal));
        await AppServer.PickAsync(page, "Cooperating", "đức trọng", "Ủy ban nhân dân xã Đức Trọng");
        await Assertions.Expect(page.Locator("input[name=Deadline]")).ToHaveValueAsync("Quý IV/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phân công các nhiệm vụ đã chọn" }).ClickAsync();
        await Assertions.Expect(page.Locator("#assigned")).ToContainTextAsync("Đã phân công 10 nhiệm vụ");
        Assert.True(faults.Count == 0, string.Join("\n", faults));

        // The board shows them with their lead and deadline.
        await page.GotoAsync("/Tasks?q=&directive=" + await DirectiveIdAsync("29-CTr/TU"));
        foreach (var id in chosen)
        {
            var row = page.Locator($"table.tasks tr:has(a[href='/Tasks/Details/{id}'])");
            await Assertions.Expect(row).ToContainTextAsync("Sở Xây dựng tỉnh Lâm Đồng");
            await Assertions.Expect(row).ToContainTextAsync("Quý IV/2026 (31/12/2026)");
            await Assertions.Expect(row).ToContainTextAsync("Phối hợp: UBND xã Đức Trọng");
        }

        // Each task's history says who assigned it, by which decision.
        foreach (var id in chosen.Take(3))
        {
            await page.GotoAsync($"/History/task/{id}");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("125/QĐ-UBND");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(_secretariat.DisplayName);
        }
    }

    [Fact]
    public async Task OnAPhone_HomeTheTaskBoardAndATask_NeedNoSidewaysScrolling_AndTheMenuOpens()
    {
        var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await AppServer.SignInAsync(page, _secretariat);
        var owner = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = _database }.ConnectionString;
        var task = await FaultHelpers.ScalarAsync(owner, "select min(id) from task_item");

        foreach (var url in new[] { "/", "/Tasks", $"/Tasks/Details/{task}", "/Directives" })
        {
            await page.GotoAsync(url);
            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var width = await page.EvaluateAsync<int>("() => window.innerWidth");
            Assert.True(scroll <= width, $"{url}: page is {scroll} px wide in a {width} px window");
        }

        // The links are behind the menu button, and it opens them.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Phân công" })).ToBeHiddenAsync();
        await page.Locator("label.menu-button").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Phân công" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Secretariat_OnAPhone_DownloadsTheReportOf29CTrTU_AfterADateNotYetCome_AndTheFormNamesAnUnknownPlaceholder()
    {
        var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, AcceptDownloads = true });
        await AppServer.SignInAsync(page, _secretariat);
        await page.GotoAsync("/");
        await page.Locator("label.menu-button").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lập báo cáo" }).ClickAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the report page fits a phone");

        // A cut-off not yet come is named beside its field, and nothing is downloaded.
        await page.GetByLabel("Văn bản (số, ví dụ 29-CTr/TU, hoặc mã)").FillAsync("29-CTr/TU");
        await page.GetByLabel("Số liệu chốt đến ngày").FillAsync("2150-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải báo cáo (DOCX)" }).ClickAsync();
        await Assertions.Expect(page.Locator("[aria-invalid=true][name=AsOf]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("chưa đến")).ToBeVisibleAsync();

        await page.GetByLabel("Số liệu chốt đến ngày").FillAsync("2024-06-30");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tải báo cáo (DOCX)" }).ClickAsync());
        Assert.EndsWith("-2024-06-30.docx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = await download.PathAsync();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false))
        {
            Assert.Contains("Chương trình", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        // The form: a name the report cannot fill is listed by name, and the form is not saved.
        await page.GotoAsync("/ProgressReports/Form");
        var body = page.Locator("textarea[name=Body]");
        await body.FillAsync(await body.InputValueAsync() + "\nSố liệu mới: {so_lieu_moi}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu mẫu báo cáo" }).ClickAsync();
        await Assertions.Expect(page.GetByText("{so_lieu_moi}").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[aria-invalid=true][name=Body]")).ToBeVisibleAsync();
        await page.GotoAsync("/ProgressReports/Form");
        Assert.DoesNotContain("so_lieu_moi", await body.InputValueAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secretariat_ExportsALongTaskList_SeesItsProgress_AndDownloadsTheFile()
    {
        var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl, AcceptDownloads = true });
        await AppServer.SignInAsync(page, _secretariat);
        await page.GotoAsync("/Tasks?asOf=2024-06-30");
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(await page.Locator("#export").InnerTextAsync(), @"\((\d+) nhiệm vụ\)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 20, "the seeds' list is longer than this server writes at once");

        // Longer than the server writes while a request waits: the list goes to the background, and its page shows how far it is.
        await page.GetByRole(AriaRole.Link, new() { Name = "Excel (.xlsx)" }).ClickAsync();
        await page.WaitForURLAsync("**/Exports/Details/**");
        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Tải về nhiem-vu-") });
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("progress")).ToHaveAttributeAsync("value", "100");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("nhiem-vu-2024-06-30.xlsx", download.SuggestedFilename);
        // Read 7 rows at a time, the file is still the list: every task once, in the list's order.
        var ids = MiniExcelLibs.MiniExcel.Query(await download.PathAsync(), useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => Convert.ToInt64(r["Mã"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var listed = await (await page.APIRequest.GetAsync("/api/tasks?asOf=2024-06-30&pageSize=1000")).JsonAsync();
        Assert.Equal(listed!.Value.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()), ids);
        Assert.Equal(total, ids.Count);
    }

    [Fact]
    public async Task Secretariat_DeletesATaskAfterConfirming_AndRestoresIt()
    {
        var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl });
        await AppServer.SignInAsync(page, _secretariat);
        var owner = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = _database }.ConnectionString;
        var task = await FaultHelpers.ScalarAsync(owner, "select max(id) from task_item");

        await page.GotoAsync($"/Tasks/Details/{task}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận xóa nhiệm vụ này" })).ToBeHiddenAsync();
        await page.GetByText("Xóa nhiệm vụ…").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận xóa nhiệm vụ này" }).ClickAsync();
        await Assertions.Expect(page.Locator("#deleted")).ToContainTextAsync("Đã xóa nhiệm vụ");
        Assert.Equal(1, await FaultHelpers.ScalarAsync(owner, "select count(*) from task_item where id = $1 and deleted_at is not null", task));

        await page.GetByRole(AriaRole.Button, new() { Name = "Khôi phục nhiệm vụ này" }).ClickAsync();
        await Assertions.Expect(page.Locator("#task-text")).ToBeVisibleAsync();
        Assert.Equal(1, await FaultHelpers.ScalarAsync(owner, "select count(*) from task_item where id = $1 and deleted_at is null", task));
        await page.GotoAsync($"/History/task/{task}");
        await Assertions.Expect(page.Locator("#history tbody tr").First).ToContainTextAsync("Khôi phục");
    }

    [Fact]
    public async Task Leadership_OnTheDashboardAsOf30June2024_Sees16KLTaskOverdue90Days_AndTheAgencysOverdueCountOpensExactlyThoseTasks()
    {
        var leader = await TestAccount.CreateAsync(app.ServingConnection(_database), Role.Leadership, null);
        var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl });
        var faults = new List<string>();
        page.PageError += (_, error) => faults.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") { faults.Add(message.Text); } };
        await AppServer.SignInAsync(page, leader);

        await page.GotoAsync("/");
        // Below the dashboard, the programme's lists arrive in a second request.
        await Assertions.Expect(page.Locator("#programme li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#targets tbody tr").First).ToBeVisibleAsync();
        await page.Locator("#dashboard-date input[name=asOf]").FillAsync("30/06/2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("30/06/2024");

        // The 16-KL/BCĐ task due "Quý I/2024": 31/3/2024 is a Sunday, so it ends Monday 1/4 (Điều 148 BLDS) and is
        // 90 days overdue on 30/6; its lead named.
        var row = page.Locator("#overdue tbody tr").Filter(new() { HasText = "16-KL/BCĐ" }).Filter(new() { HasText = "Quý I/2024" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td[data-label='Thời hạn']")).ToContainTextAsync("31/03/2024");
        await Assertions.Expect(row.Locator("td[data-label='Thời hạn']")).ToContainTextAsync("tính đến 01/04/2024");
        await Assertions.Expect(row.Locator("td[data-label='Số ngày quá hạn']")).ToHaveTextAsync("90");
        var lead = row.Locator("td[data-label='Cơ quan chủ trì'] a");
        await Assertions.Expect(lead).ToContainTextAsync("Đức Trọng");
        var agencyId = (await lead.GetAttributeAsync("href"))!.Split('/').Last();

        // That agency's overdue count opens the board with exactly those tasks.
        var agencyRow = page.Locator("#agencies tbody tr").Filter(new() { Has = page.Locator($"a[href='/Agencies/Details/{agencyId}']") });
        var count = int.Parse(await agencyRow.Locator("a.overdue-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        // The heat table splits that count by directive (the programme has fewer directives than the table's columns).
        var heatRow = page.Locator("#overdue-heat tbody tr").Filter(new() { Has = page.Locator($"a[href='/Agencies/Details/{agencyId}']") });
        var cells = await heatRow.Locator("td").AllInnerTextsAsync();
        Assert.Equal(count, cells.Sum(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
        await agencyRow.Locator("a.overdue-count").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Tasks\\?asOf=2024-06-30&status=in_progress_overdue&agency=" + agencyId));
        var shown = (await page.Locator("table.tasks a[href^='/Tasks/Details/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Select(h => long.Parse(h.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        var expected = new List<long>();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = _database }.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("""
                select t.id from task_item t join task_agency a on a.task_id = t.id and a.role = 'lead' and a.agency_id = $1
                 where t.deleted_at is null and t.due_rolled_on < date '2024-06-30' and (t.completed_on is null or t.completed_on > date '2024-06-30')
                   and not (t.deadline_precision = 'recurring' and t.deadline_text is not null)
                 order by t.id
                """, connection)
            {
                Parameters = { new() { Value = long.Parse(agencyId, System.Globalization.CultureInfo.InvariantCulture) } },
            };
            await using var ids = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await ids.ReadAsync(TestContext.Current.CancellationToken))
            {
                expected.Add(ids.GetInt64(0));
            }
        }

        Assert.Equal(expected, shown);
        Assert.Equal(count, shown.Count);
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task Leadership_ComparingWithTheLastMeeting_SeesWhatChanged_The16KLTaskBecameOverdue_OnAPhone()
    {
        var leader = await TestAccount.CreateAsync(app.ServingConnection(_database), Role.Leadership, null);
        var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var faults = new List<string>();
        page.PageError += (_, error) => faults.Add(error);
        await AppServer.SignInAsync(page, leader);

        await page.GotoAsync("/");
        await page.Locator("#dashboard-date input[name=asOf]").FillAsync("30/06/2024");
        await page.Locator("#dashboard-date input[name=since]").FillAsync("30/06/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dashboard")).ToContainTextAsync("Ngày so sánh phải trước ngày xem (30/06/2024)");
        await Assertions.Expect(page.Locator("#changes")).ToHaveCountAsync(0);

        await page.Locator("#dashboard-date input[name=since]").FillAsync("31/03/2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.Locator("#changes-title")).ToHaveTextAsync("Thay đổi từ 31/03/2024 đến 30/06/2024");
        // Due "Quý I/2024" (31/3/2024) and not done: not overdue at the last meeting, overdue now.
        var row = page.Locator("#changes-became-overdue + * tbody tr, #changes-became-overdue ~ div tbody tr").Filter(new() { HasText = "16-KL/BCĐ" }).Filter(new() { HasText = "31/03/2024" });
        await Assertions.Expect(row.First).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px phone");
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    /// <summary>The indicator of 29-CTr/TU's urbanisation-rate targets (54 % by 2025, 58,8 % by 2030).</summary>
    private Task<long> UrbanisationRateAsync() => FaultHelpers.ScalarAsync(
        new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = _database }.ConnectionString,
        "select t.indicator_id from target t join directive d on d.id = t.directive_id where d.number = '29-CTr/TU' and t.year = 2030 and t.value = 58.8");

    [Fact]
    public async Task Leadership_SeesTheTargetsByProgress_TheUrbanisationRateBehindWithItsTrend_AndACountOpensItsList()
    {
        var indicator = await UrbanisationRateAsync();
        var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl });
        var faults = new List<string>();
        page.PageError += (_, error) => faults.Add(error);
        await AppServer.SignInAsync(page, await TestAccount.CreateAsync(app.ServingConnection(_database), Role.Leadership, null));
        await page.GotoAsync("/");

        // Below the tasks, once htmx has fetched them: 40,1 % (2021) → 42,7 % (early 2024) grows 2,8 % a year where
        // 58,8 % by 2030 needs 4,3 %: a ratio of about 0,65, "needs acceleration", drawn with its two values.
        var behind = page.Locator("#targets-behind tbody tr")
            .Filter(new() { Has = page.Locator($"a[href='/Indicators/Details/{indicator}']") }).Filter(new() { HasText = "2030" });
        await Assertions.Expect(behind).ToContainTextAsync("Cần đẩy nhanh");
        await Assertions.Expect(behind.Locator("svg.sparkline")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("40,1.*42,7"));

        // The count of its category opens the list behind it: exactly that many targets, this one among them.
        var card = page.Locator("#target-categories article.status-needs_acceleration");
        var count = int.Parse((await card.Locator("strong").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await card.Locator("a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Targets\\?asOf=\\d{4}-\\d{2}-\\d{2}&progress=needs_acceleration$"));
        await Assertions.Expect(page.Locator("#targets tbody tr")).ToHaveCountAsync(count);
        await Assertions.Expect(page.Locator("#targets tbody tr").Filter(new() { HasText = "58,8" })).ToHaveCountAsync(1);
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task TheUrbanisationRate_Of29CTrTU_IsChartedAgainstIts2025And2030Targets_WithTheTwoValuesMeasured()
    {
        var indicator = await UrbanisationRateAsync();
        var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl });
        var faults = new List<string>();
        page.PageError += (_, error) => faults.Add(error);
        // Figures are internal until a report is approved: a leader reads them.
        await AppServer.SignInAsync(page, await TestAccount.CreateAsync(app.ServingConnection(_database), Role.Leadership, null));
        await page.GotoAsync($"/Indicators/Details/{indicator}");

        var chart = page.Locator("#indicator-chart [data-chart=indicator] svg");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        // The target lines, labelled with their year and level, and the two values reported for the province.
        await Assertions.Expect(chart).ToContainTextAsync("Chỉ tiêu 2025 (29-CTr/TU): 54 %");
        await Assertions.Expect(chart).ToContainTextAsync("Chỉ tiêu 2030 (29-CTr/TU): 58,8 %");
        await Assertions.Expect(chart).ToContainTextAsync("40.1");
        await Assertions.Expect(chart).ToContainTextAsync("42.7");
        // The same in words, for those who do not read charts.
        await Assertions.Expect(page.Locator("#indicator-chart p")).ToContainTextAsync("2025: 54 %; 2030: 58,8 %");
        // By locality: the province as it was when it reported (before 1/7/2025), its two figures, the change, and the
        // province that took it over.
        var province = page.Locator("#localities tbody tr").Filter(new() { HasText = "42,7" });
        await Assertions.Expect(province).ToContainTextAsync("40,1");
        await Assertions.Expect(province).ToContainTextAsync("+2,6");
        await Assertions.Expect(province).ToContainTextAsync("nay thuộc Tỉnh Lâm Đồng");
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task BulkFigures_UploadedOnThePage_ShowWhereTheImportStands_ThenWhatWasWritten()
    {
        // 100,000 daily figures of a new indicator for the province and its communes (since 1/7/2025).
        var owner = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = _database }.ConnectionString;
        var indicator = await FaultHelpers.ScalarAsync(owner,
            "insert into indicator (name, name_key, unit, direction) values ('Tỷ lệ thử tiến độ nhập', 'tỷ lệ thử tiến độ nhập', '%', 'increase') returning id");
        var units = new List<string>();
        await using (var connection = new NpgsqlConnection(owner))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var read = new NpgsqlCommand(
                "select code from administrative_unit where valid_to is null and (code = '68' or parent_id = (select id from administrative_unit where code = '68' and valid_to is null)) order by code", connection);
            await using var rows = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await rows.ReadAsync(TestContext.Current.CancellationToken))
            {
                units.Add(rows.GetString(0));
            }
        }

        var csv = new System.Text.StringBuilder("indicator,unit_code,period_start,period_end,value,unit,source\n");
        for (var n = 0; n < 100_000; n++)
        {
            var day = new DateOnly(2025, 7, 1).AddDays(n / units.Count).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{indicator},{units[n % units.Count]},{day},{day},{n % 100}.5,%,Thử nhập\n");
        }

        var path = Path.Combine(Path.GetTempPath(), $"so-lieu-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString(), TestContext.Current.CancellationToken);
        try
        {
            var page = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl });
            await AppServer.SignInAsync(page, _secretariat);
            await page.GotoAsync("/Indicators/Import");
            await page.Locator("input[name=file]").SetInputFilesAsync(path);
            await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();

            // While the request runs, the page says where the import stands (a step and a percentage)...
            await page.WaitForFunctionAsync("() => { const p = document.querySelector('#import-progress progress'); return p && p.value > 0 && p.value < 100; }",
                null, new() { Timeout = 60_000 });
            Assert.Matches(@"^Đang .+\(\d{1,2}%\)$", await page.Locator("#import-progress [data-step]").InnerTextAsync());

            // ...then what it wrote.
            await Assertions.Expect(page.Locator("#import-done")).ToContainTextAsync("100.000 số liệu mới", new() { Timeout = 120_000 });
            Assert.Equal(100_000, await FaultHelpers.ScalarAsync(owner, "select count(*) from measurement where indicator_id = $1", indicator));
            Assert.Equal(1, await FaultHelpers.ScalarAsync(owner, "select count(*) from bulk_import where rows_read = 100000 and finished_at is not null and outcome like '100.000 dòng%'"));

            // A file with a fault: the same page lists it (an answer of 400, shown all the same), and nothing is written.
            await File.WriteAllTextAsync(path, $"indicator,unit_code,period_start,period_end,value,unit,source\n{indicator},68,2024-01-01,2024-12-31,140,%,Thử\n", TestContext.Current.CancellationToken);
            await page.Locator("input[name=file]").SetInputFilesAsync(path);
            await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
            await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("Dòng 2: giá trị 140 không hợp lý");
            await Assertions.Expect(page.Locator("#import-done")).ToHaveCountAsync(0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<long> DirectiveIdAsync(string number) =>
        await FaultHelpers.ScalarAsync(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = _database }.ConnectionString,
            "select id from directive where number = $1", number);
}
