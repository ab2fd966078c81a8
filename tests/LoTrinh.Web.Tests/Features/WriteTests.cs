using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoTrinh.Web.Tests.Features;

public sealed class WriteTests(AppFixture app)
{
    private readonly HttpClient _client = app.Client();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Task_CreatedReportedCompleted_ChangesItsStatus()
    {
        var created = await _client.PostAsJsonAsync("/api/tasks",
            new { directive = "3316/KH-UBND", section = "III.2", text = "Lập đồ án quy hoạch chung đô thị Đức Trọng", lead = "Sở Xây dựng", deadline = "Quý IV/2022" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = task.GetProperty("id").GetInt64();
        Assert.Equal("2022-12-31", task.GetProperty("deadline").GetProperty("due").GetString());
        Assert.Equal("Sở Xây dựng", task.GetProperty("agencies")[0].GetProperty("name").GetString());

        var progress = await _client.PostAsJsonAsync($"/api/tasks/{id}/progress",
            new { reportedOn = "2023-01-10", text = "Đã trình thẩm định", percent = 80, enteredBy = "Nguyễn Văn A" }, Ct);
        Assert.Equal(HttpStatusCode.Created, progress.StatusCode);
        var done = await _client.PostAsJsonAsync($"/api/tasks/{id}/complete", new { on = "2023-02-15" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);

        var late = await _client.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}?asOf=2023-06-30", Ct);
        Assert.Equal("completed_late", late.GetProperty("status").GetString());
        Assert.Equal("Đã trình thẩm định", late.GetProperty("progress")[0].GetProperty("text").GetString());
        var before = await _client.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}?asOf=2022-12-31", Ct);
        Assert.Equal("in_progress_within_deadline", before.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Measurement_AddedForTheOldProvince_ChangesTheTargetsLatestValue()
    {
        var indicators = await _client.GetFromJsonAsync<JsonElement>("/api/indicators?q=%C4%91%E1%BA%A5t%20giao%20th%C3%B4ng", Ct);
        var indicator = indicators.EnumerateArray().Single().GetProperty("id").GetInt64();

        var response = await _client.PostAsJsonAsync("/api/measurements", new
        {
            indicator,
            unitCode = "68",
            periodStart = "2023-01-01",
            periodEnd = "2023-12-31",
            periodLabel = "Năm 2023",
            value = 9.5m,
            source = "Số liệu thử của kiểm thử",
            enteredBy = "Kiểm thử",
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var targets = await _client.GetFromJsonAsync<JsonElement>($"/api/targets?indicator={indicator}", Ct);
        var target2025 = targets.EnumerateArray().Single(t => t.GetProperty("year").GetInt32() == 2025);
        Assert.Equal(9.5m, target2025.GetProperty("latest").GetProperty("value").GetDecimal());
        Assert.Equal("met", target2025.GetProperty("evaluation").GetString());
        // 2025 is over and the figure is of 2023: met then, but no verdict on 2025 without a 2025 figure.
        Assert.Equal("no_data_for_year", target2025.GetProperty("status").GetString());
        var target2030 = targets.EnumerateArray().Single(t => t.GetProperty("year").GetInt32() == 2030);
        Assert.Equal("no_trend", target2030.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Measurement_Deleted_IsGoneFromTheIndicator_AndRestoredComesBack()
    {
        var indicators = await _client.GetFromJsonAsync<JsonElement>("/api/indicators?q=%C4%91%E1%BA%A5t%20giao%20th%C3%B4ng", Ct);
        var indicator = indicators.EnumerateArray().Single().GetProperty("id").GetInt64();
        var created = await _client.PostAsJsonAsync("/api/measurements", new
        {
            indicator,
            unitCode = "68",
            periodStart = "2022-01-01",
            periodEnd = "2022-12-31",
            periodLabel = "Năm 2022",
            value = 8.1m,
            source = "Kiểm thử xóa và khôi phục",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        long Id(JsonElement details) => details.GetProperty("measurements").EnumerateArray()
            .Where(m => m.GetProperty("source").GetString() == "Kiểm thử xóa và khôi phục").Select(m => m.GetProperty("id").GetInt64()).SingleOrDefault();
        var id = Id(await _client.GetFromJsonAsync<JsonElement>($"/api/indicators/{indicator}", Ct));

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/measurements/{id}", Ct)).StatusCode);
        Assert.Equal(0, Id(await _client.GetFromJsonAsync<JsonElement>($"/api/indicators/{indicator}", Ct)));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync($"/api/measurements/{id}/restore", null, Ct)).StatusCode);
        Assert.Equal(id, Id(await _client.GetFromJsonAsync<JsonElement>($"/api/indicators/{indicator}", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync($"/api/measurements/{id}/restore", null, Ct)).StatusCode);
        // Leave the indicator as found: a second figure would give the other test in this class a trend.
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/measurements/{id}", Ct)).StatusCode);
    }
}
