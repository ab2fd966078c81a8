using System.Net;
using AngleSharp.Html.Parser;

namespace LoTrinh.Web.Tests.Features;

/// <summary>Pages answer in Vietnamese and show a bad form value's message beside its field.</summary>
public sealed class PageTests(AppFixture app)
{
    private readonly HttpClient _client = app.Client();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", "Chương trình phát triển đô thị")]
    [InlineData("/Directives", "Hệ thống văn bản")]
    [InlineData("/Tasks?asOf=2024-06-30&status=in_progress_overdue", "chậm nhất tháng Quý I/2024")]
    [InlineData("/Indicators", "Tỷ lệ đô thị hoá")]
    [InlineData("/Agencies", "Ủy ban nhân dân huyện Đức Trọng")]
    [InlineData("/Units?q=24958", "Thị trấn Liên Nghĩa")]
    [InlineData("/Classification", "Đô thị Đức Trọng")]
    [InlineData("/Classification/Sets", "Nghị quyết số 111/2025/UBTVQH15")]
    public async Task Page_Renders_InVietnamese(string url, string expected)
    {
        var html = await _client.GetStringAsync(new Uri(url, UriKind.Relative), Ct);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDirective_BadNumber_ShowsTheMessageAndSavesNothing()
    {
        var form = await new HtmlParser().ParseDocumentAsync(await _client.GetStringAsync(new Uri("/Directives/Create", UriKind.Relative), Ct));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Number"] = "số ba mươi",
            ["Form.Kind"] = "Kế hoạch",
            ["Form.Issuer"] = "UBND tỉnh",
            ["Form.Title"] = "Văn bản thử không được lưu",
        });

        var response = await _client.PostAsync(new Uri("/Directives/Create", UriKind.Relative), body, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("true", page.QuerySelector("input[name='Form.Number']")!.GetAttribute("aria-invalid"));
        Assert.Contains(page.QuerySelectorAll("small.field-error"), e => e.TextContent.Contains("không theo mẫu", StringComparison.Ordinal));
        var list = await _client.GetStringAsync(new Uri("/Directives", UriKind.Relative), Ct);
        Assert.DoesNotContain("Văn bản thử không được lưu", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_WithoutAntiforgeryToken_IsRefused()
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Title"] = "x" });

        var response = await _client.PostAsync(new Uri("/Directives/Create", UriKind.Relative), body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-set.json", "{ \"schema\": \"lotrinh-criteria-set/1\" ", "JSON hợp lệ")]
    [InlineData("binary.json", "\u0000\u0001PK", "JSON hợp lệ")]
    public async Task CriteriaSetUpload_BadFile_ShowsWhyAndStoresNothing(string name, string content, string expected)
    {
        var before = await _client.GetStringAsync(new Uri("/api/classification/sets", UriKind.Relative), Ct);
        var form = await new HtmlParser().ParseDocumentAsync(await _client.GetStringAsync(new Uri("/Classification/Sets", UriKind.Relative), Ct));
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Quản trị viên"), "uploadedBy" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "file", name },
        };

        var response = await _client.PostAsync(new Uri("/Classification/Sets?handler=Upload", UriKind.Relative), body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await _client.GetStringAsync(new Uri("/api/classification/sets", UriKind.Relative), Ct));
    }
}
