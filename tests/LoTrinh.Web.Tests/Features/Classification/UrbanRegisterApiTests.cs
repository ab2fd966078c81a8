using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features.Classification;

/// <summary>The register of urban areas and the programme's targets counted from it (issue 21), through the JSON API.</summary>
public sealed class UrbanRegisterApiTests(AppFixture app)
{
    private readonly HttpClient _client = app.Client();
    private static readonly string[] Mountainous = ["mountainous"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> TargetAsync(string indicator, int year)
    {
        await using var db = app.NewDb();
        return await db.Targets.Where(t => t.Indicator.Name == indicator && t.Year == year && t.Directive.Number == "29-CTr/TU").Select(t => t.Id).SingleAsync(Ct);
    }

    private async Task<long> AreaAsync(string name)
    {
        await using var db = app.NewDb();
        return await db.UrbanAreas.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task<(int Areas, int Classes)> RegisterSizeAsync()
    {
        await using var db = app.NewDb();
        return (await db.UrbanAreas.CountAsync(Ct), await db.UrbanAreaClasses.CountAsync(Ct));
    }

    [Fact]
    public async Task Register_ListsLamDongsFifteen_WithTheir2024Classes()
    {
        var areas = (await _client.GetFromJsonAsync<JsonElement>("/api/urban-areas", Ct)).EnumerateArray()
            .Where(a => a.GetProperty("provinceName").GetString() == "Tỉnh Lâm Đồng" && a.GetProperty("retiredOn").ValueKind == JsonValueKind.Null)
            .ToList();

        Assert.Equal(15, areas.Count);
        var byClass = areas.GroupBy(a => a.GetProperty("current").GetProperty("class").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["I"] = 1, ["III"] = 1, ["IV"] = 1, ["V"] = 12 }, byClass);
        Assert.All(areas, a => Assert.Equal("1210/2016", a.GetProperty("current").GetProperty("basis").GetString()));
        var dalat = areas.Single(a => a.GetProperty("name").GetString() == "Đô thị Đà Lạt");
        Assert.Equal("Thành phố Đà Lạt", dalat.GetProperty("formerUnitName").GetString());

        // Unknown recognition dates stay unknown: the class is held from the source's date.
        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/urban-areas/{dalat.GetProperty("id").GetInt64()}", Ct);
        var record = details.GetProperty("classes").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, record.GetProperty("recognisedOn").ValueKind);
        Assert.Equal("2024-04-02", record.GetProperty("heldFrom").GetString());
        Assert.Contains("baolamdong.vn", record.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassV2025_Is12FromTheRegister_AndLienNghiasClassMovesTheClassIVCount()
    {
        var classV = await TargetAsync("Số đô thị loại V", 2025);
        var classIV = await TargetAsync("Số đô thị loại IV", 2025);
        var targets = await _client.GetFromJsonAsync<JsonElement>("/api/targets?directive=29-CTr/TU&pageSize=1000", Ct);
        var v = targets.EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == classV);
        Assert.Equal(12m, v.GetProperty("latest").GetProperty("value").GetDecimal());
        Assert.StartsWith("Sổ đô thị", v.GetProperty("latest").GetProperty("periodLabel").GetString(), StringComparison.Ordinal);

        var count = await _client.GetFromJsonAsync<JsonElement>($"/api/targets/{classIV}/urban-areas", Ct);
        Assert.Equal(1, count.GetProperty("count").GetInt32());
        Assert.Equal("Đô thị Đức Trọng (Liên Nghĩa)", count.GetProperty("areas")[0].GetProperty("name").GetString());
        Assert.Contains("Điều 15 NQ 111/2025", count.GetProperty("lawNote").GetString(), StringComparison.Ordinal);

        var lienNghia = await AreaAsync("Đô thị Đức Trọng (Liên Nghĩa)");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var recorded = await _client.PostAsJsonAsync($"/api/urban-areas/{lienNghia}/classes",
            new { @class = "III", basis = "1210/2016", recognisedOn = today, decision = "QĐ kiểm thử/QĐ-BXD" }, Ct);
        try
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
            Assert.Equal(0, (await _client.GetFromJsonAsync<JsonElement>($"/api/targets/{classIV}/urban-areas", Ct)).GetProperty("count").GetInt32());
            var classIII = await TargetAsync("Số đô thị loại III", 2025);
            Assert.Equal(2, (await _client.GetFromJsonAsync<JsonElement>($"/api/targets/{classIII}/urban-areas", Ct)).GetProperty("count").GetInt32());

            // As of a day before the new recognition, the register still counts it as class IV.
            var before = await _client.GetFromJsonAsync<JsonElement>($"/api/targets/{classIV}/urban-areas?asOf=2025-12-31", Ct);
            Assert.Equal(1, before.GetProperty("count").GetInt32());
        }
        finally
        {
            await using var db = app.NewDb();
            await db.UrbanAreaClasses.Where(c => c.UrbanAreaId == lienNghia && c.Decision == "QĐ kiểm thử/QĐ-BXD").ExecuteDeleteAsync(Ct);
        }
    }

    public static TheoryData<string, string, string> BadClasses => new()
    {
        // A class the basis does not have.
        { """{"class":"VI","basis":"1210/2016","recognisedOn":"2024-01-01","decision":"QĐ 1"}""", "class", "không có loại 'VI'" },
        { """{"class":"III","basis":"112/2025","recognisedOn":"2026-02-01","decision":"QĐ 1"}""", "basis", "đơn vị hành chính" },
        { """{"class":"IV","basis":"1210/2016","recognisedOn":"2099-01-01","decision":"QĐ 1"}""", "recognisedOn", "chưa đến" },
        { """{"class":"IV","basis":"1210/2016","recognisedOn":"2024-02-30","decision":"QĐ 1"}""", "recognisedOn", "không phải là một ngày có thật" },
        { """{"class":"IV","basis":"1210/2016","heldFrom":"2024-01-01","recognisedOn":"2024-03-01","decision":"QĐ 1"}""", "heldFrom", "trước ngày được công nhận" },
        { """{"class":"IV","basis":"1210/2016","recognisedOn":"2024-01-01"}""", "source", "quyết định công nhận hoặc nguồn" },
    };

    [Theory]
    [MemberData(nameof(BadClasses))]
    public async Task BadClassRecord_400_NamesTheField_WritesNothing(string body, string field, string words)
    {
        var area = await AreaAsync("Đô thị Di Linh");
        var before = await RegisterSizeAsync();
        using var response = await _client.PostAsync($"/api/urban-areas/{area}/classes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(words, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RegisterSizeAsync());
    }

    [Fact]
    public async Task ClassRecordWithANulByte_400_WritesNothing()
    {
        var area = await AreaAsync("Đô thị Di Linh");
        var before = await RegisterSizeAsync();
        using var response = await _client.PostAsync($"/api/urban-areas/{area}/classes",
            new StringContent("""{"class":"IV","basis":"1210/2016","recognisedOn":"2024-01-01","decision":"a\u0000b"}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RegisterSizeAsync());
    }

    [Fact]
    public async Task NewArea_OnAUnitThatIsGone_NamesItsSuccessor_AndARecognitionBeforeItsUnitExisted_IsRefused()
    {
        await using var db = app.NewDb();
        var province = await db.Units.Where(u => u.Code == "68" && u.ValidTo == null).Select(u => u.Id).SingleAsync(Ct);
        var oldDiLinh = await db.Units.Where(u => u.Name == "Thị trấn Di Linh").Select(u => u.Id).SingleAsync(Ct);
        var newCommune = await db.Units.Where(u => u.Name == "Xã Hiệp Thạnh" && u.ParentId == province).Select(u => u.Id).SingleAsync(Ct);
        var before = await RegisterSizeAsync();

        using var gone = await _client.PostAsJsonAsync("/api/urban-areas", new { name = "Đô thị thử A", provinceId = province, unitId = oldDiLinh }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        var message = (await gone.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("unitId")[0].GetString();
        Assert.Contains("Xã Di Linh", message, StringComparison.Ordinal);

        // The commune exists since 1/7/2025: a class recognised in 2024 cannot be its own.
        using var early = await _client.PostAsJsonAsync("/api/urban-areas", new
        {
            name = "Đô thị thử B",
            provinceId = province,
            unitId = newCommune,
            @class = new { @class = "V", basis = "1210/2016", recognisedOn = "2024-05-01", decision = "QĐ thử" },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("trước khi đơn vị hành chính", (await early.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("recognisedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RegisterSizeAsync());
    }

    [Fact]
    public async Task Area_AddEditOverAStaleVersion_409_ThenRetire_LeavesTheCount()
    {
        await using var db = app.NewDb();
        var province = await db.Units.Where(u => u.Code == "68" && u.ValidTo == null).Select(u => u.Id).SingleAsync(Ct);
        var commune = await db.Units.Where(u => u.Name == "Xã Hiệp Thạnh" && u.ParentId == province).Select(u => u.Id).SingleAsync(Ct);
        using var added = await _client.PostAsJsonAsync("/api/urban-areas", new
        {
            name = "Đô thị Hiệp Thạnh (thử)",
            provinceId = province,
            unitId = commune,
            regions = Mountainous,
            @class = new { @class = "V", basis = "1210/2016", heldFrom = "2025-08-01", source = "Kiểm thử" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var area = await added.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = area.GetProperty("area").GetProperty("id").GetInt64();
        try
        {
            var classV = await TargetAsync("Số đô thị loại V", 2030);
            Assert.Equal(13, (await _client.GetFromJsonAsync<JsonElement>($"/api/targets/{classV}/urban-areas", Ct)).GetProperty("count").GetInt32());

            var version = area.GetProperty("version").GetUInt32();
            using var edited = await _client.PutAsJsonAsync($"/api/urban-areas/{id}", new { name = "Đô thị Hiệp Thạnh (thử, sửa)", provinceId = province, unitId = commune, version }, Ct);
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            using var stale = await _client.PutAsJsonAsync($"/api/urban-areas/{id}", new { name = "Ghi đè", provinceId = province, version }, Ct);
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            await using (var check = app.NewDb())
            {
                Assert.Equal("Đô thị Hiệp Thạnh (thử, sửa)", await check.UrbanAreas.Where(a => a.Id == id).Select(a => a.Name).SingleAsync(Ct));
            }

            var current = (await edited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetUInt32();
            using var retired = await _client.PostAsJsonAsync($"/api/urban-areas/{id}/retire", new { retiredOn = "2025-10-01", reason = "Sáp nhập (kiểm thử)", version = current }, Ct);
            Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
            Assert.Equal(12, (await _client.GetFromJsonAsync<JsonElement>($"/api/targets/{classV}/urban-areas", Ct)).GetProperty("count").GetInt32());
            Assert.Equal(13, (await _client.GetFromJsonAsync<JsonElement>($"/api/targets/{classV}/urban-areas?asOf=2025-09-30", Ct)).GetProperty("count").GetInt32());
        }
        finally
        {
            await using var cleanup = app.NewDb();
            await cleanup.UrbanAreas.Where(a => a.Id == id).ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task NegativeCountTarget_400_WritesNothing()
    {
        await using var db = app.NewDb();
        var targets = await db.Targets.CountAsync(Ct);
        using var response = await _client.PostAsJsonAsync("/api/targets", new
        {
            directive = "29-CTr/TU",
            indicator = "Số đô thị loại IV",
            unit = "đô thị",
            year = 2030,
            comparator = "eq",
            value = -1,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không âm", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("value")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(targets, await db.Targets.CountAsync(Ct));
    }

    [Fact]
    public async Task Compare_TwoAssessmentsOfOneArea_ListsWhatMoved_OfTwoAreas_400()
    {
        var ducTrong = await AreaAsync("Đô thị Đức Trọng (Liên Nghĩa)");
        var diLinh = await AreaAsync("Đô thị Di Linh");
        var set = LoTrinh.Core.Classification.CriteriaSetReader.BuiltIn.Single(s => s.Basis == "111/2025");
        var values = set.StandardsFor("III").ToDictionary(s => s.Code, s => s.ThresholdFor("III")!.Min!.ToJsonValue());
        var moved = set.StandardsFor("III").First(s => s.Kind == LoTrinh.Core.Classification.StandardKind.Higher && s.ThresholdFor("III")!.Max is not null);
        var ids = new List<long>();
        try
        {
            async Task<long> AssessAsync(long area, string on, IDictionary<string, object> v)
            {
                using var r = await _client.PostAsJsonAsync($"/api/urban-areas/{area}/assessments",
                    new { basis = "111/2025", @class = "III", assessedOn = on, assessedBy = "Kiểm thử", values = v }, Ct);
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
                var id = (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
                ids.Add(id);
                return id;
            }

            var first = await AssessAsync(ducTrong, "2026-02-01", values);
            var better = new Dictionary<string, object>(values) { [moved.Code] = moved.ThresholdFor("III")!.Max!.ToJsonValue() };
            var second = await AssessAsync(ducTrong, "2026-06-01", better);
            var other = await AssessAsync(diLinh, "2026-06-01", values);

            var comparison = await _client.GetFromJsonAsync<JsonElement>($"/api/assessments/compare?a={second}&b={first}", Ct);
            Assert.Equal(first, comparison.GetProperty("before").GetProperty("id").GetInt64());
            var change = comparison.GetProperty("standards").EnumerateArray().Single();
            Assert.Equal((moved.Code, "improved"), (change.GetProperty("code").GetString(), change.GetProperty("change").GetString()));
            Assert.True(comparison.GetProperty("totalAfter").GetDecimal() > comparison.GetProperty("totalBefore").GetDecimal());

            using var mixed = await _client.GetAsync($"/api/assessments/compare?a={first}&b={other}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        }
        finally
        {
            await using var db = app.NewDb();
            await db.Assessments.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task Unit_AssessedAgainstTheUnitStandards_Stored_NeverAgainstAClassification()
    {
        await using var db = app.NewDb();
        var commune = await db.Units.Where(u => u.Name == "Xã Đức Trọng" && u.ValidTo == null).Select(u => u.Id).SingleAsync(Ct);
        var area = await AreaAsync("Đô thị Đức Trọng (Liên Nghĩa)");
        var set = LoTrinh.Core.Classification.CriteriaSetReader.BuiltIn.Single(s => s.Basis == "112/2025");
        var values = set.StandardsFor("xa_mien_nui").Where(s => s.ThresholdFor("xa_mien_nui")!.Min is not null)
            .ToDictionary(s => s.Code, s => s.ThresholdFor("xa_mien_nui")!.Min!.ToJsonValue());
        var before = await db.Assessments.CountAsync(Ct);

        using var wrongForUnit = await _client.PostAsJsonAsync($"/api/units/{commune}/assessments",
            new { basis = "111/2025", @class = "III", assessedOn = "2026-06-01", assessedBy = "Kiểm thử", values = new { } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongForUnit.StatusCode);
        Assert.Contains("đơn vị hành chính", (await wrongForUnit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("basis")[0].GetString(), StringComparison.Ordinal);
        using var wrongForArea = await _client.PostAsJsonAsync($"/api/urban-areas/{area}/assessments",
            new { basis = "112/2025", @class = "xa_mien_nui", assessedOn = "2026-06-01", assessedBy = "Kiểm thử", values }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongForArea.StatusCode);
        Assert.Equal(before, await db.Assessments.CountAsync(Ct));

        using var saved = await _client.PostAsJsonAsync($"/api/units/{commune}/assessments",
            new { basis = "112/2025", @class = "xa_mien_nui", assessedOn = "2026-06-01", assessedBy = "Kiểm thử", values }, Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var view = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        try
        {
            Assert.Equal(("Xã Đức Trọng", commune), (view.GetProperty("subject").GetString(), view.GetProperty("administrativeUnitId").GetInt64()));
            var listed = await _client.GetFromJsonAsync<JsonElement>($"/api/units/{commune}/assessments", Ct);
            Assert.Equal(view.GetProperty("id").GetInt64(), listed[0].GetProperty("id").GetInt64());
        }
        finally
        {
            await db.Assessments.Where(a => a.Id == view.GetProperty("id").GetInt64()).ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task Register_ExportEditImport_OneTemplateBothWays_ABadCellWritesNothing()
    {
        var bytes = await _client.GetByteArrayAsync("/Classification?handler=Export&format=xlsx", Ct);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["Đô thị"] == "Đô thị Di Linh" && (string?)r["Loại đô thị"] == "V");

        async Task<JsonElement> ImportAsync(IEnumerable<IDictionary<string, object?>> sheet, HttpStatusCode expected)
        {
            var file = new MemoryStream();
            await MiniExcelLibs.MiniExcel.SaveAsAsync(file, sheet, cancellationToken: Ct);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(file.ToArray()), "file", "so-do-thi.xlsx" } };
            using var response = await _client.PostAsync("/api/urban-areas/import", form, Ct);
            Assert.Equal(expected, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        // Exported and imported back unchanged: nothing to do.
        var same = await ImportAsync(rows, HttpStatusCode.OK);
        Assert.Equal((0, 0, 0), (same.GetProperty("added").GetInt32(), same.GetProperty("updated").GetInt32(), same.GetProperty("classesRecorded").GetInt32()));

        var diLinh = rows.Single(r => (string?)r["Đô thị"] == "Đô thị Di Linh");
        var edited = rows.Select(r => r == diLinh
            ? new Dictionary<string, object?>(r) { ["Loại đô thị"] = "IV", ["Tính từ ngày"] = new DateTime(2025, 6, 1), ["Ngày công nhận"] = new DateTime(2025, 6, 1), ["Quyết định công nhận"] = "QĐ nhập thử/QĐ-BXD" }
            : r).ToList();
        var added = new Dictionary<string, object?>(rows[0].ToDictionary(k => k.Key, _ => (object?)null))
        {
            ["Đô thị"] = "Đô thị nhập thử",
            ["Tỉnh, thành phố"] = "Tỉnh Lâm Đồng",
            ["Đơn vị hành chính"] = "Xã Hiệp Thạnh",
            ["Loại đô thị"] = "V",
            ["Cơ sở pháp lý"] = "1210/2016",
            ["Tính từ ngày"] = new DateTime(2025, 9, 1),
            ["Nguồn"] = "Kiểm thử nhập",
        };

        var before = await RegisterSizeAsync();
        var bad = new Dictionary<string, object?>(added) { ["Đô thị"] = "Đô thị lỗi", ["Đơn vị hành chính"] = "Xã Không Có" };
        var refused = await ImportAsync([.. edited, added, bad], HttpStatusCode.BadRequest);
        Assert.Contains(refused.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("cột \"Đơn vị hành chính\"", StringComparison.Ordinal)
            && p.GetString()!.StartsWith($"Dòng {edited.Count + 3}", StringComparison.Ordinal));
        Assert.Equal(before, await RegisterSizeAsync());

        var imported = await ImportAsync([.. edited, added], HttpStatusCode.OK);
        var id = await AreaAsync("Đô thị Di Linh");
        try
        {
            Assert.Equal((1, 0, 2), (imported.GetProperty("added").GetInt32(), imported.GetProperty("updated").GetInt32(), imported.GetProperty("classesRecorded").GetInt32()));
            var area = await _client.GetFromJsonAsync<JsonElement>($"/api/urban-areas/{id}", Ct);
            Assert.Equal("IV", area.GetProperty("area").GetProperty("current").GetProperty("class").GetString());
            Assert.Equal(2, area.GetProperty("classes").GetArrayLength());
        }
        finally
        {
            await using var db = app.NewDb();
            await db.UrbanAreaClasses.Where(c => c.Decision == "QĐ nhập thử/QĐ-BXD").ExecuteDeleteAsync(Ct);
            await db.UrbanAreas.Where(a => a.Name == "Đô thị nhập thử").ExecuteDeleteAsync(Ct);
        }
    }
}
