using System.Text.RegularExpressions;
using LoTrinh.Web.Tests.Features.Reporting;
using Microsoft.Playwright;

namespace LoTrinh.Web.Tests.Browser;

/// <summary>
/// The reporting cycle walked in Chromium as the people do it, on a server dated Tuesday 23/6/2026: the secretariat
/// sets up a quarterly regime for 16-KL/BCĐ's tasks and Q2/2026 opens; an officer of the cooperating department and
/// one of the leading commune report; the lead sees the department's part; the commune's head submits a working day
/// late; the secretariat returns it once with a comment, then approves it; the report locks and says why.
/// </summary>
public sealed class ReportingBrowserTests(ReportingInstall install) : IClassFixture<ReportingInstall>
{
    private async Task<IPage> SignedInAsync(TestAccount account, int width = 1280)
    {
        var context = await install.Server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = install.Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await AppServer.SignInAsync(page, account);
        return page;
    }

    [Fact]
    public async Task TheQuarterlyCycle_FromRegimeToApprovedAndLocked()
    {
        // The secretariat sets up the regime; Q2/2026 opens at once, due Monday 22/6 (20/6 is a Saturday).
        var secretariat = await SignedInAsync(install.Secretariat);
        await secretariat.GotoAsync("/Reporting");
        var form = secretariat.Locator("#new-regime");
        await form.GetByLabel("Tên báo cáo").FillAsync("Báo cáo quý thực hiện Kết luận 16-KL/BCĐ");
        await form.GetByLabel("Hiệu lực từ ngày").FillAsync("01/04/2026");
        var picker = form.Locator("select[name=Directive] + .ts-wrapper");
        await picker.Locator(".ts-control").ClickAsync();
        await picker.Locator(".ts-control input").PressSequentiallyAsync("16-KL");
        await picker.Locator(".ts-dropdown .option").Filter(new() { HasTextRegex = new Regex("^16-KL/BCĐ") }).First.ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Lập chế độ báo cáo" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#created")).ToBeVisibleAsync();
        var q2 = secretariat.Locator("section.regime").Filter(new() { HasText = "Kết luận 16-KL/BCĐ" }).Locator("tr").Filter(new() { HasText = "Quý II/2026" });
        await Assertions.Expect(q2).ToContainTextAsync("15/03/2026 – 14/06/2026");
        await Assertions.Expect(q2).ToContainTextAsync("22/06/2026");

        // The cooperating department's officer writes its part of the commune's task, on a phone.
        var task = install.LedByCommune[0];
        var department = await SignedInAsync(install.CooperatingOfficer, width: 390);
        await department.GotoAsync("/Reporting");
        await OpenAsync(department, "Kết luận 16-KL/BCĐ", "Quý II/2026");
        var part = department.Locator($"#line-{task}");
        await Assertions.Expect(part.Locator("legend")).ToContainTextAsync("Phối hợp");
        await part.GetByLabel("Tỷ lệ hoàn thành (%)").FillAsync("40");
        await part.GetByLabel("Kết quả thực hiện").FillAsync("Sở đã có ý kiến về đồ án quy hoạch");
        await department.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(department.Locator("#done")).ToHaveTextAsync("Đã lưu nháp.");
        Assert.True(await department.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the form fits a phone");

        // The commune's officer sees it beside its own line, and writes the consolidated update; a completion date that
        // has not come yet first (a percentage over 100 the browser itself refuses: the field says max 100).
        var officer = await SignedInAsync(install.LeadOfficer);
        await officer.GotoAsync("/Reporting");
        await OpenAsync(officer, "Kết luận 16-KL/BCĐ", "Quý II/2026");
        var reportUrl = officer.Url;
        var line = officer.Locator($"#line-{task}");
        await Assertions.Expect(line.Locator(".parts")).ToContainTextAsync("Sở đã có ý kiến về đồ án quy hoạch");
        Assert.Equal("100", await line.GetByLabel("Tỷ lệ hoàn thành (%)").GetAttributeAsync("max"));
        await line.GetByLabel("Tỷ lệ hoàn thành (%)").FillAsync("60");
        await line.GetByLabel("Ngày hoàn thành").FillAsync("30/06/2026");
        await line.GetByLabel("Kết quả thực hiện").FillAsync("Đã lập hồ sơ điều chỉnh quy hoạch, Sở Xây dựng đã góp ý");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(line.Locator(".field-error").Filter(new() { HasText = "chưa tới" })).ToBeVisibleAsync();
        await Assertions.Expect(line.GetByLabel("Kết quả thực hiện")).ToHaveValueAsync("Đã lập hồ sơ điều chỉnh quy hoạch, Sở Xây dựng đã góp ý");
        await line.GetByLabel("Ngày hoàn thành").FillAsync("");
        foreach (var other in install.LedByCommune.Skip(1))
        {
            await officer.Locator($"#line-{other}").GetByLabel("Kết quả thực hiện").FillAsync("Đang triển khai theo kế hoạch");
        }

        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#done")).ToHaveTextAsync("Đã lưu nháp.");
        Assert.Equal(0, await officer.GetByRole(AriaRole.Button, new() { Name = "Trình báo cáo" }).CountAsync());

        // The head submits, a working day after the due Monday.
        var head = await SignedInAsync(install.LeadHead);
        await head.GotoAsync(reportUrl);
        await head.GetByRole(AriaRole.Button, new() { Name = "Trình báo cáo" }).ClickAsync();
        await Assertions.Expect(head.Locator("#late")).ToHaveTextAsync("Nộp muộn 1 ngày làm việc");
        await Assertions.Expect(head.Locator("#locked")).ToContainTextAsync("chờ thường trực");

        // The secretariat sees it late in the period's review, returns it once with a comment…
        await secretariat.GotoAsync("/Reporting");
        await q2.GetByRole(AriaRole.Link, new() { Name = "Quý II/2026" }).ClickAsync();
        var row = secretariat.Locator("#period-reports tr").Filter(new() { HasText = "xã Đức Trọng" });
        await Assertions.Expect(row).ToContainTextAsync("muộn 1 ngày làm việc");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await secretariat.GetByLabel("Ý kiến (bắt buộc khi trả lại)").FillAsync("Bổ sung tiến độ giải ngân vốn");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#done")).ToHaveTextAsync("Đã trả lại báo cáo cho cơ quan.");

        // …the head reads why and submits again, and the secretariat approves.
        await head.GotoAsync(reportUrl);
        await Assertions.Expect(head.Locator("#report-events")).ToContainTextAsync("Bổ sung tiến độ giải ngân vốn");
        await Assertions.Expect(head.Locator("#report-state")).ToContainTextAsync("đã trả lại 1 lần");
        await head.GetByRole(AriaRole.Button, new() { Name = "Trình báo cáo" }).ClickAsync();
        await Assertions.Expect(head.Locator("#done")).ToHaveTextAsync("Đã trình báo cáo.");
        await secretariat.GotoAsync(reportUrl);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#done")).ToHaveTextAsync("Đã phê duyệt; báo cáo đã khóa.");

        // Locked, and the page says why; the approved line is now the task's progress.
        await officer.GotoAsync(reportUrl);
        await Assertions.Expect(officer.Locator("#locked")).ToContainTextAsync("đã được phê duyệt và khóa");
        Assert.Equal(0, await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).CountAsync());
        Assert.True(await officer.Locator($"#line-{task}").GetByLabel("Kết quả thực hiện").IsEditableAsync() is false);
        await officer.GotoAsync($"/Tasks/Details/{task}");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("Đã lập hồ sơ điều chỉnh quy hoạch");
    }

    [Fact]
    public async Task AnOfficer_DownloadsTheExcelForm_FillsItOffline_AndUploadsIt_ABadCellNamedFirst()
    {
        await install.NewRegimeAsync(ReportingInstall.Quarterly("Báo cáo quý qua Excel"));

        var page = await SignedInAsync(install.CooperatingOfficer);
        await page.GotoAsync("/Reporting");
        await OpenAsync(page, "Báo cáo quý qua Excel", "Quý II/2026");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-form").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"lotrinh-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            var template = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            var own = install.LedByDepartment;

            // First with a percentage typed as words: nothing written, the cell named.
            await File.WriteAllBytesAsync(path, Filled(template, own, "bảy mươi"), TestContext.Current.CancellationToken);
            await page.Locator("#upload-form input[type=file]").SetInputFilesAsync(path);
            await page.Locator("#upload-form").GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#upload-problems")).ToContainTextAsync("Trang NhiemVu, dòng");
            await Assertions.Expect(page.Locator("#upload-problems")).ToContainTextAsync("cột F");
            await Assertions.Expect(page.Locator($"#line-{own}").GetByLabel("Kết quả thực hiện")).ToHaveValueAsync("");

            await File.WriteAllBytesAsync(path, Filled(template, own, 80), TestContext.Current.CancellationToken);
            await page.Locator("#upload-form input[type=file]").SetInputFilesAsync(path);
            await page.Locator("#upload-form").GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("Đã nhận tệp Excel và lưu nháp.");
            await Assertions.Expect(page.Locator($"#line-{own}").GetByLabel("Kết quả thực hiện")).ToHaveValueAsync("Đã trình đề án điều chỉnh quy hoạch");
            await Assertions.Expect(page.Locator($"#line-{own}").GetByLabel("Tỷ lệ hoàn thành (%)")).ToHaveValueAsync("80");

            // Evidence for that task: a photo whose name says .jpg but is not, then the minutes as a PDF.
            await File.WriteAllBytesAsync(path.Replace(".xlsx", ".jpg", StringComparison.Ordinal), "không phải ảnh"u8.ToArray(), TestContext.Current.CancellationToken);
            await page.Locator("#attach-form input[type=file]").SetInputFilesAsync(path.Replace(".xlsx", ".jpg", StringComparison.Ordinal));
            await page.Locator("#attach-form select[name=evidenceTask]").SelectOptionAsync($"{own}");
            await page.Locator("#attach-form").GetByRole(AriaRole.Button, new() { Name = "Đính kèm" }).ClickAsync();
            await Assertions.Expect(page.Locator("#attach-form .field-error")).ToContainTextAsync("không phải .jpg");
            await page.Locator("#attach-form input[type=file]").SetInputFilesAsync(new FilePayload { Name = "Biên bản làm việc.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 biên bản"u8.ToArray() });
            await page.Locator("#attach-form select[name=evidenceTask]").SelectOptionAsync($"{own}");
            await page.Locator("#attach-form").GetByRole(AriaRole.Button, new() { Name = "Đính kèm" }).ClickAsync();
            await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("Đã đính kèm tài liệu minh chứng.");
            await Assertions.Expect(page.Locator($"#line-{own} .evidence")).ToContainTextAsync("Biên bản làm việc.pdf");
        }
        finally
        {
            File.Delete(path);
            File.Delete(path.Replace(".xlsx", ".jpg", StringComparison.Ordinal));
        }
    }

    /// <summary>Opens the agency's report of a regime's period from its list (an agency reports under several regimes).</summary>
    private static Task OpenAsync(IPage page, string regime, string period) =>
        page.Locator("#my-reports tr").Filter(new() { HasText = regime }).Filter(new() { HasText = period }).GetByRole(AriaRole.Link).ClickAsync();

    /// <summary>The downloaded form with the department's own task filled in, as Excel would save it.</summary>
    private static byte[] Filled(byte[] template, long task, object percent) => ReportingApiTests.Edit(template, (_, tasks) =>
    {
        var row = tasks.Single(r => Convert.ToInt64(r["Mã nhiệm vụ"], System.Globalization.CultureInfo.InvariantCulture) == task);
        row["Tỷ lệ hoàn thành (%)"] = percent;
        row["Kết quả thực hiện"] = "Đã trình đề án điều chỉnh quy hoạch";
    });
}
