using System.Globalization;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LoTrinh.Web.Tests.Browser;

/// <summary>Key projects and field incidents on the offline map (issue 20), as the secretariat and an officer use them.</summary>
public sealed class MapBrowserTests(AppFixture app) : IAsyncLifetime
{
    private AppServer? _server;
    private const string Incident = "Nhà 3 tầng đang xây không phép (trình duyệt)";

    public async ValueTask InitializeAsync() => _server = await AppServer.StartAsync(app.AppConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Secretariat_PlacesTaHoet_AnOfficerReportsFromAPhone_TheSecretariatAssigns_BothOnTheMap()
    {
        var ct = TestContext.Current.CancellationToken;
        long taHoet, auctionTask;
        await using (var db = app.NewDb())
        {
            taHoet = await db.KeyProjects.Where(p => p.Name.StartsWith("Hồ chứa nước Ta Hoét")).Select(p => p.Id).SingleAsync(ct);
            auctionTask = await db.Tasks.Where(t => t.Text.Contains("đấu giá đất khu 200ha")).Select(t => t.Id).SingleAsync(ct);
        }

        var desk = await _server!.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl });
        // A script error on the map would leave a blank box and nothing else to see: none is allowed.
        var scriptErrors = new List<string>();
        desk.PageError += (_, m) => scriptErrors.Add(m);
        await AppServer.SignInAsync(desk, app.Accounts[Role.Secretariat]);
        try
        {
            // No tile server: the map still draws, and the four seeded projects are listed at their units.
            await desk.GotoAsync("/Map");
            await Assertions.Expect(desk.Locator("#map.leaflet-container.offline")).ToBeVisibleAsync();
            await Assertions.Expect(desk.Locator("#map .leaflet-control-scale")).ToBeVisibleAsync();
            var unplaced = desk.Locator("#unplaced");
            await Assertions.Expect(unplaced).ToContainTextAsync("Huyện Đức Trọng (cũ)");
            await Assertions.Expect(unplaced).ToContainTextAsync("Xã Đức Trọng");
            foreach (var name in new[] { "Hồ chứa nước Ta Hoét", "Đấu giá đất khu 200 ha", "quảng trường huyện Đức Trọng", "Quy hoạch Liên Nghĩa mở rộng" })
            {
                await Assertions.Expect(unplaced).ToContainTextAsync(name);
            }

            // Ta Hoét: its point picked on the map, a ground-breaking milestone, one more task linked.
            await unplaced.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Hồ chứa nước Ta Hoét") }).ClickAsync();
            await Assertions.Expect(desk.Locator("h1")).ToContainTextAsync("Hồ chứa nước Ta Hoét");
            await desk.Locator("#project-map").ClickAsync();
            await Assertions.Expect(desk.Locator("#point-form input[name=latitude]")).Not.ToHaveValueAsync("");
            await desk.GetByRole(AriaRole.Button, new() { Name = "Lưu vị trí" }).ClickAsync();
            await Assertions.Expect(desk.Locator("#placement")).Not.ToContainTextAsync("Chưa có vị trí");

            await desk.Locator("#milestone-form select[name=kind]").SelectOptionAsync(new SelectOptionValue { Label = "Khởi công" });
            await desk.Locator("#milestone-form").GetByLabel("Ngày kế hoạch").FillAsync("30/06/2027");
            await desk.GetByRole(AriaRole.Button, new() { Name = "Lưu mốc" }).ClickAsync();
            await Assertions.Expect(desk.Locator("#milestones")).ToContainTextAsync("30/06/2027");
            await Assertions.Expect(desk.Locator("#project-status")).ToContainTextAsync("Đúng tiến độ");

            await AppServer.PickAsync(desk, "taskId", "200ha", "#" + auctionTask.ToString(CultureInfo.InvariantCulture));
            await desk.GetByRole(AriaRole.Button, new() { Name = "Liên kết nhiệm vụ" }).ClickAsync();
            await Assertions.Expect(desk.Locator("#linked-tasks")).ToContainTextAsync("đấu giá đất khu 200ha");

            // An officer in the field, on a phone: kind, a line, a photo whose EXIF gives the place.
            var phone = await _server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
            await AppServer.SignInAsync(phone, app.Accounts[Role.AgencyOfficer]);
            await phone.GotoAsync("/Incidents/Report");
            await phone.GetByLabel("Loại vụ việc").SelectOptionAsync(new SelectOptionValue { Label = "Xây dựng không phép" });
            await phone.GetByLabel("Mô tả ngắn").FillAsync(Incident);
            await phone.GetByLabel("Ảnh hiện trường").SetInputFilesAsync(new FilePayload { Name = "IMG_2041.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.JpegWithLocation() });
            await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo vụ việc" }).ClickAsync();
            await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Xây dựng không phép");
            await Assertions.Expect(phone.Locator("#incident-status")).ToContainTextAsync("Chưa giao xử lý");
            await Assertions.Expect(phone.Locator("#incident-facts")).ToContainTextAsync("11.74, 108.37");
            await Assertions.Expect(phone.Locator("#incident-photos img")).ToHaveCountAsync(1);

            // The secretariat gives it to the commune with a deadline.
            await desk.GotoAsync("/Incidents");
            await desk.GetByRole(AriaRole.Link, new() { Name = Incident }).ClickAsync();
            await AppServer.PickAsync(desk, "agencyId", "đức trọng", "Ủy ban nhân dân xã Đức Trọng");
            var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(10).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            await desk.Locator("#assign-form").GetByLabel("Hạn xử lý").FillAsync(due);
            await desk.GetByRole(AriaRole.Button, new() { Name = "Giao xử lý" }).ClickAsync();
            await Assertions.Expect(desk.Locator("#incident-status")).ToContainTextAsync("Đang xử lý trong hạn");
            await Assertions.Expect(desk.Locator("#assigned-agency")).ToContainTextAsync("hạn " + due);

            // Both in the incident list and on the map, with their status.
            await desk.GotoAsync("/Incidents");
            await Assertions.Expect(desk.Locator("#incidents tr", new() { HasText = Incident })).ToContainTextAsync("Đang xử lý trong hạn");
            await desk.GotoAsync("/Map");
            await Assertions.Expect(desk.Locator($"#map .pin-projects[title^='Hồ chứa nước Ta Hoét']")).ToBeVisibleAsync();
            await Assertions.Expect(desk.Locator($"#map .pin-incidents[title='{Incident}']")).ToBeVisibleAsync();
            await desk.Locator("#map-table summary").ClickAsync();
            await Assertions.Expect(desk.Locator("#map-table tr", new() { HasText = "Hồ chứa nước Ta Hoét" })).ToContainTextAsync("Đúng tiến độ");
            await Assertions.Expect(desk.Locator("#map-table tr", new() { HasText = Incident })).ToContainTextAsync("Đang xử lý trong hạn");
            await Assertions.Expect(desk.Locator("#unplaced")).Not.ToContainTextAsync("Hồ chứa nước Ta Hoét");
            Assert.Empty(scriptErrors);
        }
        finally
        {
            await using var db = app.NewDb();
            await db.Incidents.Where(i => i.Description == Incident).ExecuteDeleteAsync(ct);
            await db.KeyProjects.Where(p => p.Id == taHoet).ExecuteUpdateAsync(s => s.SetProperty(p => p.Latitude, (decimal?)null).SetProperty(p => p.Longitude, (decimal?)null), ct);
            await db.ProjectMilestones.Where(m => m.ProjectId == taHoet).ExecuteDeleteAsync(ct);
            await db.Database.ExecuteSqlAsync($"delete from project_task where project_id = {taHoet} and task_id = {auctionTask}", ct);
        }
    }
}
