using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LoTrinh.Core.Accounts;
using Microsoft.Extensions.Configuration;

namespace LoTrinh.Web.Tests.Features;

/// <summary>The periodic report as a Decree 30 document (issue 18, "done when"), read back from its XML.</summary>
public sealed class ProgressReportTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string AsOf = "2024-06-30";

    private static readonly string[] Statuses =
        ["completed_on_time", "completed_late", "in_progress_within_deadline", "in_progress_overdue", "recurring", "no_deadline"];

    [Fact]
    public async Task ReportOf29CTrTU_FollowsTheDecree30Checklist_AndSaysWhatTheTaskListSays()
    {
        var client = app.Client();
        var directives = (await client.GetFromJsonAsync<JsonElement>("/api/directives?pageSize=200", Ct)).EnumerateArray().ToList();
        var programme = directives.Single(d => d.GetProperty("number").GetString() == "29-CTr/TU");
        var id = programme.GetProperty("id").GetInt64();

        // The seeds' programme has no dated task left undone by mid-2024; the secretariat gives one that is.
        var late = $"Rà soát, điều chỉnh chương trình phát triển đô thị ({Guid.NewGuid():N})";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/tasks",
            new { directive = "29-CTr/TU", text = late, lead = "Sở Xây dựng", deadline = "Quý IV/2023" }, Ct)).StatusCode);

        var response = await client.GetAsync($"/api/directives/{id}/report.docx?asOf={AsOf}&number=7", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;

        // 1. A4 portrait, margins 20/20/30/15–20 mm; Times New Roman everywhere, black.
        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.InRange(margin.Top!.Value, 1134, 1417);
        Assert.InRange(margin.Bottom!.Value, 1134, 1417);
        Assert.InRange(margin.Left!.Value, 1701u, 1984u);
        Assert.InRange(margin.Right!.Value, 850u, 1134u);
        var runs = body.Descendants<Run>().ToList();
        Assert.All(runs, r => Assert.Equal("Times New Roman", r.RunProperties?.RunFonts?.Ascii?.Value));
        Assert.All(runs.Where(r => r.RunProperties?.Color is not null), r => Assert.Equal("000000", r.RunProperties!.Color!.Val!.Value));
        Assert.Empty(body.Descendants<Underline>()); // lines are drawn, never underlined text

        // 2. The page number in the header, centred, 13 pt, not on page 1.
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var headers = section.Elements<HeaderReference>().ToDictionary(h => h.Type!.Value, h => (HeaderPart)document.MainDocumentPart.GetPartById(h.Id!.Value!));
        var numbered = headers[HeaderFooterValues.Default].Header;
        Assert.Contains("PAGE", numbered.Descendants<SimpleField>().Single().Instruction!.Value, StringComparison.Ordinal);
        Assert.Equal(JustificationValues.Center, numbered.Descendants<Justification>().Single().Val!.Value);
        Assert.Equal("26", numbered.Descendants<FontSize>().Single().Val!.Value);
        Assert.Empty(headers[HeaderFooterValues.First].Header.Descendants<SimpleField>());

        // 3–5. The header: two columns; the body's name bold with a line under it, the national name and motto with
        // theirs; "Số: 07/BC-UBND" and the place and date (italic) on one row.
        var header = body.Elements<Table>().First();
        var cells = header.Elements<TableRow>().First().Elements<TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        Assert.Equal(BorderValues.None, header.GetFirstChild<TableProperties>()!.TableBorders!.GetFirstChild<TopBorder>()!.Val!.Value);
        var issuer = Paragraph(cells[0], "ỦY BAN NHÂN DÂN");
        Assert.True(Bold(issuer));
        Assert.Equal("26", Size(issuer));
        Assert.Single(cells[0].Descendants<ParagraphBorders>());
        var national = Paragraph(cells[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        Assert.True(Bold(national));
        Assert.Equal("24", Size(national));
        var motto = Paragraph(cells[1], "Độc lập - Tự do - Hạnh phúc");
        Assert.True(Bold(motto));
        Assert.Equal("26", Size(motto));
        Assert.Single(cells[1].Descendants<ParagraphBorders>());
        var second = header.Elements<TableRow>().ElementAt(1).Elements<TableCell>().ToList();
        Assert.Equal("Số: 07/BC-UBND", second[0].InnerText);
        Assert.Matches(@"^Lâm Đồng, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$", second[1].InnerText);
        Assert.True(Italic(second[1].Descendants<Paragraph>().Single()));

        // 6. The type and the summary centred and bold, a short line under the summary.
        var paragraphs = body.Elements<Paragraph>().ToList();
        var type = paragraphs.First(p => p.InnerText == "BÁO CÁO");
        Assert.True(Bold(type) && Centred(type));
        Assert.Equal("28", Size(type));
        var summary = paragraphs[paragraphs.IndexOf(type) + 1];
        Assert.Contains("29-CTr/TU", summary.InnerText, StringComparison.Ordinal);
        Assert.True(Bold(summary) && Centred(summary));
        Assert.NotNull(paragraphs[paragraphs.IndexOf(type) + 2].ParagraphProperties?.ParagraphBorders?.BottomBorder);

        // 7. The body: 14 pt, justified, first line indented about 1 cm, at least 6 pt after, line spacing 1.0–1.5.
        var text = paragraphs.Where(p => p.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Both).ToList();
        Assert.NotEmpty(text);
        Assert.All(text, p =>
        {
            Assert.Equal("28", Size(p));
            Assert.InRange(int.Parse(p.ParagraphProperties!.Indentation!.FirstLine!.Value!, CultureInfo.InvariantCulture), 567, 720);
            Assert.True(int.Parse(p.ParagraphProperties.SpacingBetweenLines!.After!.Value!, CultureInfo.InvariantCulture) >= 120);
            Assert.InRange(int.Parse(p.ParagraphProperties.SpacingBetweenLines.Line!.Value!, CultureInfo.InvariantCulture), 240, 360);
        });

        // 8. Nơi nhận (12 pt italic bold; recipients 11 pt, "- …;", "- Lưu: VT, ….") beside the signature block.
        var signature = body.Elements<Table>().Single(t => t.InnerText.Contains("Nơi nhận:", StringComparison.Ordinal));
        var (recipients, signer) = (signature.Descendants<TableCell>().First(), signature.Descendants<TableCell>().Last());
        var lines = recipients.Elements<Paragraph>().ToList();
        Assert.Equal("Nơi nhận:", lines[0].InnerText);
        Assert.True(Bold(lines[0]) && Italic(lines[0]));
        Assert.Equal("24", Size(lines[0]));
        Assert.All(lines.Skip(1).SkipLast(1), l => Assert.Matches("^- .+;$", l.InnerText));
        Assert.StartsWith("- Lưu: VT", lines[^1].InnerText, StringComparison.Ordinal);
        Assert.EndsWith(".", lines[^1].InnerText, StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Equal("22", Size(l)));
        var authority = signer.Elements<Paragraph>().Take(3).ToList();
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], authority.Select(p => p.InnerText));
        Assert.All(authority, p => Assert.True(Bold(p) && Centred(p) && Size(p) == "28"));

        // 9. Annexes on pages of their own, headed "Phụ lục".
        Assert.Equal(2, body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page));
        Assert.Contains(paragraphs, p => p.InnerText == "Phụ lục I");
        Assert.Contains(paragraphs, p => p.InnerText == "Phụ lục II");

        // The figures are the task list's: the overdue list and both completion rates, over the programme's cascade.
        var cascade = Cascade(directives, id);
        var counts = new Dictionary<string, int>();
        var overdue = new List<string>();
        foreach (var directive in cascade)
        {
            foreach (var status in Statuses)
            {
                var list = await client.GetAsync($"/api/tasks?asOf={AsOf}&directive={directive}&status={status}&pageSize=500", Ct);
                counts[status] = counts.GetValueOrDefault(status) + int.Parse(list.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);
                if (status == "in_progress_overdue")
                {
                    overdue.AddRange((await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().Select(t => t.GetProperty("text").GetString()!));
                }
            }
        }

        Assert.Contains(late, overdue);
        var overdueTable = body.Elements<Table>().Single(t => t.Elements<TableRow>().First().InnerText.Contains("Số ngày quá hạn", StringComparison.Ordinal));
        var listed = overdueTable.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().ElementAt(1).InnerText).ToList();
        Assert.Equal(overdue.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.All(overdueTable.Elements<TableRow>().Skip(1), r => Assert.True(int.Parse(r.Elements<TableCell>().Last().InnerText, CultureInfo.InvariantCulture) > 0));

        var completed = counts["completed_on_time"] + counts["completed_late"];
        var amongDue = Percent(completed, completed + counts["in_progress_overdue"]);
        var amongAll = Percent(completed, counts.Values.Sum());
        Assert.Contains(paragraphs, p => p.InnerText.Contains($"đến hạn đạt {amongDue}; trên tổng số nhiệm vụ được giao đạt {amongAll}.", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.InnerText.Contains($"đã giao {counts.Values.Sum()} nhiệm vụ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePdf_IsPrintedByLibreOffice_A4_AndItsFirstPageIsRendered()
    {
        var client = app.Client();
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/directives?pageSize=200", Ct)).EnumerateArray()
            .Single(d => d.GetProperty("number").GetString() == "29-CTr/TU").GetProperty("id").GetInt64();
        var response = await client.GetAsync($"/api/directives/{id}/report.pdf?asOf={AsOf}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var work = Directory.CreateTempSubdirectory("lotrinh-report-");
        var pdf = Path.Combine(work.FullName, "bao-cao.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync(Ct), Ct);

        var info = await RunAsync("pdfinfo", pdf);
        Assert.Matches(@"Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)", info);
        var text = await RunAsync("pdftotext", "-layout", pdf, "-");
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        Assert.Contains("Phụ lục I", text, StringComparison.Ordinal);

        // The first page as a picture, kept with the test's output (README shows it: docs/images/bao-cao-trang-1.png).
        await RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(work.FullName, "trang-1"));
        var png = await File.ReadAllBytesAsync(Path.Combine(work.FullName, "trang-1.png"), Ct);
        Assert.Equal((byte)0x89, png[0]);
        TestContext.Current.AddAttachment("bao-cao-trang-1.png", png, "image/png");
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "bao-cao-trang-1.png"), png, Ct);
        work.Delete(recursive: true);
    }

    [Fact]
    public async Task WithoutLibreOffice_ThereIsNoPdf_AndNothingFails()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Reports:LibreOffice"] = "/khong-co/soffice" }).Build();
        var conversion = new LoTrinh.Web.Features.ProgressReports.PdfConversion(configuration, Microsoft.Extensions.Logging.Abstractions.NullLogger<LoTrinh.Web.Features.ProgressReports.PdfConversion>.Instance);
        Assert.Null(conversion.Converter);
        Assert.Null(await conversion.ConvertAsync([1, 2, 3], Ct));
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{program}: {await process.StandardError.ReadToEndAsync(Ct)}");
        return output;
    }

    [Fact]
    public async Task BadRequests_AreNamed_AndAReportOutOfScopeIsNotFound()
    {
        var client = app.Client();
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/directives?pageSize=200", Ct)).EnumerateArray()
            .Single(d => d.GetProperty("number").GetString() == "29-CTr/TU").GetProperty("id").GetInt64();

        async Task<JsonElement> Problem(string url, HttpStatusCode expected)
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(expected, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        Assert.Contains("chưa đến", (await Problem($"/api/directives/{id}/report.docx?asOf=2150-01-01", HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("asOf")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("trước ngày ban hành", (await Problem($"/api/directives/{id}/report.docx?asOf=2022-01-01", HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("asOf")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await Problem($"/api/directives/{id}/report.docx?asOf=2024-02-30", HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("asOf", out _));
        Assert.True((await Problem($"/api/directives/{id}/report.docx?asOf={AsOf}&from=2024-07-01", HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("from", out _));
        Assert.True((await Problem($"/api/directives/{id}/report.docx?asOf={AsOf}&number=0", HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("number", out _));
        await Problem($"/api/directives/{id}/report.odt?asOf={AsOf}", HttpStatusCode.BadRequest);
        await Problem($"/api/directives/999999999/report.docx?asOf={AsOf}", HttpStatusCode.NotFound);

        // A directive not yet published, giving the officer's agency nothing: not the officer's to report on.
        await using var db = app.NewDb();
        var hidden = new LoTrinh.Web.Features.Directives.Directive { Kind = "Kế hoạch", IssuerName = "UBND tỉnh Lâm Đồng", Title = $"Kế hoạch chưa công bố {Guid.NewGuid():N}" };
        db.Directives.Add(hidden);
        await db.SaveChangesAsync(Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await app.As(Role.AgencyOfficer).GetAsync($"/api/directives/{hidden.Id}/report.docx?asOf={AsOf}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/directives/{id}/report.docx?asOf={AsOf}", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheForm_RefusesUnknownNamesByName_AndAStaleSave()
    {
        var client = app.Client();
        var current = (await client.GetFromJsonAsync<JsonElement>("/api/report-form", Ct)).GetProperty("form");
        var edited = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(current.GetRawText())!;
        edited["body"] = JsonSerializer.SerializeToElement("Đến ngày {ngay_chot}: {so_lieu_la}.\n{bang_khong_co}");
        var refused = await client.PutAsJsonAsync("/api/report-form", edited, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("body")[0].GetString();
        Assert.Contains("{bang_khong_co}, {so_lieu_la}", problem, StringComparison.Ordinal);
        Assert.Equal(current.GetProperty("body").GetString(), (await client.GetFromJsonAsync<JsonElement>("/api/report-form", Ct)).GetProperty("form").GetProperty("body").GetString());

        edited["body"] = JsonSerializer.SerializeToElement(current.GetProperty("body").GetString());
        edited["signer"] = JsonSerializer.SerializeToElement("Nguyễn Văn A");
        var saved = await client.PutAsJsonAsync("/api/report-form", edited, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Nguyễn Văn A", (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("form").GetProperty("signer").GetString());

        // The same version sent again is a colleague's older copy.
        edited["signer"] = JsonSerializer.SerializeToElement("Trần Thị B");
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync("/api/report-form", edited, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.As(Role.AgencyOfficer).PutAsJsonAsync("/api/report-form", edited, Ct)).StatusCode);
    }

    /// <summary>The directive and those that implement it, down the links the API lists.</summary>
    private static List<long> Cascade(List<JsonElement> directives, long root)
    {
        var byNumber = directives.Where(d => d.GetProperty("number").ValueKind == JsonValueKind.String)
            .ToDictionary(d => d.GetProperty("number").GetString()!, d => d.GetProperty("id").GetInt64());
        var found = new List<long> { root };
        for (var i = 0; i < found.Count; i++)
        {
            foreach (var d in directives)
            {
                var implementsIt = d.GetProperty("links").EnumerateArray().Any(l => l.GetProperty("relation").GetString() == "implements"
                    && l.GetProperty("number").GetString() is { } n && byNumber.GetValueOrDefault(n) == found[i]);
                if (implementsIt && !found.Contains(d.GetProperty("id").GetInt64()))
                {
                    found.Add(d.GetProperty("id").GetInt64());
                }
            }
        }

        return found;
    }

    private static string Percent(int part, int whole) =>
        Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")) + "%";

    private static Paragraph Paragraph(OpenXmlElement within, string text) => within.Descendants<Paragraph>().Single(p => p.InnerText == text);

    private static Run FirstRun(Paragraph p) => p.Descendants<Run>().First();

    private static bool Bold(Paragraph p) => FirstRun(p).RunProperties?.Bold is not null;

    private static bool Italic(Paragraph p) => FirstRun(p).RunProperties?.Italic is not null;

    private static string? Size(Paragraph p) => FirstRun(p).RunProperties?.FontSize?.Val?.Value;

    private static bool Centred(Paragraph p) => p.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Center;
}
