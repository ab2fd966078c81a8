using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;

namespace LoTrinh.Web.Tests.Features.Reporting;

/// <summary>The report as an Excel file filled offline: the template both ways, checked cell by cell, all or nothing.</summary>
public sealed partial class ReportingApiTests
{
    /// <summary>The file as Excel would save it after a person typed into it: each sheet's rows by their headers.</summary>
    public static byte[] Edit(byte[] file, Action<List<Dictionary<string, object?>>, List<Dictionary<string, object?>>> edit) =>
        Edit(file, (info, tasks, _) => edit(info, tasks));

    /// <summary>As above, with the indicators sheet too.</summary>
    public static byte[] Edit(byte[] file, Action<List<Dictionary<string, object?>>, List<Dictionary<string, object?>>, List<Dictionary<string, object?>>> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        using var input = new MemoryStream(file);
        List<Dictionary<string, object?>> Sheet(string name) =>
            [.. input.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r))];
        var (info, tasks, values) = (Sheet("ThongTin"), Sheet("NhiemVu"), Sheet("ChiTieu"));
        edit(info, tasks, values);
        using var output = new MemoryStream();
        output.SaveAs(new Dictionary<string, object> { ["ThongTin"] = info, ["NhiemVu"] = tasks, ["ChiTieu"] = values });
        return output.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, long report, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "bao-cao.xlsx");
        return await client.PostAsync($"/api/reporting/reports/{report}/form.xlsx", form, Ct);
    }

    /// <summary>What an answer says, its messages unescaped: the problem's title, detail and every field's messages.</summary>
    private static async Task<string> SaysAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var said = new List<string?> { problem.TryGetProperty("title", out var t) ? t.GetString() : null, problem.TryGetProperty("detail", out var d) ? d.GetString() : null };
        if (problem.TryGetProperty("errors", out var errors))
        {
            said.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())));
        }

        return string.Join("\n", said.Where(x => x is not null));
    }

    private static void Fill(Dictionary<string, object?> row, string status, object? percent, object? completedOn, string progress)
    {
        row["Tình trạng"] = status;
        row["Tỷ lệ hoàn thành (%)"] = percent;
        row["Ngày hoàn thành (dd/mm/yyyy)"] = completedOn;
        row["Kết quả thực hiện"] = progress;
        row["Khó khăn, vướng mắc"] = "Thiếu vốn đối ứng";
    }

    private static IEnumerable<string> Stored(JsonElement report) => report.GetProperty("lines").EnumerateArray().OrderBy(l => l.GetProperty("taskId").GetInt64())
        .Select(l => string.Join("|", l.GetProperty("taskId").GetInt64(), l.GetProperty("claimed").GetString(), l.GetProperty("percent"),
            l.GetProperty("completedOn"), l.GetProperty("progress").GetString(), l.GetProperty("difficulties").GetString()));

    [Fact]
    public async Task TheExcelForm_FilledOffline_StoresWhatTheSameEntriesInTheFormStore()
    {
        var officer = install.As(install.LeadOfficer);
        var byForm = await ReportOfAsync(await NewRegimeAsync("Báo cáo quý (biểu mẫu)"), "Quý II/2026", install.CommuneId);
        var byFile = await ReportOfAsync(await NewRegimeAsync("Báo cáo quý (Excel)"), "Quý II/2026", install.CommuneId);
        var (first, second) = (install.LedByCommune[0], install.LedByCommune[1]);

        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{byForm}", Ct);
        var saved = await officer.PutAsJsonAsync($"/api/reporting/reports/{byForm}", new
        {
            version = read.GetProperty("version").GetUInt32(),
            summary = "Quý II: triển khai đúng kế hoạch",
            lines = new[]
            {
                new { taskId = first, claimed = "in_progress", percent = (int?)45, completedOn = (string?)null, progress = "Đang thẩm định hồ sơ", difficulties = "Thiếu vốn đối ứng", proposals = (string?)null },
                new { taskId = second, claimed = "completed", percent = (int?)100, completedOn = (string?)"2026-06-05", progress = "Đã ban hành", difficulties = "Thiếu vốn đối ứng", proposals = (string?)null },
            },
        }, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));

        var template = await officer.GetByteArrayAsync($"/api/reporting/reports/{byFile}/form.xlsx", Ct);
        var filled = Edit(template, (info, tasks) =>
        {
            info.Single(r => (string?)r["Mục"] == "Tình hình chung")["Giá trị"] = "Quý II: triển khai đúng kế hoạch";
            Fill(tasks.Single(r => Convert.ToInt64(r["Mã nhiệm vụ"], System.Globalization.CultureInfo.InvariantCulture) == first), "Đang thực hiện", 45, null, "Đang thẩm định hồ sơ");
            // A date typed into Excel is a date cell, not text.
            Fill(tasks.Single(r => Convert.ToInt64(r["Mã nhiệm vụ"], System.Globalization.CultureInfo.InvariantCulture) == second), "Đã hoàn thành", 100, new DateTime(2026, 6, 5), "Đã ban hành");
        });
        var uploaded = await UploadAsync(officer, byFile, filled);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync(Ct));

        var formStored = await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{byForm}", Ct);
        var fileStored = await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{byFile}", Ct);
        Assert.Equal(Stored(formStored), Stored(fileStored));
        Assert.Equal(formStored.GetProperty("summary").GetString(), fileStored.GetProperty("summary").GetString());

        // And back: the file downloaded now carries what was stored.
        using var again = new MemoryStream(await officer.GetByteArrayAsync($"/api/reporting/reports/{byFile}/form.xlsx", Ct));
        var rows = again.Query(useHeaderRow: true, sheetName: "NhiemVu").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["Ngày hoàn thành (dd/mm/yyyy)"] == "05/06/2026" && (string?)r["Tình trạng"] == "Đã hoàn thành");
    }

    [Fact]
    public async Task AnExcelFormWithOneBadCell_WritesNothing_AndNamesTheCell()
    {
        var officer = install.As(install.LeadOfficer);
        var id = await ReportOfAsync(await NewRegimeAsync("Báo cáo quý (ô sai)"), "Quý II/2026", install.CommuneId);
        var template = await officer.GetByteArrayAsync($"/api/reporting/reports/{id}/form.xlsx", Ct);
        var before = Stored(await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct)).ToList();

        foreach (var (percent, said) in new (object, string)[] { ("bảy mươi", "cột F: tỷ lệ \"bảy mươi\""), (140, "cột F: Nhiệm vụ") })
        {
            var file = Edit(template, (_, tasks) =>
            {
                Fill(tasks[0], "Đang thực hiện", 70, null, "Đúng");
                Fill(tasks[1], "Đang thực hiện", percent, null, "Sai một ô");
            });
            var response = await UploadAsync(officer, id, file);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Trang NhiemVu, dòng 3, " + said, await SaysAsync(response), StringComparison.Ordinal);
            Assert.Equal(before, Stored(await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct)));
        }

        var badStatus = await UploadAsync(officer, id, Edit(template, (_, tasks) => Fill(tasks[0], "Xong rồi", 100, null, "x")));
        Assert.Contains("dòng 2, cột E", await SaysAsync(badStatus), StringComparison.Ordinal);
        var badDate = await UploadAsync(officer, id, Edit(template, (_, tasks) => Fill(tasks[0], "Đã hoàn thành", 100, "31/02/2026", "x")));
        Assert.Contains("dòng 2, cột G", await SaysAsync(badDate), StringComparison.Ordinal);
        Assert.Equal(before, Stored(await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct)));
    }

    [Fact]
    public async Task AFileThatIsNotThisReportsTemplate_IsRefusedAsSuch()
    {
        var regime = await NewRegimeAsync("Báo cáo quý (mẫu khác)");
        var communes = await ReportOfAsync(regime, "Quý II/2026", install.CommuneId);
        var departments = await ReportOfAsync(regime, "Quý II/2026", install.DepartmentId);
        var officer = install.As(install.LeadOfficer);
        var template = await officer.GetByteArrayAsync($"/api/reporting/reports/{communes}/form.xlsx", Ct);

        // The department's form, uploaded to the commune's report.
        var theirs = await install.As(install.CooperatingOfficer).GetByteArrayAsync($"/api/reporting/reports/{departments}/form.xlsx", Ct);
        Assert.Contains("báo cáo khác", await SaysAsync(await UploadAsync(officer, communes, theirs)), StringComparison.Ordinal);

        // A header renamed.
        var renamed = Edit(template, (_, tasks) =>
        {
            foreach (var row in tasks)
            {
                row["Tỷ lệ (%)"] = row["Tỷ lệ hoàn thành (%)"];
                row.Remove("Tỷ lệ hoàn thành (%)");
            }
        });
        var headerAnswer = await UploadAsync(officer, communes, renamed);
        Assert.Equal(HttpStatusCode.BadRequest, headerAnswer.StatusCode);
        Assert.Contains("tiêu đề", await SaysAsync(headerAnswer), StringComparison.Ordinal);

        // Not a spreadsheet at all, and a row added.
        Assert.Contains("Không đọc được tệp", await SaysAsync(await UploadAsync(officer, communes, "PK\u0003\u0004 không phải xlsx"u8.ToArray())), StringComparison.Ordinal);
        var added = Edit(template, (_, tasks) => tasks.Add(new Dictionary<string, object?>(tasks[0]) { ["Mã nhiệm vụ"] = 999999 }));
        Assert.Contains("cột A", await SaysAsync(await UploadAsync(officer, communes, added)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileDownloadedBeforeAColleaguesSave_IsRefusedAsStale()
    {
        var officer = install.As(install.LeadOfficer);
        var id = await ReportOfAsync(await NewRegimeAsync("Báo cáo quý (cũ)"), "Quý II/2026", install.CommuneId);
        var template = await officer.GetByteArrayAsync($"/api/reporting/reports/{id}/form.xlsx", Ct);
        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct);
        Assert.True((await officer.PutAsJsonAsync($"/api/reporting/reports/{id}", new { version = read.GetProperty("version").GetUInt32(), summary = "Đồng nghiệp đã lưu" }, Ct)).IsSuccessStatusCode);

        var stale = await UploadAsync(officer, id, Edit(template, (_, tasks) => Fill(tasks[0], "Đang thực hiện", 10, null, "cũ")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("tải mẫu mới", await SaysAsync(stale), StringComparison.Ordinal);
        Assert.Equal("Đồng nghiệp đã lưu", (await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct)).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Evidence_IsTypeChecked_KeptWithItsHash_AndLockedWithTheReport()
    {
        var officer = install.As(install.LeadOfficer);
        var id = await ReportOfAsync(await NewRegimeAsync("Báo cáo quý (minh chứng)"), "Quý II/2026", install.CommuneId);
        var task = install.LedByCommune[0];
        var pdf = "%PDF-1.4\n% Biên bản kiểm tra hiện trường\n"u8.ToArray();

        using (var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "Biên bản kiểm tra.pdf" }, { new StringContent($"{task}"), "taskId" } })
        {
            var attached = await officer.PostAsync($"/api/reporting/reports/{id}/files", form, Ct);
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
            var file = await attached.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), file.GetProperty("sha256").GetString());
            Assert.Equal(task, file.GetProperty("taskId").GetInt64());
            Assert.Equal(pdf, await officer.GetByteArrayAsync(attached.Headers.Location, Ct));
            // Another agency cannot read it.
            Assert.Equal(HttpStatusCode.NotFound, (await install.As(install.CooperatingOfficer).GetAsync(attached.Headers.Location, Ct)).StatusCode);
        }

        using (var disguised = new MultipartFormDataContent { { new ByteArrayContent([0x4D, 0x5A, 0x90, 0, 3]), "file", "bao-cao.pdf" } })
        {
            var refused = await officer.PostAsync($"/api/reporting/reports/{id}/files", disguised, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("không phải .pdf", await SaysAsync(refused), StringComparison.Ordinal);
        }

        var report = await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct);
        Assert.Single(report.GetProperty("files").EnumerateArray());

        // Once submitted, evidence is locked with the report.
        var saved = await officer.PutAsJsonAsync($"/api/reporting/reports/{id}", new
        {
            version = report.GetProperty("version").GetUInt32(),
            lines = install.LedByCommune.Select(t => new { taskId = t, claimed = "in_progress", progress = "Đang làm" }).ToArray(),
        }, Ct);
        var version = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetUInt32();
        Assert.True((await install.As(install.LeadHead).PostAsJsonAsync($"/api/reporting/reports/{id}/submit", new { version }, Ct)).IsSuccessStatusCode);
        using var late = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "bo-sung.pdf" } };
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/reporting/reports/{id}/files", late, Ct)).StatusCode);
        var fileId = report.GetProperty("files")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await officer.DeleteAsync($"/api/reporting/reports/{id}/files/{fileId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheRegimesIndicators_AreReportedForTheAgencysLocality_CheckedAgainstTheirUnit_AndApprovedIntoTheQuartersFigure()
    {
        var secretariat = install.As(install.Secretariat);
        var indicator = await install.PercentIndicatorAsync();
        var regime = await install.NewRegimeAsync(ReportingInstall.Quarterly("Báo cáo quý có chỉ tiêu", [indicator]));
        var id = await ReportOfAsync(regime, "Quý II/2026", install.CommuneId);
        var officer = install.As(install.LeadOfficer);
        var report = await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{id}", Ct);
        var asked = Assert.Single(report.GetProperty("values").EnumerateArray());
        Assert.Equal(indicator, asked.GetProperty("indicatorId").GetInt64());
        Assert.Equal("%", asked.GetProperty("measure").GetString());
        var unit = asked.GetProperty("unitId").GetInt64();

        // 140% in the file: nothing written, the cell named.
        var template = await officer.GetByteArrayAsync($"/api/reporting/reports/{id}/form.xlsx", Ct);
        var bad = await UploadAsync(officer, id, Edit(template, (_, _, values) => values[0]["Giá trị"] = 140));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Trang ChiTieu, dòng 2, cột F", await SaysAsync(bad), StringComparison.Ordinal);
        var words = await UploadAsync(officer, id, Edit(template, (_, _, values) => values[0]["Giá trị"] = "khoảng bốn mươi"));
        Assert.Contains("Trang ChiTieu, dòng 2, cột F", await SaysAsync(words), StringComparison.Ordinal);

        var good = await UploadAsync(officer, id, Edit(template, (_, tasks, values) =>
        {
            values[0]["Giá trị"] = 41.5;
            values[0]["Nguồn, ghi chú"] = "Chi cục Thống kê";
            foreach (var row in tasks)
            {
                row["Kết quả thực hiện"] = "Đang triển khai";
            }
        }));
        Assert.True(good.IsSuccessStatusCode, await good.Content.ReadAsStringAsync(Ct));
        var version = (await good.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetUInt32();
        var submitted = await (await install.As(install.LeadHead).PostAsJsonAsync($"/api/reporting/reports/{id}/submit", new { version }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True((await secretariat.PostAsJsonAsync($"/api/reporting/reports/{id}/approve", new { version = submitted.GetProperty("version").GetUInt32() }, Ct)).IsSuccessStatusCode);

        // The figure of the calendar quarter (statistics are not kept on Decree 09's 15th-to-14th), for the commune.
        var (value, start, end, source) = await install.MeasurementAsync(indicator, unit);
        Assert.Equal(41.5m, value);
        Assert.Equal(new DateOnly(2026, 4, 1), start);
        Assert.Equal(new DateOnly(2026, 6, 30), end);
        Assert.Contains("Quý II/2026", source, StringComparison.Ordinal);
    }
}
