using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoTrinh.Web.Tests.Features;

/// <summary>What the seed programme looks like through the JSON API (issue 2, "done when").</summary>
public sealed class ApiTests(AppFixture app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<JsonElement> Get(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Directives_ListTheSeedProgrammeWithItsCascade()
    {
        var directives = (await Get("/api/directives")).EnumerateArray().ToList();
        var numbers = directives.Select(d => d.GetProperty("number").GetString()).ToList();

        Assert.Contains("3316/KH-UBND", numbers);
        Assert.Contains("16-KL/BCĐ", numbers);
        Assert.Contains("29-CTr/TU", numbers);
        var daLat = Assert.Single(directives, d => d.GetProperty("issuer").GetString() == "Thành ủy Đà Lạt");
        Assert.Contains(daLat.GetProperty("links").EnumerateArray(), l => l.GetProperty("relation").GetString() == "implements"
            && l.GetProperty("number").GetString() == "29-CTr/TU");
        var program = directives.Single(d => d.GetProperty("number").GetString() == "29-CTr/TU");
        Assert.Equal("2022-06-15", program.GetProperty("issuedOn").GetString());
        Assert.Contains(program.GetProperty("links").EnumerateArray(), l => l.GetProperty("relation").GetString() == "implements"
            && l.GetProperty("number").GetString() == "06-NQ/TW");
        var cited = directives.Single(d => d.GetProperty("number").GetString() == "06-NQ/TW");
        Assert.False(cited.GetProperty("textOnFile").GetBoolean());
        Assert.Equal("2022-01-24", cited.GetProperty("issuedOn").GetString());
    }

    [Fact]
    public async Task Targets_Of29CTrTU_AreTheAnnotatedOnesWithStatus()
    {
        var targets = (await Get("/api/targets?directive=29-CTr%2FTU")).EnumerateArray().ToList();

        Assert.Equal(36, targets.Count);
        var urbanisation2025 = targets.Single(t => t.GetProperty("indicator").GetString() == "Tỷ lệ đô thị hoá" && t.GetProperty("year").GetInt32() == 2025);
        Assert.Equal("gt", urbanisation2025.GetProperty("comparator").GetString());
        Assert.Equal(54m, urbanisation2025.GetProperty("value").GetDecimal());
        // 2025 is over and no 2025 figure is on file (the latest is Q1/2024): no verdict is made from a projection.
        Assert.Equal("no_data_for_year", urbanisation2025.GetProperty("status").GetString());
        Assert.Equal(42.7m, urbanisation2025.GetProperty("latest").GetProperty("value").GetDecimal());
        var urbanisation2030 = targets.Single(t => t.GetProperty("indicator").GetString() == "Tỷ lệ đô thị hoá" && t.GetProperty("year").GetInt32() == 2030);
        Assert.Equal(58.8m, urbanisation2030.GetProperty("value").GetDecimal());
        Assert.Equal("off_track", urbanisation2030.GetProperty("status").GetString());
        Assert.Contains("%/năm, thực tế", urbanisation2030.GetProperty("progressExplanation").GetString(), StringComparison.Ordinal);
        var greenSpace = targets.First(t => t.GetProperty("comparator").GetString() == "range");
        Assert.Equal(JsonValueKind.Null, greenSpace.GetProperty("value").ValueKind);
        Assert.Equal(greenSpace.GetProperty("year").GetInt32() < DateTime.UtcNow.Year ? "no_data_for_year" : "no_data", greenSpace.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Tasks_AsOfMid2024_ClassifyTheQuarterDeadlineAsOverdue()
    {
        var tasks = (await Get("/api/tasks?asOf=2024-06-30&directive=16-KL%2FBC%C4%90")).EnumerateArray().ToList();

        Assert.Equal(16, tasks.Count);
        var plan = tasks.Single(t => t.GetProperty("deadline").ValueKind == JsonValueKind.Object
            && t.GetProperty("deadline").GetProperty("text").GetString() == "chậm nhất tháng Quý I/2024");
        Assert.Equal("2024-03-31", plan.GetProperty("deadline").GetProperty("due").GetString());
        Assert.Equal("quarter", plan.GetProperty("deadline").GetProperty("precision").GetString());
        Assert.Equal("in_progress_overdue", plan.GetProperty("status").GetString());

        var beforeDue = (await Get($"/api/tasks?asOf=2024-03-31&directive=16-KL%2FBC%C4%90")).EnumerateArray()
            .Single(t => t.GetProperty("id").GetInt64() == plan.GetProperty("id").GetInt64());
        Assert.Equal("in_progress_within_deadline", beforeDue.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Tasks_FilteredByStatus_ReturnOnlyThatClass()
    {
        var recurring = (await Get("/api/tasks?asOf=2024-06-30&status=recurring")).EnumerateArray().ToList();

        Assert.NotEmpty(recurring);
        Assert.All(recurring, t => Assert.Equal("recurring", t.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Units_SameCodeBeforeAndAfterTheReform_AreTwoUnitsLinkedByLineage()
    {
        var before = await Get("/api/units/24958?on=2025-06-30");
        var after = await Get("/api/units/24958?on=2025-07-01");

        Assert.Equal("Thị trấn Liên Nghĩa", before.GetProperty("name").GetString());
        Assert.Equal("Huyện Đức Trọng", before.GetProperty("parent").GetProperty("name").GetString());
        Assert.Equal("Xã Đức Trọng", after.GetProperty("name").GetString());
        Assert.Equal("Tỉnh Lâm Đồng", after.GetProperty("parent").GetProperty("name").GetString());
        Assert.Equal(["24958", "24982"], after.GetProperty("predecessors").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order().ToArray());
        Assert.Equal("Xã Đức Trọng", Assert.Single(before.GetProperty("successors").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task DeadlineParse_ReadsAPhrase()
    {
        var result = await Get("/api/deadlines/parse?text=Qu%C3%BD%20II%2F2022");

        Assert.Equal("2022-06-30", result.GetProperty("due").GetString());
        Assert.Equal("quarter", result.GetProperty("precision").GetString());
        Assert.False(result.GetProperty("exclusive").GetBoolean());
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        var document = await Get("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/directives", paths);
        Assert.Contains("/api/tasks", paths);
        Assert.Contains("/api/targets", paths);
        Assert.Contains("/api/deadlines/parse", paths);
        Assert.Contains("/api/units/{code}", paths);
        Assert.Contains("/api/imports", paths);
        Assert.Contains("/api/imports/{id}/review", paths);
        Assert.Contains("/api/imports/{id}/save", paths);
    }
}
