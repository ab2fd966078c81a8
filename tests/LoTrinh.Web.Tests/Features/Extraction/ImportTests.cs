using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoTrinh.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features.Extraction;

/// <summary>Upload → read in the background → review → save, through the API, against the seeded database.</summary>
public sealed class ImportTests(AppFixture app)
{
    private readonly HttpClient _client = app.Client();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A district plan of the genre, written for this test: two tasks, a target, a reference to a directive on file.</summary>
    private static string Plan(string number) => $"""
        ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        HUYỆN LÂM HÀ                              Độc lập - Tự do - Hạnh phúc
        Số: {number}                        Lâm Hà, ngày 05 tháng 3 năm 2024

        KẾ HOẠCH
        Thực hiện Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị về phát triển đô thị

        I. MỤC TIÊU
        1. Đến năm 2025, tỷ lệ đô thị hóa toàn huyện đạt trên 30%.

        II. NHIỆM VỤ
        1. Phòng Kinh tế và Hạ tầng chủ trì, phối hợp với Phòng Tài chính - Kế hoạch rà soát quy hoạch chung đô thị Nam Ban. Thời gian hoàn thành: Quý III/2024.
        2. Ủy ban nhân dân thị trấn Đinh Văn lập kế hoạch chỉnh trang đô thị, hoàn thành trước ngày 30/11/2024.

        Nơi nhận:
        - Như trên;
        - Lưu: VT.
                                                    KT. CHỦ TỊCH
                                                    PHÓ CHỦ TỊCH
                                                    Nguyễn Văn Bình
        """;

    private async Task<JsonObject> UploadAndReadAsync(string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var upload = await _client.PostAsync(new Uri("/api/imports", UriKind.Relative), form, Ct);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var location = upload.Headers.Location!.ToString();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var status = (await _client.GetFromJsonAsync<JsonObject>(location, Ct))!;
            if (status["stage"]!.GetValue<string>() is "ready" or "failed")
            {
                return (await _client.GetFromJsonAsync<JsonObject>(location + "/review", Ct))!;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The import was not read within 10 s.");
    }

    private async Task<HttpResponseMessage> SaveAsync(JsonObject review) =>
        await _client.PostAsJsonAsync($"/api/imports/{review["status"]!["id"]}/save", review["form"], Ct);

    [Fact]
    public async Task Plan_ReadReviewedSaved_WritesTheDirectiveWithOnlyTheAcceptedItems()
    {
        var review = await UploadAndReadAsync("ke-hoach-lam-ha.txt", Encoding.UTF8.GetBytes(Plan("41/KH-UBND")));
        var form = review["form"]!.AsObject();
        Assert.Equal("41/KH-UBND", form["document"]!["number"]!.GetValue<string>());
        Assert.Equal(2, form["tasks"]!.AsArray().Count);
        Assert.EndsWith("Quý III/2024", form["tasks"]![0]!["deadline"]!.GetValue<string>(), StringComparison.Ordinal);
        var text = review["text"]!.GetValue<string>();
        var span = form["tasks"]![1]!;
        Assert.Contains("thị trấn Đinh Văn", text.Substring(span["start"]!.GetValue<int>(), span["length"]!.GetValue<int>()), StringComparison.Ordinal);

        // The reviewer drops the target and adds a task the extractor did not see.
        form["targets"]![0]!["accept"] = false;
        form["tasks"]!.AsArray().Add(new JsonObject { ["text"] = "Báo cáo kết quả thực hiện về UBND huyện", ["lead"] = "Phòng Kinh tế và Hạ tầng", ["deadline"] = "thường xuyên" });
        var saved = await SaveAsync(review);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var directive = await _client.GetFromJsonAsync<JsonObject>(saved.Headers.Location, Ct);
        Assert.Equal("41/KH-UBND", directive!["number"]!.GetValue<string>());
        var id = directive["id"]!.GetValue<long>();
        await using var db = app.NewDb();
        var tasks = await db.Tasks.Where(t => t.DirectiveId == id).OrderBy(t => t.Id).Include(t => t.Agencies).ThenInclude(a => a.Agency).ToListAsync(Ct);
        Assert.Equal(3, tasks.Count);
        Assert.Equal(new DateOnly(2024, 9, 30), tasks[0].DueOn);
        Assert.Equal("Phòng Kinh tế và Hạ tầng", tasks[0].Agencies.Single(a => a.Role == "lead").Agency.Name);
        Assert.Same(tasks[0].Agencies.Single(a => a.Role == "lead").Agency, tasks[2].Agencies.Single().Agency);
        Assert.Equal(0, await db.Targets.CountAsync(t => t.DirectiveId == id, Ct));
        var cites = await db.DirectiveLinks.Where(l => l.FromDirectiveId == id).Select(l => l.To.Number).ToListAsync(Ct);
        Assert.Equal(["06-NQ/TW"], cites);
        Assert.Equal(1, await db.Directives.CountAsync(d => d.Number == "06-NQ/TW", Ct));

        // The same file again: refused with the directive it became; the same review again: refused.
        using var again = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Plan("41/KH-UBND"))), "file", "lai-lan-nua.txt" } };
        var second = await _client.PostAsync(new Uri("/api/imports", UriKind.Relative), again, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SaveAsync(review)).StatusCode);
    }

    [Fact]
    public async Task SeededDirective_UploadedAgain_IsDetectedAndNotSaved()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(SeedLoader.DefaultDirectory, "documents", "002_c1f0198d3308eeb8.txt"), Ct);
        var review = await UploadAndReadAsync("ket-luan-16.txt", bytes);
        Assert.Contains("16-KL/BCĐ", review["duplicate"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = app.NewDb();
        var before = await db.Tasks.CountAsync(Ct);

        var saved = await SaveAsync(review);

        Assert.Equal(HttpStatusCode.Conflict, saved.StatusCode);
        Assert.Equal(before, await db.Tasks.CountAsync(Ct));
    }

    [Fact]
    public async Task Review_WithAnImpossibleDeadlineOrValue_IsRefusedFieldByField_AndNothingIsWritten()
    {
        var review = await UploadAndReadAsync("ke-hoach-sai.txt", Encoding.UTF8.GetBytes(Plan("42/KH-UBND")));
        review["form"]!["tasks"]![0]!["deadline"] = "Quý V/2024";
        review["form"]!["targets"]![0]!["value"] = "nhiều";
        review["form"]!["document"]!["issuedOn"] = "31/02/2024";
        await using var db = app.NewDb();
        var before = (await db.Directives.CountAsync(Ct), await db.Tasks.CountAsync(Ct));

        var saved = await SaveAsync(review);

        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        var errors = (await saved.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("tasks[0].deadline"), errors.ToJsonString());
        Assert.True(errors.ContainsKey("targets[0].value"), errors.ToJsonString());
        Assert.True(errors.ContainsKey("document.issuedOn"), errors.ToJsonString());
        Assert.Equal(before, (await db.Directives.CountAsync(Ct), await db.Tasks.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("rong.txt", new byte[0], "rỗng")]
    [InlineData("chuong-trinh.exe", new byte[] { 0x4D, 0x5A, 0x90, 0 }, ".txt, .docx hoặc .pdf")]
    public async Task Upload_OfNoDirective_IsRefusedWithAReason(string fileName, byte[] content, string reason)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var response = await _client.PostAsync(new Uri("/api/imports", UriKind.Relative), form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfABinaryNamedTxt_FailsWithAMessage_AndCannotBeSaved()
    {
        var review = await UploadAndReadAsync("anh.txt", [.. Enumerable.Range(0, 4000).Select(i => (byte)(i % 32))]);
        Assert.Equal("failed", review["status"]!["stage"]!.GetValue<string>());
        Assert.Contains("nhị phân", review["status"]!["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        var saved = await _client.PostAsJsonAsync($"/api/imports/{review["status"]!["id"]}/save", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, saved.StatusCode);
    }
}
