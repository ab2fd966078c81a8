using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Incidents;

/// <summary>Reporting an incident from the field, made for a phone: kind, a line, a photo, the phone's location — under a minute.</summary>
public sealed class ReportModel(AppDbContext db, TimeProvider time) : FormPage
{
    public IReadOnlyList<IncidentKind> Kinds { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Projects { get; private set; } = [];
    public new IDictionary<string, string?> Posted { get; private set; } = new Dictionary<string, string?>();
    public string? UnitLabel { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(long? project, CancellationToken ct)
    {
        Today = Clock.Today(time);
        Kinds = await db.IncidentKinds.AsNoTracking().Where(k => k.Active).OrderBy(k => k.Sort).ToListAsync(ct);
        Projects = [.. (await db.KeyProjects.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name))];
        if (project is { } p)
        {
            Posted["projectId"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostAsync(string? kind, string? description, string? occurredOn, string? latitude, string? longitude, string? address,
        long? unitId, long? projectId, IFormFile? photo, CancellationToken ct)
    {
        var errors = new InputErrors();
        var (lat, lng) = (errors.Number("latitude", latitude, -90, 90), errors.Number("longitude", longitude, -180, 180));
        ProcessedPhoto? processed = null;
        if (photo is { Length: > 0 })
        {
            var (read, problem) = await PhotoUpload.ReadAsync(photo, ct);
            processed = read;
            if (problem is not null)
            {
                errors.Add("photo", problem);
            }
        }

        if (!errors.Any)
        {
            var (incident, reportErrors) = await IncidentLog.ReportAsync(db, new IncidentReport(kind, description, occurredOn, lat, lng, address, unitId, projectId),
                processed, photo?.FileName, Clock.Today(time), ct);
            if (incident is not null)
            {
                return Redirect($"/Incidents/Details/{incident.Id}");
            }

            errors = reportErrors;
        }

        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(null, ct);
        Posted = new Dictionary<string, string?>
        {
            ["kind"] = kind,
            ["description"] = description,
            ["occurredOn"] = occurredOn,
            ["latitude"] = latitude,
            ["longitude"] = longitude,
            ["address"] = address,
            ["unitId"] = unitId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["projectId"] = projectId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        UnitLabel = unitId is null ? null : await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        return Page();
    }
}
