using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features;

/// <summary>The public sees approved figures only: an agency's own entry waits for the secretariat; a correction waits again.</summary>
public sealed class FigureApprovalTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement? Figure(JsonElement indicator, string source) =>
        indicator.GetProperty("measurements").EnumerateArray().Where(m => m.GetProperty("source").GetString() == source).Cast<JsonElement?>().SingleOrDefault();

    [Fact]
    public async Task AnAgencysFigure_IsHiddenFromThePublic_UntilTheSecretariatApprovesIt_AndACorrectionWaitsAgain()
    {
        string unitCode;
        long indicator;
        await using (var db = app.NewDb())
        {
            unitCode = await db.Agencies.Where(a => a.ShortName == AppFixture.OfficerAgency).Select(a => a.AdministrativeUnit!.Code).SingleAsync(Ct);
            indicator = await db.Indicators.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);
        }

        var source = $"Cơ quan tự nhập {Guid.NewGuid():N}";
        var officer = app.As(Role.AgencyOfficer);
        var entered = await officer.PostAsJsonAsync("/api/measurements", new
        {
            indicator,
            unitCode,
            periodStart = "2025-01-01",
            periodEnd = "2025-12-31",
            periodLabel = "Năm 2025",
            value = 42.5m,
            source,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        var url = $"/api/indicators/{indicator}?unit={unitCode}";

        var asOfficer = Figure(await officer.GetFromJsonAsync<JsonElement>(url, Ct), source);
        Assert.True(asOfficer!.Value.GetProperty("awaitingApproval").GetBoolean());
        var id = asOfficer.Value.GetProperty("id").GetInt64();
        Assert.Null(Figure(await app.Anonymous().GetFromJsonAsync<JsonElement>(url, Ct), source));

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/measurements/{id}/approve", null, Ct)).StatusCode);
        var approved = await app.As(Role.Secretariat).PostAsync($"/api/measurements/{id}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.False((await approved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("awaitingApproval").GetBoolean());
        Assert.Equal(42.5m, Figure(await app.Anonymous().GetFromJsonAsync<JsonElement>(url, Ct), source)!.Value.GetProperty("value").GetDecimal());

        var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/measurements/{id}", Ct)).GetProperty("version").GetUInt32();
        var corrected = await officer.PutAsJsonAsync($"/api/measurements/{id}", new { value = 43m, source, version }, Ct);
        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync(Ct));
        Assert.Null(Figure(await app.Anonymous().GetFromJsonAsync<JsonElement>(url, Ct), source));

        var all = await app.As(Role.Secretariat).PostAsync($"/api/indicators/{indicator}/approve", null, Ct);
        Assert.True(await all.Content.ReadFromJsonAsync<int>(Ct) >= 1);
        Assert.Equal(43m, Figure(await app.Anonymous().GetFromJsonAsync<JsonElement>(url, Ct), source)!.Value.GetProperty("value").GetDecimal());
    }
}
