using LoTrinh.Web.Features.Seeding;
using Microsoft.Playwright;

namespace LoTrinh.Web.Tests.Browser;

/// <summary>
/// A secretariat imports a directive into a province that has its units and agencies but no programme yet
/// (its own database: the shared one already holds the seed programme, where this upload is a duplicate).
/// </summary>
public sealed class ImportBrowserTests(AppFixture app) : IAsyncLifetime
{
    private AppServer? _app;

    private TestAccount _secretariat = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await app.CreateReferenceOnlyDatabaseAsync();
        _secretariat = await TestAccount.CreateAsync(database, LoTrinh.Core.Accounts.Role.Secretariat, null);
        _app = await AppServer.StartAsync(database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Secretariat_UploadsConclusion16_ReviewsIt_AndFindsItsSixteenTasksOnTheBoard()
    {
        var page = await _app!.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await AppServer.SignInAsync(page, _secretariat);
        await page.GotoAsync("/Extraction");
        await page.GetByLabel("Tệp văn bản").SetInputFilesAsync(Path.Combine(SeedLoader.DefaultDirectory, "documents", "002_c1f0198d3308eeb8.txt"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và đọc" }).ClickAsync();

        // Read in the background; the progress page hands over to the review when done.
        await Assertions.Expect(page.Locator("#review-form")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#review-text mark.item-task")).ToHaveCountAsync(15);
        await Assertions.Expect(page.GetByLabel("Số, ký hiệu").First).ToHaveValueAsync("16-KL/BCĐ");
        await Assertions.Expect(page.Locator("select[name='Form.Document.LocalityId'] option:checked")).ToContainTextAsync("Huyện Đức Trọng");
        await Assertions.Expect(page.Locator("select[aria-label='Cơ quan cho UBND huyện'] option:checked")).ToContainTextAsync("Ủy ban nhân dân huyện Đức Trọng");

        // The meeting's date, which the notice gives only in its title, and the task the extractor left inside point 1.
        await page.GetByLabel("Ngày ban hành (dd/mm/yyyy)").FillAsync("11/08/2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        var added = page.Locator("#row-task-15");
        await added.GetByLabel("Nội dung").FillAsync("Xây dựng kế hoạch cụ thể đối với từng dự án, công trình (có lộ trình, thời gian triển khai, hoàn thành, phân công cụ thể cán bộ, đơn vị thực hiện)");
        await added.GetByLabel("Mục", new() { Exact = true }).FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu văn bản và các mục đã nhận" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("16-KL/BCĐ");
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem trên bảng nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#directive-filter")).ToContainTextAsync("16-KL/BCĐ");
        var rows = page.Locator("table.tasks tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(16);
        await Assertions.Expect(rows.Filter(new() { HasText = "Tổng hợp báo cáo Ban Chỉ đạo" })).ToContainTextAsync("(31/08/2023)");
        await Assertions.Expect(rows.Filter(new() { HasText = "để tháng 9 năm 2023 phải khởi công" })).ToContainTextAsync("(30/09/2023)");
        await Assertions.Expect(rows.Filter(new() { HasText = "Quy hoạch Liên Nghĩa mở rộng" })).ToContainTextAsync("(31/03/2024)");
        // "Lãnh đạo UBND huyện" is the district's People's Committee, as the review suggested; the board shows its short name.
        await Assertions.Expect(rows.Filter(new() { HasText = "Quy hoạch Liên Nghĩa mở rộng" })).ToContainTextAsync("UBND huyện Đức Trọng");
    }
}
