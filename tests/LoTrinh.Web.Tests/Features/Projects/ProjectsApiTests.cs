using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features.Projects;

/// <summary>The key-project register (issue 20) through the JSON API: the seeded four, writes, bad input, export and import.</summary>
public sealed class ProjectsApiTests(AppFixture app)
{
    private readonly HttpClient _client = app.Client();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string TestName = "Dự án kiểm thử API";

    private async Task<long> SeededAsync(string startsWith)
    {
        await using var db = app.NewDb();
        return await db.KeyProjects.Where(p => p.Name.StartsWith(startsWith)).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<long> CommuneAsync(string name)
    {
        await using var db = app.NewDb();
        return await db.Units.Where(u => u.Name == name && u.ValidTo == null).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<int> WrittenAsync()
    {
        await using var db = app.NewDb();
        return await db.KeyProjects.CountAsync(Ct) + await db.ProjectMilestones.CountAsync(Ct) + await db.ProjectDisbursements.CountAsync(Ct) + await db.Photos.CountAsync(Ct);
    }

    private async Task CleanUpAsync()
    {
        await using var db = app.NewDb();
        await db.KeyProjects.Where(p => p.Name.StartsWith(TestName)).ExecuteDeleteAsync(Ct);
    }

    [Fact]
    public async Task TheSeedsFourProjects_AsTheSeedsSayThem_UnknownsLeftUnknown()
    {
        var rows = (await _client.GetFromJsonAsync<JsonElement>("/api/projects?asOf=2026-11-29", Ct)).EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!);
        var seeded = rows.Keys.Where(k => !k.StartsWith(TestName, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, seeded.Count);

        var square = rows.Single(r => r.Key.Contains("quảng trường", StringComparison.Ordinal)).Value;
        Assert.Equal("behind", square.GetProperty("statusCode").GetString());
        Assert.StartsWith("Chậm tiến độ: Khởi công,", square.GetProperty("statusText").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, square.GetProperty("tasksLinked").GetInt32());
        var plan = rows["Quy hoạch Liên Nghĩa mở rộng"];
        Assert.Equal("Xã Đức Trọng", plan.GetProperty("locality").GetString());
        Assert.StartsWith("Chậm tiến độ: Phê duyệt", plan.GetProperty("statusText").GetString(), StringComparison.Ordinal);

        // Nothing the seeds do not say: no investor, budget or point; Ta Hoét has no milestone to be late against.
        var taHoet = rows.Single(r => r.Key.StartsWith("Hồ chứa nước Ta Hoét", StringComparison.Ordinal)).Value;
        Assert.Equal("not_planned", taHoet.GetProperty("statusCode").GetString());
        Assert.Equal("Huyện Đức Trọng (cũ)", taHoet.GetProperty("locality").GetString());
        foreach (var r in rows.Values.Where(r => seeded.Contains(r.GetProperty("name").GetString()!)))
        {
            Assert.Equal(JsonValueKind.Null, r.GetProperty("investor").ValueKind);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("totalInvestmentVnd").ValueKind);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("latitude").ValueKind);
            Assert.Equal("NotPlaced", r.GetProperty("placement").GetString());
        }

        // The dashboard counts them by state, and names the late ones.
        var field = await _client.GetFromJsonAsync<JsonElement>("/api/dashboard/field?asOf=2026-11-29", Ct);
        var byState = field.GetProperty("projectsByState").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(field.GetProperty("projects").GetInt32(), byState.Values.Sum());
        Assert.True(byState["behind"] >= 2);
        Assert.Contains(field.GetProperty("projectsLate").EnumerateArray(), p => p.GetProperty("name").GetString() == "Quy hoạch Liên Nghĩa mở rộng");

        // Not published: the public sees none of them, not even by id.
        using var anonymous = app.Anonymous();
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonElement>("/api/projects", Ct)).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/projects/{taHoet.GetProperty("id").GetInt64()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AProjectsLife_Point_Milestones_Capital_Tasks_Status_AndAStaleEditIs409()
    {
        try
        {
            var unit = await CommuneAsync("Xã Đức Trọng");
            using var created = await _client.PostAsJsonAsync("/api/projects", new
            {
                name = TestName,
                kind = "infrastructure",
                unitId = unit,
                latitude = 11.7412m,
                longitude = 108.3712m,
                investor = "Ban QLDA kiểm thử",
                decision = "123/QĐ-UBND",
                decidedOn = "2024-01-15",
                totalInvestmentVnd = 100_000_000_000m,
                published = true,
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var project = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var id = project.GetProperty("project").GetProperty("id").GetInt64();
            Assert.Equal("Point", project.GetProperty("project").GetProperty("placement").GetString());

            using var planned = await _client.PutAsJsonAsync($"/api/projects/{id}/milestones/ground_breaking", new { plannedOn = "2024-06-30" }, Ct);
            Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
            var behind = await _client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}?asOf=2024-07-10", Ct);
            Assert.Equal("Chậm tiến độ: Khởi công, 10 ngày", behind.GetProperty("project").GetProperty("statusText").GetString());

            using var capital = await _client.PutAsJsonAsync($"/api/projects/{id}/disbursements/2024",
                new { plannedVnd = 40_000_000_000m, disbursedVnd = 10_000_000_000m, reportedOn = "2024-06-30", source = "Báo cáo kiểm thử" }, Ct);
            Assert.Equal(HttpStatusCode.OK, capital.StatusCode);
            var withCapital = await capital.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(0.25m, withCapital.GetProperty("project").GetProperty("disbursementRate").GetDecimal());

            long task;
            await using (var db = app.NewDb())
            {
                task = await db.Tasks.Where(t => t.Text.Contains("quảng trường huyện")).Select(t => t.Id).SingleAsync(Ct);
            }

            using var linked = await _client.PostAsJsonAsync($"/api/projects/{id}/tasks", new { taskId = task }, Ct);
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
            Assert.Equal(task, (await linked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("tasks")[0].GetProperty("id").GetInt64());

            // Reached: no longer behind as of the day it started; two years on with nothing since, stalled.
            using var started = await _client.PutAsJsonAsync($"/api/projects/{id}/milestones/ground_breaking", new { plannedOn = "2024-06-30", achievedOn = "2024-07-20" }, Ct);
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
            var onTheDay = await _client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}?asOf=2024-07-20", Ct);
            Assert.Equal("on_schedule", onTheDay.GetProperty("project").GetProperty("statusCode").GetString());
            var later = await _client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}?asOf=2024-10-18", Ct);
            Assert.Equal("stalled", later.GetProperty("project").GetProperty("statusCode").GetString());
            Assert.Equal(90, later.GetProperty("project").GetProperty("daysQuiet").GetInt32());

            // A save made from an old reading is refused with the record as it now is.
            using var stale = await _client.PutAsJsonAsync($"/api/projects/{id}", new { name = TestName + " (sửa)", kind = "infrastructure", unitId = unit, version = 1 }, Ct);
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

            // Published: the public sees it, and its tasks stay internal.
            using var anonymous = app.Anonymous();
            var shown = await anonymous.GetFromJsonAsync<JsonElement>($"/api/projects/{id}", Ct);
            Assert.Equal(0, shown.GetProperty("tasks").GetArrayLength());

            using var history = await _client.GetAsync($"/api/history/key_project/{id}", Ct);
            var entries = await history.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("table").GetString() == "project_disbursement");
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    public static TheoryData<string, string, string> BadProjects => new()
    {
        { """{"name":"Dự án kiểm thử API x","kind":"infrastructure","latitude":48.85,"longitude":2.35}""", "latitude", "ngoài lãnh thổ Việt Nam" },
        { """{"name":"Dự án kiểm thử API x","kind":"infrastructure","latitude":108.37,"longitude":11.74}""", "latitude", "đảo vĩ độ và kinh độ" },
        { """{"name":"Dự án kiểm thử API x","kind":"infrastructure","latitude":11.74}""", "longitude", "Cần cả vĩ độ và kinh độ" },
        { """{"name":"Dự án kiểm thử API x","kind":"castle","latitude":11.74,"longitude":108.37}""", "kind", "Không có loại dự án" },
        { """{"name":"Dự án kiểm thử API x","kind":"other"}""", "unitId", "Cần địa bàn" },
        { """{"name":"Dự án kiểm thử API x","kind":"other","unitId":999999999}""", "unitId", "Không có đơn vị hành chính" },
        { """{"name":"Dự án kiểm thử API x","kind":"other","latitude":11.74,"longitude":108.37,"decidedOn":"2099-01-01"}""", "decidedOn", "chưa đến" },
        { """{"name":"Dự án kiểm thử API x","kind":"other","latitude":11.74,"longitude":108.37,"totalInvestmentVnd":-5}""", "totalInvestmentVnd", "ngoài khoảng" },
    };

    [Theory]
    [MemberData(nameof(BadProjects))]
    public async Task BadProject_400_NamesTheField_WritesNothing(string body, string field, string words)
    {
        var before = await WrittenAsync();
        using var response = await _client.PostAsync("/api/projects", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(words, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task ANulInAName_400_WritesNothing()
    {
        var before = await WrittenAsync();
        using var response = await _client.PostAsync("/api/projects",
            new StringContent("{\"name\":\"Dự án kiểm thử API \\u0000\",\"kind\":\"other\",\"latitude\":11.74,\"longitude\":108.37}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task MilestoneBeforeTheProject_DisbursementOverTheTotal_ANonImage_AreRefused()
    {
        try
        {
            using var created = await _client.PostAsJsonAsync("/api/projects", new
            {
                name = TestName + " 2",
                kind = "irrigation",
                latitude = 11.8m,
                longitude = 108.4m,
                decidedOn = "2024-01-15",
                totalInvestmentVnd = 1_000_000m,
            }, Ct);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("project").GetProperty("id").GetInt64();
            var before = await WrittenAsync();

            using var early = await _client.PutAsJsonAsync($"/api/projects/{id}/milestones/site_clearance", new { achievedOn = "2023-12-01" }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("trước khi dự án được quyết định", (await early.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("achievedOn")[0].GetString(), StringComparison.Ordinal);

            using var over = await _client.PutAsJsonAsync($"/api/projects/{id}/disbursements/2024", new { plannedVnd = 2_000_000m, disbursedVnd = 1_500_000m, reportedOn = "2024-12-31" }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
            Assert.Contains("vượt tổng mức đầu tư", (await over.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("disbursedVnd")[0].GetString(), StringComparison.Ordinal);

            using var notAnImage = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 not a photo"u8.ToArray()), "file", "anh.jpg" } };
            using var photo = await _client.PostAsync($"/api/projects/{id}/photos", notAnImage, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, photo.StatusCode);
            Assert.Contains("không phải là ảnh", (await photo.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

            Assert.Equal(before, await WrittenAsync());
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    [Fact]
    public async Task Workbook_ExportIsTheImportsTemplate_AnUnknownUnitOrTaskIsNamedByRowAndColumn()
    {
        try
        {
            using var export = await _client.GetAsync("/Projects?handler=Export&format=csv", Ct);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var csv = await export.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Quy hoạch Liên Nghĩa mở rộng", csv, StringComparison.Ordinal);
            Assert.Contains("Xã Đức Trọng (24958)", csv, StringComparison.Ordinal);

            // The export read back changes nothing and fails nothing.
            var before = await WrittenAsync();
            using var same = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "du-an.csv" } };
            using var reimported = await _client.PostAsync("/api/projects/import", same, Ct);
            Assert.Equal(HttpStatusCode.OK, reimported.StatusCode);
            Assert.Equal(before, await WrittenAsync());

            // A new row with an unknown unit, another with an unknown task: both named, nothing written.
            var header = csv.Split('\n')[0].TrimStart('\uFEFF').Trim();
            var columns = header.Split(',').Select(c => c.Trim('"')).ToArray();
            string Row(string name, string unit, string tasks) => string.Join(',', columns.Select(c => c switch
            {
                "Dự án" => name,
                "Đơn vị hành chính hiện nay" => unit,
                "Nhiệm vụ liên kết (mã)" => tasks,
                "Loại" => "Quy hoạch",
                _ => "",
            }));
            var bad = header + "\n" + Row(TestName + " 3", "Xã Không Có", "") + "\n" + Row(TestName + " 4", "Xã Đức Trọng (24958)", "999999999") + "\n";
            using var file = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(bad)), "file", "du-an.csv" } };
            using var refused = await _client.PostAsync("/api/projects/import", file, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problems = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
            Assert.Contains(problems, p => p.StartsWith("Dòng 2, cột \"Đơn vị hành chính hiện nay\": Không có \"Xã Không Có\"", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("Dòng 3, cột \"Nhiệm vụ liên kết (mã)\": Không có nhiệm vụ mã \"999999999\"", StringComparison.Ordinal));
            Assert.Equal(before, await WrittenAsync());

            // The same rows, right: both added.
            var good = header + "\n" + Row(TestName + " 3", "Xã Đức Trọng (24958)", "") + "\n";
            using var goodFile = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(good)), "file", "du-an.csv" } };
            using var accepted = await _client.PostAsync("/api/projects/import", goodFile, Ct);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(1, (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("added").GetInt32());
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    [Fact]
    public async Task Map_ThePublicSeesPublishedProjectsOnly_UnplacedAreListedByUnit()
    {
        using var anonymous = app.Anonymous();
        var publicMap = await anonymous.GetFromJsonAsync<JsonElement>("/api/map", Ct);
        Assert.Empty(publicMap.GetProperty("features").EnumerateArray());
        Assert.Empty(publicMap.GetProperty("unplaced").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, publicMap.GetProperty("tileUrl").ValueKind);

        using var secretariat = app.As(Role.Secretariat);
        var map = await secretariat.GetFromJsonAsync<JsonElement>("/api/map?layers=projects", Ct);
        var unplaced = map.GetProperty("unplaced").EnumerateArray().Where(u => !u.GetProperty("name").GetString()!.StartsWith(TestName, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, unplaced.Count);
        Assert.Equal(3, unplaced.Count(u => u.GetProperty("locality").GetString() == "Huyện Đức Trọng (cũ)"));

        // A seat set for today's commune places the project that names it, marked approximate.
        var commune = await CommuneAsync("Xã Đức Trọng");
        using var seat = await secretariat.PutAsJsonAsync($"/api/units/{commune}/seat", new { latitude = 11.7355m, longitude = 108.3733m, source = "Kiểm thử" }, Ct);
        try
        {
            Assert.Equal(HttpStatusCode.OK, seat.StatusCode);
            var placed = await secretariat.GetFromJsonAsync<JsonElement>("/api/map?layers=projects", Ct);
            var plan = placed.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("name").GetString() == "Quy hoạch Liên Nghĩa mở rộng");
            Assert.True(plan.GetProperty("properties").GetProperty("approximate").GetBoolean());
            Assert.Equal(108.3733m, plan.GetProperty("geometry").GetProperty("coordinates")[0].GetDecimal());
            Assert.Contains(placed.GetProperty("units").EnumerateArray(), u => u.GetProperty("name").GetString() == "Xã Đức Trọng");

            using var noSource = await secretariat.PutAsJsonAsync($"/api/units/{commune}/seat", new { latitude = 11.7m, longitude = 108.3m }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        }
        finally
        {
            await using var db = app.NewDb();
            await db.Units.Where(u => u.Id == commune).ExecuteUpdateAsync(s => s.SetProperty(u => u.SeatLatitude, (decimal?)null)
                .SetProperty(u => u.SeatLongitude, (decimal?)null).SetProperty(u => u.SeatSource, (string?)null), Ct);
        }
    }
}
