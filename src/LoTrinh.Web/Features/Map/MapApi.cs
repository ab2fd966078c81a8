using System.Globalization;
using LoTrinh.Core.Accounts;
using LoTrinh.Core.Projects;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Incidents;
using LoTrinh.Web.Features.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Map;

/// <summary>What a marker's popup shows: the essentials and a link.</summary>
public sealed record MapProperties(string Layer, long Id, string Name, string Kind, string Status, string StatusText, string Locality, string Link, bool Approximate);

public sealed record MapFeature(string Type, MapGeometry Geometry, MapProperties Properties);

/// <param name="Coordinates">GeoJSON's order: [longitude, latitude].</param>
public sealed record MapGeometry(string Type, decimal[] Coordinates);

/// <summary>A unit's seat, labelled on the plain background.</summary>
public sealed record MapUnit(long Id, string Name, decimal Latitude, decimal Longitude);

/// <summary>A record with no point and no seat for its unit: listed beside the map under its unit.</summary>
public sealed record Unplaced(string Layer, long Id, string Name, string Locality, string StatusText, string Link);

/// <summary>The map's data: GeoJSON features (projects, incidents), the outlines of project sites, unit seats, what is not yet placed.</summary>
public sealed record MapData(string Type, IReadOnlyList<MapFeature> Features, IReadOnlyList<MapSite> Sites, IReadOnlyList<MapUnit> Units,
    IReadOnlyList<Unplaced> Unplaced, string? TileUrl, string? TileAttribution);

/// <param name="Ring">[latitude, longitude] pairs, as Leaflet draws them.</param>
public sealed record MapSite(long ProjectId, string Name, IReadOnlyList<decimal[]> Ring);

/// <summary>The map's filters: layers (projects, incidents), each layer's kind and status, the unit, the period (incidents).</summary>
public sealed record MapQuery(string? Layers = null, string? ProjectKind = null, string? ProjectStatus = null, string? IncidentKind = null,
    string? IncidentStatus = null, long? Unit = null, DateOnly? From = null, DateOnly? To = null);

public static class MapApi
{
    public static void MapMapApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/map", Get).WithTags("Bản đồ").AllowAnonymous()
            .WithSummary("Dữ liệu bản đồ (GeoJSON): dự án (công khai: chỉ dự án đã công bố) và vụ việc hiện trường (cán bộ), lọc theo layers (projects, incidents), projectKind, projectStatus, incidentKind, incidentStatus, unit, from, to (ngày xảy ra); kèm trụ sở các đơn vị và danh sách chưa có vị trí.");

    private static async Task<Results<Ok<MapData>, ValidationProblem>> Get(AppDbContext db, TimeProvider time, IConfiguration configuration,
        string? layers, string? projectKind, string? projectStatus, string? incidentKind, string? incidentStatus, long? unit, string? from, string? to, CancellationToken ct)
    {
        var errors = new InputErrors();
        var query = new MapQuery(layers, projectKind, projectStatus, incidentKind, incidentStatus, unit, errors.Date("from", from), errors.Date("to", to));
        if (projectStatus is { Length: > 0 } && !ProjectNames.TryParseState(projectStatus, out _))
        {
            errors.Add("projectStatus", "Dùng completed, on_schedule, behind, stalled, not_planned.");
        }

        if (!IncidentBook.IsStatus(incidentStatus))
        {
            errors.Add("incidentStatus", $"Dùng {string.Join(", ", IncidentBook.Statuses.Select(s => s.Code))}.");
        }

        return errors.Any ? errors.Problem() : TypedResults.Ok(await LoadAsync(db, Clock.Today(time), query, configuration, ct));
    }

    /// <summary>The map's data: the page renders it inline, the API serves it.</summary>
    public static async Task<MapData> LoadAsync(AppDbContext db, DateOnly today, MapQuery query, IConfiguration configuration, CancellationToken ct)
    {
        var wanted = (query.Layers is { Length: > 0 } l ? l : "projects,incidents").Split(',', StringSplitOptions.TrimEntries);
        var features = new List<MapFeature>();
        var unplaced = new List<Unplaced>();
        var sites = new List<MapSite>();
        if (wanted.Contains("projects"))
        {
            var projects = await ProjectBook.LoadAsync(db, today, ct);
            foreach (var p in ProjectsApi.Filter(projects, query.ProjectKind, query.ProjectStatus, query.Unit))
            {
                var link = $"/Projects/Details/{p.Id}";
                if (p.Latitude is { } lat && p.Longitude is { } lng)
                {
                    features.Add(new("Feature", new("Point", [lng, lat]), new("projects", p.Id, p.Name, p.KindName, p.StatusCode, p.StatusText, p.Locality, link,
                        p.Placement == Placement.UnitSeat)));
                }
                else
                {
                    unplaced.Add(new("projects", p.Id, p.Name, p.Locality, p.StatusText, link));
                }
            }

            var ids = features.Where(f => f.Properties.Layer == "projects").Select(f => f.Properties.Id).ToList();
            sites.AddRange((await db.KeyProjects.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Site != null).Select(p => new { p.Id, p.Name, p.Site }).ToListAsync(ct))
                .Select(p => new MapSite(p.Id, p.Name, p.Site!)));
        }

        if (wanted.Contains("incidents") && db.Viewer.Can(Permission.ReadInternal))
        {
            var filter = new IncidentFilter(query.IncidentKind, query.IncidentStatus, query.Unit, null, query.From, query.To);
            foreach (var i in await IncidentBook.LoadAsync(db, today, filter, ct))
            {
                var link = $"/Incidents/Details/{i.Id}";
                var name = i.Description.Length > 80 ? i.Description[..80] + "…" : i.Description;
                if (i.Latitude is { } lat && i.Longitude is { } lng)
                {
                    features.Add(new("Feature", new("Point", [lng, lat]), new("incidents", i.Id, name, i.KindName, i.Status, i.StatusName, i.Locality, link,
                        i.Placement == Placement.UnitSeat)));
                }
                else
                {
                    unplaced.Add(new("incidents", i.Id, name, i.Locality, i.StatusName, link));
                }
            }
        }

        var units = await db.Units.AsNoTracking().Where(u => u.SeatLatitude != null && (u.ValidTo == null || u.ValidTo >= today))
            .OrderBy(u => u.Name).Select(u => new MapUnit(u.Id, u.Name, u.SeatLatitude!.Value, u.SeatLongitude!.Value)).ToListAsync(ct);
        var tiles = configuration["Map:TileUrl"] is { Length: > 0 } url ? url : null;
        return new MapData("FeatureCollection", features, sites, units, unplaced, tiles, tiles is null ? null : configuration["Map:TileAttribution"]);
    }

    public static string Json(MapData data) => System.Text.Json.JsonSerializer.Serialize(data, JsonOptions);

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
