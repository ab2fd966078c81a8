using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features;

/// <summary>Bad input gets a 400 ProblemDetails naming the field, and changes nothing.</summary>
public sealed class BadInputTests(AppFixture app)
{
    private readonly HttpClient _client = app.Client();

    private async Task<(int Directives, int Targets, int Tasks, int Measurements, int Progress)> Counts()
    {
        await using var db = app.NewDb();
        return (await db.Directives.CountAsync(), await db.Targets.CountAsync(), await db.Tasks.CountAsync(),
            await db.Measurements.CountAsync(), await db.ProgressUpdates.CountAsync());
    }

    private async Task AssertRefused(HttpResponseMessage response, string field, string? mentions = null)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.NotEmpty(messages);
        if (mentions is not null)
        {
            Assert.Contains(messages, m => m.Contains(mentions, StringComparison.Ordinal));
        }
    }

    public static TheoryData<string, string, string, string?> BadWrites => new()
    {
        { "/api/tasks", """{"directive":"29-CTr/TU","text":"Rà soát quy hoạch","deadline":"Quý V/2024"}""", "deadline", "Quý V" },
        { "/api/tasks", """{"directive":"29-CTr/TU","text":"Rà soát quy hoạch","deadline":"31/02/2024"}""", "deadline", "31/02/2024" },
        { "/api/tasks", """{"directive":"99-XX/YY","text":"Rà soát"}""", "directive", null },
        { "/api/tasks", """{"directive":"29-CTr/TU","text":"Rà soát","lead":"Cơ quan không có"}""", "lead", null },
        { "/api/measurements", """{"indicator":1,"unitCode":"99999","periodStart":"2024-01-01","periodEnd":"2024-12-31","value":45,"source":"x","enteredBy":"y"}""", "unitCode", "99999" },
        { "/api/measurements", """{"indicator":1,"unitCode":"68","periodStart":"2024-02-31","periodEnd":"2024-12-31","value":45,"source":"x","enteredBy":"y"}""", "periodStart", null },
        { "/api/targets", """{"directive":"29-CTr/TU","indicator":"Tỷ lệ đô thị hoá","unit":"%","year":2030,"comparator":"range","value":5,"low":1,"high":2}""", "low", null },
        { "/api/targets", """{"directive":"29-CTr/TU","indicator":"Tỷ lệ đô thị hoá","unit":"%","year":2030,"comparator":"gt"}""", "value", null },
        { "/api/targets", """{"directive":"29-CTr/TU","indicator":"Tỷ lệ đô thị hoá","unit":"%","year":2030,"comparator":"about","value":5}""", "comparator", null },
        { "/api/directives", """{"number":"Kế hoạch số ba","kind":"Kế hoạch","issuer":"UBND tỉnh","title":"Thử"}""", "number", null },
        { "/api/directives", """{"number":"29-CTr/TU","kind":"Chương trình hành động","issuer":"BTV Tỉnh ủy","title":"Trùng số"}""", "number", "29-CTr/TU" },
        { "/api/directives", """{"number":"12/KH-UBND","kind":"Kế hoạch","issuer":"UBND tỉnh","title":"Thử","issuedOn":"31/02/2024"}""", "issuedOn", "31/02/2024" },
    };

    [Theory]
    [MemberData(nameof(BadWrites))]
    public async Task Write_BadInput_IsRefusedNamingTheFieldAndWritesNothing(string url, string body, string field, string? mentions)
    {
        var before = await Counts();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);

        await AssertRefused(response, field, mentions);
        Assert.Equal(before, await Counts());
    }

    [Theory]
    [InlineData("/api/tasks?asOf=2024-02-31", "asOf")]
    [InlineData("/api/tasks?status=late", "status")]
    [InlineData("/api/tasks/1?asOf=2024-02-30", "asOf")]
    [InlineData("/api/agencies/1?asOf=2024-02-30", "asOf")]
    [InlineData("/api/units/24958?on=2025-13-01", "on")]
    [InlineData("/api/deadlines/parse?text=th%C3%A1ng%2013%2F2023", "text")]
    public async Task Read_BadQuery_IsRefusedNamingTheField(string url, string field)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertRefused(response, field);
    }

    [Fact]
    public async Task Unit_UnknownCode_Is404ProblemDetails()
    {
        var response = await _client.GetAsync(new Uri("/api/units/99999", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AgencyFilter_NamingSeveralAgencies_IsRefused_ListingThem()
    {
        var name = $"Phòng Quản lý đô thị {Guid.NewGuid():N}"[..32];
        await using (var db = app.NewDb())
        {
            var units = await db.Units.Where(u => u.ValidTo == null).OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToListAsync(TestContext.Current.CancellationToken);
            foreach (var unit in units)
            {
                db.Agencies.Add(new LoTrinh.Web.Features.Agencies.Agency
                {
                    Name = name,
                    NameKey = LoTrinh.Core.Text.VietnameseText.MatchKey(name),
                    Kind = "department",
                    AdministrativeUnitId = unit,
                });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var response = await _client.GetAsync(new Uri($"/api/tasks?agency={Uri.EscapeDataString(name)}", UriKind.Relative), TestContext.Current.CancellationToken);
        await AssertRefused(response, "agency", "là tên của 2 cơ quan");
    }
}
