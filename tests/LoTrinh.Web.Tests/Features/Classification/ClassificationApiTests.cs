using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LoTrinh.Core.Classification;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features.Classification;

/// <summary>Urban areas, assessments and criteria-set versions through the JSON API (issue 3).</summary>
public sealed class ClassificationApiTests(AppFixture app)
{
    private readonly HttpClient _client = app.Client();
    private static readonly string[] Mountainous = ["mountainous"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DucTrong()
    {
        var areas = await _client.GetFromJsonAsync<JsonElement>("/api/urban-areas", Ct);
        return areas.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Đô thị Đức Trọng (Liên Nghĩa)");
    }

    private async Task<int> AssessmentCount(long areaId) =>
        (await _client.GetFromJsonAsync<JsonElement>($"/api/urban-areas/{areaId}", Ct)).GetProperty("assessments").GetArrayLength();

    [Fact]
    public async Task DucTrong_TargetsAsWritten_AndUnderTodaysBasis()
    {
        var area = await DucTrong();

        Assert.Equal("Xã Đức Trọng", area.GetProperty("unitName").GetString());
        Assert.Equal("Huyện Đức Trọng", area.GetProperty("formerUnitName").GetString());
        Assert.Equal(("IV", "1210/2016"), (area.GetProperty("current").GetProperty("class").GetString(), area.GetProperty("current").GetProperty("basis").GetString()));
        var targets = area.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal([2025, 2030, 2045], targets.Select(t => t.GetProperty("year").GetInt32()));
        Assert.Equal(["IV", "III", "II"], targets.Select(t => t.GetProperty("asWritten").GetProperty("class").GetString()));

        // Điều 15 NQ 111/2025: former IV → III, former III and II → II. Today is after 1/1/2026 on any CI run.
        Assert.Equal(["III", "II", "II"], targets.Select(t => t.GetProperty("today").GetProperty("class").GetString()));
        Assert.All(targets, t => Assert.Equal("3316/KH-UBND", t.GetProperty("directiveNumber").GetString()));
        Assert.Equal("II.1", targets[0].GetProperty("section").GetString());
    }

    [Fact]
    public async Task Prefill_TakesTheUnitsOwnLatestFigures_NeverTheFormerDistricts()
    {
        var area = await DucTrong();
        var id = area.GetProperty("id").GetInt64();

        // Đức Trọng is a commune since 1/7/2025; the seeds' figures (220,697 people, 1,286 per km²) are the former
        // district's — a larger unit — so nothing is offered from them.
        var prefill = await _client.GetFromJsonAsync<JsonElement>($"/api/urban-areas/{id}/prefill?basis=111/2025&class=II", Ct);
        Assert.False(prefill.TryGetProperty("2A.II.03", out _));
        Assert.False(prefill.TryGetProperty("2A.II.04", out _));

        // A figure of the commune itself is offered, as its own.
        var figure = new LoTrinh.Web.Features.Targets.Measurement { PeriodLabel = "6 tháng cuối năm 2025", Source = "Kiểm thử: UBND xã", EnteredBy = "Kiểm thử" };
        await using (var db = app.NewDb())
        {
            var commune = await db.UrbanAreas.Where(a => a.Id == id).Select(a => a.AdministrativeUnitId!.Value).SingleAsync(Ct);
            var density = await db.Indicators.Where(i => i.StandardCodes.Contains("2A.II.04")).Select(i => i.Id).FirstAsync(Ct);
            (figure.IndicatorId, figure.AdministrativeUnitId, figure.PeriodStart, figure.PeriodEnd, figure.Value) =
                (density, commune, new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31), 2150m);
            db.Measurements.Add(figure);
            await db.SaveChangesAsync(Ct);
        }

        try
        {
            prefill = await _client.GetFromJsonAsync<JsonElement>($"/api/urban-areas/{id}/prefill?basis=111/2025&class=II", Ct);
            Assert.Equal(2150m, prefill.GetProperty("2A.II.04").GetProperty("value").GetDecimal());
            Assert.False(prefill.GetProperty("2A.II.04").GetProperty("predecessor").GetBoolean());
        }
        finally
        {
            // The other tests read Đức Trọng as the seeds have it.
            await using var db = app.NewDb();
            db.Measurements.Remove(await db.Measurements.SingleAsync(m => m.Id == figure.Id, Ct));
            await db.SaveChangesAsync(Ct);
        }
    }

    [Fact]
    public async Task Assessment_IsSavedWithItsResult_AndAppearsInTheHistory()
    {
        var id = (await DucTrong()).GetProperty("id").GetInt64();
        var before = await AssessmentCount(id);

        var response = await _client.PostAsJsonAsync($"/api/urban-areas/{id}/assessments", new
        {
            basis = "111/2025",
            @class = "II",
            assessedOn = "2026-11-20",
            assessedBy = "Sở Xây dựng",
            values = new Dictionary<string, object> { ["2A.II.03"] = 220697, ["2A.II.04"] = 1286, ["2A.I.01"] = "Cấp tỉnh" },
            regions = Mountainous,
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var result = saved.GetProperty("result");
        Assert.False(result.GetProperty("recognised").GetBoolean());
        Assert.Equal("SECONDARY", result.GetProperty("provenance").GetProperty("flag").GetString());
        Assert.Contains(result.GetProperty("adjustments").EnumerateArray(), a => a.GetString()!.StartsWith("Chưa áp dụng điều chỉnh", StringComparison.Ordinal));

        // 2A.II.03 class II: 200,000 → 5.5, 500,000 → 7. 220,697: 5.5 + 1.5 × 20,697/300,000 = 5.603485 → 5.60.
        var population = result.GetProperty("standards").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "2A.II.03");
        Assert.Equal(5.60m, population.GetProperty("points").GetDecimal());
        Assert.Equal(before + 1, await AssessmentCount(id));
        var stored = await _client.GetFromJsonAsync<JsonElement>(response.Headers.Location, Ct);
        Assert.Equal(result.GetProperty("total").GetDecimal(), stored.GetProperty("result").GetProperty("total").GetDecimal());
    }

    [Theory]
    [InlineData("""{"basis":"111/2025","class":"II","assessedOn":"2026-02-30","assessedBy":"A","values":{}}""", "assessedOn")]
    [InlineData("""{"basis":"111/2025","class":"II","assessedOn":"2026-11-20","assessedBy":"","values":{}}""", "assessedBy")]
    [InlineData("""{"basis":"111/2025","class":"II","assessedOn":"2026-11-20","assessedBy":"A","values":{"2A.II.03":"nhiều"}}""", "values.2A.II.03")]
    [InlineData("""{"basis":"111/2025","class":"IV","assessedOn":"2026-11-20","assessedBy":"A","values":{}}""", "class")]
    [InlineData("""{"basis":"111/2025","class":"II","assessedOn":"2026-11-20","assessedBy":"A","values":{"2A.XX.01":1}}""", "values")]
    [InlineData("""{"basis":"999/2030","class":"II","assessedOn":"2026-11-20","assessedBy":"A","values":{}}""", "basis")]
    [InlineData("""{"class":"II"}""", "body")]
    public async Task BadAssessment_400_NamesTheField_SavesNothing(string body, string field)
    {
        var id = (await DucTrong()).GetProperty("id").GetInt64();
        var before = await AssessmentCount(id);

        var response = await _client.PostAsync(new Uri($"/api/urban-areas/{id}/assessments", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await AssessmentCount(id));
    }

    [Fact]
    public async Task UnknownUrbanArea_404()
    {
        var response = await _client.PostAsJsonAsync("/api/urban-areas/999999/assessments", new { basis = "111/2025", @class = "II" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StatelessAssess_ScoresWithoutSaving()
    {
        var values = CriteriaSetReader.BuiltIn.Single(s => s.Basis == "111/2025").StandardsFor("III")
            .ToDictionary(s => s.Code, s => s.ThresholdFor("III")!.Min!.ToJsonValue());

        var result = await (await _client.PostAsJsonAsync("/api/classification/assess", new { basis = "111/2025", @class = "III", values }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(75m, result.GetProperty("total").GetDecimal());
        Assert.True(result.GetProperty("recognised").GetBoolean());
    }

    [Fact]
    public async Task CriteriaSet_UploadValidateActivateAndReturn()
    {
        var corrected = CriteriaSetReader.BuiltInText("112/2025").Replace("\"version\": \"2026-01\"", "\"version\": \"api-test\"", StringComparison.Ordinal)
            .Replace("\"min\": 21000", "\"min\": 25000", StringComparison.Ordinal);
        var values = new Dictionary<string, object> { ["112.PHUONG.POP"] = 22000, ["112.PHUONG.AREA"] = 6 };
        async Task<string> Verdict() => (await (await _client.PostAsJsonAsync("/api/classification/assess", new { basis = "112/2025", @class = "phuong", values }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("verdict").GetString()!;

        Assert.NotEqual("thresholds_not_met", await Verdict());

        var bad = await _client.PostAsync(new Uri("/api/classification/sets?by=Quản trị", UriKind.Relative),
            new StringContent(corrected.Replace("\"kind\": \"higher\"", "\"kind\": \"sideways\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var upload = await _client.PostAsync(new Uri("/api/classification/sets?by=Quản trị", UriKind.Relative), new StringContent(corrected, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var row = await upload.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(row.GetProperty("active").GetBoolean());
        var duplicate = await _client.PostAsync(new Uri("/api/classification/sets?by=Quản trị", UriKind.Relative), new StringContent(corrected, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        var activate = await _client.PostAsJsonAsync("/api/classification/sets/activate", new { basis = "112/2025", id = row.GetProperty("id").GetInt64() }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, activate.StatusCode);
        Assert.Equal("thresholds_not_met", await Verdict());
        Assert.Contains("api-test", await _client.GetStringAsync(new Uri("/api/classification/set?basis=112/2025", UriKind.Relative), Ct), StringComparison.Ordinal);

        await _client.PostAsJsonAsync("/api/classification/sets/activate", new { basis = "112/2025", id = (long?)null }, Ct);
        Assert.NotEqual("thresholds_not_met", await Verdict());
    }
}
