using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LoTrinh.Core.Accounts;
using MiniExcelLibs;

namespace LoTrinh.Web.Tests.Features;

/// <summary>Long exports in the background (issue 18): queued, written in the requester's scope, the page's columns, kept for the requester only.</summary>
public sealed class ExportTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> FinishedAsync(HttpClient client, Uri location)
    {
        for (var i = 0; i < 300; i++)
        {
            var state = await client.GetFromJsonAsync<JsonElement>(location, Ct);
            if (state.GetProperty("state").GetString() is "done" or "failed")
            {
                return state;
            }

            await Task.Delay(200, Ct);
        }

        throw new TimeoutException("The export did not finish in a minute.");
    }

    private static async Task<int> TotalAsync(HttpClient client, string query)
    {
        var list = await client.GetAsync($"/api/tasks?{query}&pageSize=1", Ct);
        return int.Parse(list.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ATaskListExportedInTheBackground_HasEveryRow_RealDates_AFrozenFilteredHeader_AndIsTheRequestersOnly()
    {
        var client = app.Client();
        var queued = await client.PostAsync(new Uri("/api/tasks/export?format=xlsx&asOf=2024-06-30", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var location = queued.Headers.Location!;
        var state = await FinishedAsync(client, location);
        Assert.Equal("done", state.GetProperty("state").GetString());
        Assert.Equal(100, state.GetProperty("percent").GetInt32());

        var file = await client.GetAsync(new Uri(location + "/file", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("nhiem-vu-2024-06-30.xlsx", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await file.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(state.GetProperty("sizeBytes").GetInt64(), bytes.Length);

        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(await TotalAsync(client, "asOf=2024-06-30"), rows.Count);
        Assert.Equal(["Mã", "Nhiệm vụ", "Văn bản", "Mục", "Chủ trì", "Phối hợp", "Thời hạn", "Hạn (ngày)", "Hoàn thành", "Tình trạng"], rows[0].Keys);
        Assert.Contains(rows, r => r["Hạn (ngày)"] is DateTime);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var worksheet = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet;
            Assert.Equal(1d, worksheet.Descendants<Pane>().Single().VerticalSplit!.Value);
            Assert.NotNull(worksheet.Descendants<AutoFilter>().SingleOrDefault());
        }

        // Someone else's export is not found, its file neither.
        var officer = app.As(Role.AgencyOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(new Uri(location + "/file", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Exports/Details/{location.ToString().Split('/')[^1]}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnOfficersExport_IsReadInTheOfficersScope_AsCsvWithABom()
    {
        var officer = app.As(Role.AgencyOfficer);
        var queued = await officer.PostAsync(new Uri("/api/tasks/export?format=csv", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal("done", (await FinishedAsync(officer, queued.Headers.Location!)).GetProperty("state").GetString());
        var bytes = await officer.GetByteArrayAsync(new Uri(queued.Headers.Location + "/file", UriKind.Relative), Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var rows = MiniExcel.Query(new MemoryStream(bytes[3..]), useHeaderRow: true, excelType: ExcelType.CSV).Count();
        var theirs = await TotalAsync(officer, "x=1");
        Assert.Equal(theirs, rows);
        Assert.True(theirs < await TotalAsync(app.Client(), "x=1"), "the officer sees fewer tasks than the secretariat");
    }

    [Fact]
    public async Task ThePublicListsAndAnAssessmentsGaps_ExportTheirColumns()
    {
        // The public: agencies and the published directives, as the pages list them.
        var anonymous = app.Anonymous();
        var agencies = await anonymous.GetAsync("/Agencies?handler=Export&format=xlsx&kind=&q=x%C3%A2y", Ct);
        Assert.Equal(HttpStatusCode.OK, agencies.StatusCode);
        var agencyRows = MiniExcel.Query(new MemoryStream(await agencies.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var listed = await anonymous.GetAsync("/api/agencies?q=x%C3%A2y&pageSize=1", Ct);
        Assert.Equal(int.Parse(listed.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture), agencyRows.Count);
        Assert.Equal(["Mã", "Tên", "Tên viết tắt", "Loại", "Địa bàn", "Số nhiệm vụ"], agencyRows[0].Keys);

        var directives = await anonymous.GetByteArrayAsync("/Directives?handler=Export&format=csv", Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), directives[..3]);
        var directiveRows = MiniExcel.Query(new MemoryStream(directives[3..]), useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().ToList();
        var published = await anonymous.GetAsync("/api/directives?pageSize=1", Ct);
        Assert.Equal(int.Parse(published.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture), directiveRows.Count);
        Assert.Contains(directiveRows, r => (string?)r["Số hiệu"] == "29-CTr/TU" && (string?)r["Ngày ban hành"] == "2022-06-15");
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/Directives?handler=Export&format=doc", Ct)).StatusCode);

        // An assessment's gap table, points as numbers.
        var client = app.Client();
        var area = (await client.GetFromJsonAsync<JsonElement>("/api/urban-areas", Ct)).EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == "Đô thị Đức Trọng (Liên Nghĩa)").GetProperty("id").GetInt64();
        var saved = await client.PostAsJsonAsync($"/api/urban-areas/{area}/assessments", new
        {
            basis = "111/2025",
            @class = "II",
            assessedOn = "2026-11-20",
            assessedBy = "Sở Xây dựng",
            values = new Dictionary<string, object> { ["2A.II.03"] = 220697, ["2A.II.04"] = 1286 },
        }, Ct);
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync(Ct));
        var assessment = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var gaps = await client.GetAsync($"/Classification/Assessment/{assessment}?handler=Gaps&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, gaps.StatusCode);
        var gapRows = MiniExcel.Query(new MemoryStream(await gaps.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(gapRows);
        Assert.Contains(gapRows, r => r["Điểm"] is double);
    }

    [Fact]
    public async Task ABadExport_IsNamed_AndNothingIsQueued()
    {
        var client = app.Client();
        var format = await client.PostAsync(new Uri("/api/tasks/export?format=pdf", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.True((await format.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("format", out _));
        var status = await client.PostAsync(new Uri("/api/tasks/export?status=xong", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        var locality = await client.PostAsync(new Uri("/api/tasks/export?locality=-1", UriKind.Relative), null, Ct);
        Assert.True((await locality.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("locality", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/exports/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync(new Uri("/api/tasks/export", UriKind.Relative), null, Ct)).StatusCode);
    }
}
