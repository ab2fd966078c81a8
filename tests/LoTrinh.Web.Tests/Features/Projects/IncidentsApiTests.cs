using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoTrinh.Core.Accounts;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Tests.Features.Projects;

/// <summary>The field incident log (issue 20) through the API: report, photo, assign, measures, resolve; bad input; scope.</summary>
public sealed class IncidentsApiTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Marker = "Vụ việc kiểm thử API";

    private async Task<int> WrittenAsync()
    {
        await using var db = app.NewDb();
        return await db.Incidents.CountAsync(Ct) + await db.IncidentMeasures.CountAsync(Ct) + await db.Photos.CountAsync(Ct);
    }

    private async Task CleanUpAsync()
    {
        await using var db = app.NewDb();
        await db.Incidents.Where(i => i.Description.StartsWith(Marker)).ExecuteDeleteAsync(Ct);
    }

    private async Task<long> AgencyAsync(string shortName)
    {
        await using var db = app.NewDb();
        return await db.Agencies.Where(a => a.ShortName == shortName).Select(a => a.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task AnOfficerReports_WithAPhoto_TheSecretariatAssigns_TheAgencyFinesAndResolves()
    {
        using var officer = app.As(Role.AgencyOfficer);
        using var secretariat = app.As(Role.Secretariat);
        try
        {
            using var reported = await officer.PostAsJsonAsync("/api/incidents", new
            {
                kind = "construction_unpermitted",
                description = Marker + ": nhà 2 tầng xây không phép",
                occurredOn = "2026-11-20",
                address = "Thôn kiểm thử",
            }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, reported.StatusCode); // no place at all: neither a point nor a unit

            long commune;
            await using (var db = app.NewDb())
            {
                commune = await db.Units.Where(u => u.Name == "Xã Đức Trọng" && u.ValidTo == null).Select(u => u.Id).SingleAsync(Ct);
            }

            using var created = await officer.PostAsJsonAsync("/api/incidents", new
            {
                kind = "construction_unpermitted",
                description = Marker + ": nhà 2 tầng xây không phép",
                occurredOn = "2026-11-20",
                unitId = commune,
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var incident = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("incident");
            var id = incident.GetProperty("id").GetInt64();
            Assert.Equal("unassigned", incident.GetProperty("status").GetString());

            // The photo: its location read, every other metadata gone, the pixels re-encoded.
            using var photo = new MultipartFormDataContent { { new ByteArrayContent(TestPhotos.JpegWithLocation()), "file", "IMG_0001.jpg" } };
            using var uploaded = await officer.PostAsync($"/api/incidents/{id}/photos", photo, Ct);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
            var stored = await uploaded.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(11.74m, stored.GetProperty("latitude").GetDecimal());
            Assert.Equal(108.37m, stored.GetProperty("longitude").GetDecimal());
            var bytes = await officer.GetByteArrayAsync(stored.GetProperty("url").GetString(), Ct);
            Assert.DoesNotContain(TestPhotos.CameraMake, System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
            Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(bytes)).OfType<GpsDirectory>());
            Assert.Equal(64, stored.GetProperty("width").GetInt32());

            // Given to the officer's agency with a deadline; a deadline before the incident is refused.
            var agency = await AgencyAsync(AppFixture.OfficerAgency);
            var version = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", Ct)).GetProperty("incident").GetProperty("version").GetUInt32();
            using var early = await secretariat.PostAsJsonAsync($"/api/incidents/{id}/assign", new { agencyId = agency, assignedOn = "2026-11-21", dueOn = "2026-11-19", version }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            using var assigned = await secretariat.PostAsJsonAsync($"/api/incidents/{id}/assign", new { agencyId = agency, assignedOn = "2026-11-21", dueOn = "2026-12-05", version }, Ct);
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);

            var list = await secretariat.GetFromJsonAsync<JsonElement>("/api/incidents?asOf=2026-12-06&status=in_progress_overdue", Ct);
            Assert.Contains(list.EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);

            // The agency's measures: a fine needs its amount and decision.
            using var noAmount = await officer.PostAsJsonAsync($"/api/incidents/{id}/measures", new { kind = "fine", takenOn = "2026-11-22", decision = "15/QĐ-XPHC" }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, noAmount.StatusCode);
            Assert.True((await noAmount.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("amountVnd", out _));
            using var fined = await officer.PostAsJsonAsync($"/api/incidents/{id}/measures", new { kind = "fine", takenOn = "2026-11-22", decision = "15/QĐ-XPHC", amountVnd = 40_000_000m }, Ct);
            Assert.Equal(HttpStatusCode.OK, fined.StatusCode);

            var current = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", Ct)).GetProperty("incident").GetProperty("version").GetUInt32();
            using var resolved = await officer.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { resolvedOn = "2026-11-25", resolution = "Đã tháo dỡ phần sai phép", version = current }, Ct);
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
            var done = (await resolved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("incident");
            Assert.Equal("completed_on_time", done.GetProperty("status").GetString());

            // On the map, for people who read working data only.
            var map = await secretariat.GetFromJsonAsync<JsonElement>("/api/map?layers=incidents", Ct);
            Assert.Contains(map.GetProperty("unplaced").EnumerateArray(), u => u.GetProperty("id").GetInt64() == id && u.GetProperty("layer").GetString() == "incidents");
            using var anonymous = app.Anonymous();
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/incidents/{id}", Ct)).StatusCode);
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    public static TheoryData<string, string, string> BadReports => new()
    {
        { $$"""{"kind":"construction_unpermitted","description":"{{Marker}}","latitude":48.85,"longitude":2.35}""", "latitude", "ngoài lãnh thổ Việt Nam" },
        { $$"""{"kind":"phá_cầu","description":"{{Marker}}","latitude":11.7,"longitude":108.3}""", "kind", "Không có loại vụ việc" },
        { $$"""{"kind":"other","description":"{{Marker}}","latitude":11.7,"longitude":108.3,"occurredOn":"2099-01-01"}""", "occurredOn", "chưa đến" },
        { $$"""{"kind":"other","description":"{{Marker}}","latitude":11.7,"longitude":108.3,"occurredOn":"2025-02-30"}""", "occurredOn", "không phải là một ngày có thật" },
        { """{"kind":"other","description":"","latitude":11.7,"longitude":108.3}""", "description", "Không được để trống" },
        { $$"""{"kind":"other","description":"{{Marker}}","latitude":11.7,"longitude":108.3,"projectId":999999999}""", "projectId", "Không có dự án" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task BadReport_400_NamesTheField_WritesNothing(string body, string field, string words)
    {
        using var officer = app.As(Role.AgencyOfficer);
        var before = await WrittenAsync();
        using var response = await officer.PostAsync("/api/incidents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(words, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task AnotherAgencysIncident_IsNotFoundForAnOfficer_AndAKindCanBeAdded()
    {
        using var secretariat = app.As(Role.Secretariat);
        using var officer = app.As(Role.AgencyOfficer);
        try
        {
            long province;
            await using (var db = app.NewDb())
            {
                province = await db.Units.Where(u => u.Name == "Tỉnh Lâm Đồng" && u.ValidTo == null).Select(u => u.Id).SingleAsync(Ct);
            }

            using var created = await secretariat.PostAsJsonAsync("/api/incidents", new { kind = "forest_loss", description = Marker + ": mất rừng", unitId = province }, Ct);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("incident").GetProperty("id").GetInt64();
            Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/incidents/{id}", Ct)).StatusCode);
            using var measure = await officer.PostAsJsonAsync($"/api/incidents/{id}/measures", new { kind = "record", takenOn = "2026-11-22" }, Ct);
            Assert.Equal(HttpStatusCode.NotFound, measure.StatusCode);

            using var kind = await secretariat.PutAsJsonAsync("/api/incident-kinds", new { code = "landslide_test", name = "Sạt lở đất (kiểm thử)", sort = 50 }, Ct);
            Assert.Equal(HttpStatusCode.OK, kind.StatusCode);
            Assert.Contains((await kind.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray(), k => k.GetProperty("code").GetString() == "landslide_test");
            using var badCode = await secretariat.PutAsJsonAsync("/api/incident-kinds", new { code = "Sạt lở", name = "Sạt lở" }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        }
        finally
        {
            await CleanUpAsync();
            await using var db = app.NewDb();
            await db.IncidentKinds.Where(k => k.Code == "landslide_test").ExecuteDeleteAsync(Ct);
        }
    }
}
