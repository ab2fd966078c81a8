using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using MiniExcelLibs;
using Npgsql;

namespace LoTrinh.Web.Tests.Features;

/// <summary>Figures in bulk (POST /api/measurements/import, the /Indicators/Import page): all rows or none, every fault by line, audited.</summary>
public sealed class MeasurementImportTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An indicator of this test alone, so no other test's figures meet its own.</summary>
    private async Task<(long Id, string Name)> NewIndicatorAsync(string unit = "%")
    {
        var name = $"Tỷ lệ thử nhập hàng loạt {Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var insert = new NpgsqlCommand(
            "insert into indicator (name, name_key, unit, direction) values ($1, lower($1), $2, 'increase') returning id", connection)
        {
            Parameters = { new() { Value = name }, new() { Value = unit } },
        };
        return ((long)(await insert.ExecuteScalarAsync(Ct))!, name);
    }

    private async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static MultipartFormDataContent File(string name, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static byte[] Csv(params string[] lines) =>
        Encoding.UTF8.GetBytes("indicator,unit_code,period_start,period_end,period_label,value,unit,source\n" + string.Join("\n", lines) + "\n");

    [Fact]
    public async Task AValidFile_IsWrittenInOneGo_AgainChangesNothing_AndAChangedValueIsAnAuditedUpdate()
    {
        var (indicator, name) = await NewIndicatorAsync();
        var secretariat = app.As(Role.Secretariat);
        // By name in one row and by id in the others; the 2025 province (68) and two of its communes.
        var rows = new[]
        {
            $"\"{name}\",68,2024-01-01,2024-12-31,Năm 2024,41.5,%,Cục Thống kê",
            $"{indicator},68,2025-01-01,2025-12-31,Năm 2025,43.0,%,Cục Thống kê",
            $"{indicator},24958,01/01/2025,31/12/2025,Năm 2025,61,,Báo cáo xã",
        };
        var first = await secretariat.PostAsync("/api/measurements/import", File("so-lieu.csv", Csv(rows)), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, result.GetProperty("inserted").GetInt32());
        Assert.Equal(3, await ScalarAsync("select count(*) from measurement where indicator_id = $1", indicator));

        var again = await (await secretariat.PostAsync("/api/measurements/import", File("so-lieu.csv", Csv(rows)), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());

        rows[1] = rows[1].Replace("43.0", "44.25", StringComparison.Ordinal);
        var changed = await (await secretariat.PostAsync("/api/measurements/import", File("so-lieu.csv", Csv(rows)), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, changed.GetProperty("updated").GetInt32());
        Assert.Equal(44.25m, (decimal)await ScalarAsync("select value * 100 from measurement where indicator_id = $1 and period_start = date '2025-01-01' and administrative_unit_id = (select id from administrative_unit where code = '68' and valid_to is null)", indicator) / 100);

        // The trail: three inserts and one update, each under the person who imported.
        Assert.Equal(4, await ScalarAsync(
            "select count(*) from audit_event where table_name = 'measurement' and (after ->> 'indicator_id')::bigint = $1 and actor_id = $2",
            indicator, app.Accounts[Role.Secretariat].Id));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task AnIndicatorsFiguresExported_AreTheImportTemplate_ExportEditImportBack(string format)
    {
        var (indicator, _) = await NewIndicatorAsync();
        var secretariat = app.As(Role.Secretariat);
        var rows = new[]
        {
            $"{indicator},68,2024-01-01,2024-12-31,Năm 2024,41.5,%,Cục Thống kê",
            $"{indicator},68,2025-01-01,2025-12-31,Năm 2025,43,%,Cục Thống kê",
            $"{indicator},24958,2025-01-01,2025-12-31,Năm 2025,61,%,Báo cáo xã",
        };
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync("/api/measurements/import", File("so-lieu.csv", Csv(rows)), Ct)).StatusCode);

        var exported = await secretariat.GetAsync($"/api/indicators/{indicator}/measurements.{format}", Ct);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var bytes = await exported.Content.ReadAsByteArrayAsync(Ct);
        var type = format == "xlsx" ? ExcelType.XLSX : ExcelType.CSV;
        var read = MiniExcel.Query(new MemoryStream(format == "csv" ? bytes[3..] : bytes), useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, read.Count);
        Assert.Equal(["chỉ số", "mã đơn vị", "tên đơn vị", "từ ngày", "đến ngày", "kỳ", "giá trị", "đơn vị tính", "nguồn"], read[0].Keys);
        if (format == "xlsx")
        {
            Assert.IsType<DateTime>(read[0]["từ ngày"]); // a date the spreadsheet knows, not text
        }
        else
        {
            Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        }

        // Imported back untouched: nothing changes. One value edited in the file: one audited update.
        var again = await (await secretariat.PostAsync("/api/measurements/import", File("xuat." + format, bytes), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((0, 0, 3), (again.GetProperty("inserted").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        var edited = read.Select(r => new Dictionary<string, object?>(r)).ToList();
        edited.Single(r => Convert.ToString(r["mã đơn vị"], System.Globalization.CultureInfo.InvariantCulture) == "24958")["giá trị"] = 62.5m;
        var file = new MemoryStream();
        await MiniExcel.SaveAsAsync(file, edited, excelType: ExcelType.XLSX, cancellationToken: Ct);
        var changed = await (await secretariat.PostAsync("/api/measurements/import", File("sua.xlsx", file.ToArray()), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((0, 1, 2), (changed.GetProperty("inserted").GetInt32(), changed.GetProperty("updated").GetInt32(), changed.GetProperty("unchanged").GetInt32()));
        // Exactly that value, with its audit row: one update of this indicator, from 61 to 62.5.
        Assert.Equal(1, await ScalarAsync(
            "select count(*) from audit_event where table_name = 'measurement' and action = 'update' and (after ->> 'indicator_id')::bigint = $1 "
            + "and (before ->> 'value')::numeric = 61 and (after ->> 'value')::numeric = 62.5", indicator));

        // A unit filter narrows the file; a format it cannot write and an unknown indicator are named.
        var one = await secretariat.GetAsync($"/api/indicators/{indicator}/measurements.csv?unit=68", Ct);
        Assert.Equal(2, MiniExcel.Query(new MemoryStream((await one.Content.ReadAsByteArrayAsync(Ct))[3..]), useHeaderRow: true, excelType: ExcelType.CSV).Count());
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.GetAsync($"/api/indicators/{indicator}/measurements.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/indicators/999999999/measurements.csv", Ct)).StatusCode);
    }

    [Fact]
    public async Task AFileWithFaults_WritesNothing_AndNamesEveryFaultyLine()
    {
        var (indicator, _) = await NewIndicatorAsync();
        var body = Csv(
            $"{indicator},68,2024-01-01,2024-12-31,Năm 2024,41.5,%,Cục Thống kê",        // line 2: fine
            "Chỉ số không có,68,2024-01-01,2024-12-31,Năm 2024,1,,Nguồn",                  // 3: unknown indicator
            $"{indicator},99999,2024-01-01,2024-12-31,Năm 2024,1,,Nguồn",                  // 4: unknown unit
            $"{indicator},68,2024-01-01,2024-12-31,Năm 2024,41.5,km,Nguồn",                // 5: wrong unit, and a repeat of line 2
            $"{indicator},24958,2024-01-01,2024-12-31,Năm 2024,140,%,Nguồn",              // 6: implausible percentage
            $"{indicator},24958,2024-02-30,2024-12-31,Năm 2024,1,%,Nguồn",                 // 7: no such day
            $"{indicator},24958,2023-01-01,2023-12-31,Năm 2023,\"53,5\",%,Nguồn",          // 8: decimal comma
            $"{indicator},24958,2022-12-31,2022-01-01,Năm 2022,5,%,Nguồn");                // 9: ends before it starts
        var response = await app.As(Role.Secretariat).PostAsync("/api/measurements/import", File("loi.csv", body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        foreach (var (line, words) in new[] { (3, "không có chỉ số"), (4, "99999"), (5, "đơn vị tính \"km\""), (5, "trùng với dòng 2"), (6, "không hợp lý"),
                     (7, "không phải là một ngày"), (8, "không phải là số"), (9, "trước khi bắt đầu") })
        {
            Assert.Contains(problems, p => p.StartsWith($"Dòng {line}:", StringComparison.Ordinal) && p.Contains(words, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(problems, p => p.StartsWith("Dòng 2:", StringComparison.Ordinal));
        Assert.Equal(0, await ScalarAsync("select count(*) from measurement where indicator_id = $1", indicator));
    }

    [Fact]
    public async Task AnOfficer_ImportsForItsCommune_ButNotForAnotherProvince()
    {
        var (indicator, _) = await NewIndicatorAsync();
        var officer = app.As(Role.AgencyOfficer);
        var outside = await officer.PostAsync("/api/measurements/import",
            File("xa.csv", Csv($"{indicator},24958,2025-01-01,2025-12-31,Năm 2025,12,%,Báo cáo xã", $"{indicator},01,2025-01-01,2025-12-31,Năm 2025,12,%,Hà Nội")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("Dòng 3: đơn vị mã 01 ngoài phạm vi", await outside.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var own = await officer.PostAsync("/api/measurements/import", File("xa.csv", Csv($"{indicator},24958,2025-01-01,2025-12-31,Năm 2025,12,%,Báo cáo xã")), Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/measurements/import", File("xa.csv", Csv()), Ct)).StatusCode);
    }

    [Fact]
    public async Task ARun_SaysWhereItStands_ToWhoStartedIt_AndNoOneElse()
    {
        var (indicator, _) = await NewIndicatorAsync();
        var run = Guid.CreateVersion7();
        var secretariat = app.As(Role.Secretariat);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"/api/measurements/import/{run}", Ct)).StatusCode);
        var posted = await secretariat.PostAsync($"/api/measurements/import?run={run}",
            File("so-lieu.csv", Csv($"{indicator},68,2025-01-01,2025-12-31,Năm 2025,43.0,%,Cục Thống kê", $"{indicator},24958,2025-01-01,2025-12-31,Năm 2025,61,%,Báo cáo xã")), Ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var state = await secretariat.GetFromJsonAsync<JsonElement>($"/api/measurements/import/{run}", Ct);
        Assert.Equal(100, state.GetProperty("percent").GetInt32());
        Assert.Equal(2, state.GetProperty("rows").GetInt32());
        Assert.Equal("so-lieu.csv", state.GetProperty("fileName").GetString());
        Assert.StartsWith("2 dòng — 2 số liệu mới", state.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, state.GetProperty("finishedAt").ValueKind);

        // Someone else's run is not theirs to read.
        Assert.Equal(HttpStatusCode.NotFound, (await app.As(Role.AgencyOfficer).GetAsync($"/api/measurements/import/{run}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnXlsxUploadedOnThePage_IsImported_AndSaysWhatItDid()
    {
        var (indicator, name) = await NewIndicatorAsync("m2/người");
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["Chỉ số"] = name, ["Mã đơn vị"] = "68", ["Từ ngày"] = new DateTime(2024, 1, 1), ["Đến ngày"] = new DateTime(2024, 12, 31), ["Giá trị"] = 7.5, ["Nguồn"] = "Sở Xây dựng" },
            new Dictionary<string, object> { ["Chỉ số"] = name, ["Mã đơn vị"] = "68", ["Từ ngày"] = new DateTime(2025, 1, 1), ["Đến ngày"] = new DateTime(2025, 12, 31), ["Giá trị"] = 8.0, ["Nguồn"] = "Sở Xây dựng" },
        }, cancellationToken: Ct);

        var account = app.Accounts[Role.Secretariat];
        var client = app.CookieClient();
        await AppFixture.SignInAsync(client, account.UserName, account.Password);
        var form = await client.GetStringAsync("/Indicators/Import", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var upload = File("so-lieu.xlsx", sheet.ToArray());
        upload.Add(new StringContent(token), "__RequestVerificationToken");
        var page = await client.PostAsync("/Indicators/Import", upload, Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("2 số liệu mới", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(2, await ScalarAsync("select count(*) from measurement where indicator_id = $1", indicator));
    }

    [Theory]
    [InlineData("hong.xlsx", "PK\u0003\u0004 không phải bảng tính", "Không đọc được tệp")]
    [InlineData("trong.csv", "", "không có dòng số liệu")]
    [InlineData("thieu-cot.csv", "indicator,value\n1,2\n", "Thiếu cột")]
    [InlineData("so-lieu.pdf", "%PDF-1.4", "Chỉ nhận tệp .csv")]
    public async Task AFileThatIsNotAFigureTable_IsRefusedWithItsReason(string name, string content, string says)
    {
        var response = await app.As(Role.Secretariat).PostAsync("/api/measurements/import", File(name, Encoding.UTF8.GetBytes(content)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
