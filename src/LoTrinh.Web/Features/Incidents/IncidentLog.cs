using LoTrinh.Core.Accounts;
using LoTrinh.Core.Incidents;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Incidents;

/// <summary>An incident as reported from the field; the photo, when there is one, is already read.</summary>
public sealed record IncidentReport(
    string? Kind, string? Description, string? OccurredOn, decimal? Latitude, decimal? Longitude, string? Address, long? UnitId, long? ProjectId);

public sealed record IncidentAssignment(long? AgencyId, string? AssignedOn, string? DueOn, uint? Version);

public sealed record MeasureInput(string? Kind, string? TakenOn, string? Decision, decimal? AmountVnd, string? Note);

public sealed record ResolutionInput(string? ResolvedOn, string? Resolution, uint? Version);

/// <summary>
/// The incident log's writes (sự cố, vi phạm hiện trường): an officer reports one, the secretariat gives it to an agency with a
/// deadline, the agency records the measures taken and resolves it. Each checks everything first and writes nothing on a problem.
/// </summary>
public static class IncidentLog
{
    private const string ConflictMessage = "Vụ việc vừa được người khác cập nhật; tải lại trang để xem bản mới.";

    public static async Task<(Incident? Incident, InputErrors Errors)> ReportAsync(AppDbContext db, IncidentReport input, ProcessedPhoto? photo, string? photoName,
        DateOnly today, CancellationToken ct)
    {
        var errors = new InputErrors();
        var kind = input.Kind is null ? null : await db.IncidentKinds.FirstOrDefaultAsync(k => k.Code == input.Kind && k.Active, ct);
        if (kind is null)
        {
            errors.Add("kind", input.Kind is null ? "Chọn loại vụ việc." : "Không có loại vụ việc này.");
        }

        var description = errors.Text("description", input.Description, 4000, required: true);
        var occurred = errors.Date("occurredOn", input.OccurredOn) ?? today;
        if (occurred > today)
        {
            errors.Add("occurredOn", $"Ngày {occurred:dd/MM/yyyy} chưa đến.");
        }

        var address = errors.Text("address", input.Address, 500);
        ProjectRegister.CheckPoint(errors, input.Latitude, input.Longitude);
        var (latitude, longitude) = (input.Latitude ?? photo?.Latitude, input.Longitude ?? photo?.Longitude);
        if (input.Latitude is null && photo?.Latitude is not null && IncidentRules.CheckPoint((double?)latitude, (double?)longitude).Count > 0)
        {
            // The camera's location is outside Vietnam (a phone with a wrong fix): not taken, said plainly.
            (latitude, longitude) = (null, null);
        }

        var unit = input.UnitId is { } u ? await db.Units.FirstOrDefaultAsync(x => x.Id == u, ct) : null;
        if (input.UnitId is not null && unit is null)
        {
            errors.Add("unitId", $"Không có đơn vị hành chính mã {input.UnitId}.");
        }
        else if (unit is not null && !unit.IsValidOn(occurred))
        {
            errors.Add("unitId", $"{unit.Name} không còn vào ngày {occurred:dd/MM/yyyy}; chọn đơn vị hiện nay.");
        }

        if (input.ProjectId is { } p && !await db.KeyProjects.AnyAsync(x => x.Id == p, ct))
        {
            errors.Add("projectId", $"Không có dự án mã {p}.");
        }

        if (latitude is null && unit is null && !errors.All.ContainsKey("unitId"))
        {
            errors.Add("unitId", "Cần nơi xảy ra: vị trí trên bản đồ (hoặc ảnh có vị trí), hoặc xã, phường.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var viewer = db.Viewer;
        var incident = new Incident
        {
            KindCode = kind!.Code,
            Description = description!,
            OccurredOn = occurred,
            Latitude = latitude,
            Longitude = longitude,
            Address = address,
            AdministrativeUnitId = unit?.Id,
            ProjectId = input.ProjectId,
            ReportedBy = viewer.Name,
            ReportedByAgencyId = viewer.AgencyId,
        };
        if (photo is not null)
        {
            incident.Photos.Add(ProjectsApi.NewPhoto(photo, photoName ?? "anh.jpg", viewer.Name));
        }

        db.Incidents.Add(incident);
        await db.SaveChangesAsync(ct);
        return (incident, errors);
    }

    /// <summary>Gives the incident to an agency (chủ trì xử lý) with a deadline; giving it again moves it.</summary>
    public static async Task<InputErrors?> AssignAsync(AppDbContext db, long id, IncidentAssignment input, DateOnly today, CancellationToken ct)
    {
        if (await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } incident)
        {
            return null;
        }

        var errors = new InputErrors();
        var agency = input.AgencyId is { } a ? await db.Agencies.FirstOrDefaultAsync(x => x.Id == a, ct) : null;
        if (agency is null)
        {
            errors.Add("agencyId", input.AgencyId is null ? "Chọn cơ quan chủ trì xử lý." : $"Không có cơ quan mã {input.AgencyId}.");
        }

        var assigned = errors.Date("assignedOn", input.AssignedOn) ?? today;
        var due = errors.Date("dueOn", input.DueOn);
        if (assigned > today)
        {
            errors.Add("assignedOn", $"Ngày {assigned:dd/MM/yyyy} chưa đến.");
        }
        else if (assigned < incident.OccurredOn)
        {
            errors.Add("assignedOn", $"Ngày giao {assigned:dd/MM/yyyy} trước khi vụ việc xảy ra ({incident.OccurredOn:dd/MM/yyyy}).");
        }

        foreach (var (field, message) in IncidentRules.CheckAssignment(incident.OccurredOn, assigned, due))
        {
            errors.Add(field, message);
        }

        if (incident.ResolvedOn is not null)
        {
            errors.Add("agencyId", $"Vụ việc đã xử lý xong ngày {incident.ResolvedOn:dd/MM/yyyy}.");
        }

        if (errors.Any)
        {
            return errors;
        }

        (incident.AgencyId, incident.AssignedOn, incident.DueOn) = (agency!.Id, assigned, due);
        await db.SaveVersionedAsync(incident, input.Version ?? 0, errors, ConflictMessage, ct);
        return errors;
    }

    public static async Task<InputErrors?> AddMeasureAsync(AppDbContext db, long id, MeasureInput input, DateOnly today, CancellationToken ct)
    {
        if (await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } incident)
        {
            return null;
        }

        var errors = new InputErrors();
        if (!IncidentRules.TryParseMeasure(input.Kind, out var kind))
        {
            errors.Add("kind", $"Chọn biện pháp: {string.Join(", ", Enum.GetValues<MeasureKind>().Select(k => k.Code()))}.");
        }

        var taken = errors.Date("takenOn", input.TakenOn, required: true);
        var decision = errors.Text("decision", input.Decision, 200);
        var note = errors.Text("note", input.Note, 2000);
        var amount = errors.Range("amountVnd", input.AmountVnd, 0, ProjectRegister.MaxVnd);
        if (incident.AgencyId is null)
        {
            errors.Add("kind", "Vụ việc chưa được giao cho cơ quan nào xử lý.");
        }

        if (errors.Any)
        {
            return errors;
        }

        foreach (var (field, message) in IncidentRules.CheckMeasure(kind, taken!.Value, decision, amount, incident.OccurredOn, today))
        {
            errors.Add(field, message);
        }

        if (!errors.Any)
        {
            db.IncidentMeasures.Add(new IncidentMeasure { IncidentId = id, Kind = kind, TakenOn = taken.Value, Decision = decision, AmountVnd = amount, Note = note });
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>Closes the incident with what was done; an empty date reopens it (the secretariat's call).</summary>
    public static async Task<InputErrors?> ResolveAsync(AppDbContext db, long id, ResolutionInput input, DateOnly today, CancellationToken ct)
    {
        if (await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } incident)
        {
            return null;
        }

        var errors = new InputErrors();
        var resolved = errors.Date("resolvedOn", input.ResolvedOn);
        var resolution = errors.Text("resolution", input.Resolution, 4000, required: resolved is not null);
        if (incident.AgencyId is null)
        {
            errors.Add("resolvedOn", "Vụ việc chưa được giao cho cơ quan nào xử lý.");
        }
        else if (resolved > today)
        {
            errors.Add("resolvedOn", $"Ngày {resolved:dd/MM/yyyy} chưa đến.");
        }
        else if (resolved < incident.AssignedOn)
        {
            errors.Add("resolvedOn", $"Ngày {resolved:dd/MM/yyyy} trước ngày giao xử lý ({incident.AssignedOn:dd/MM/yyyy}).");
        }

        if (resolved is null && !db.Viewer.Can(Permission.ManageProgramme))
        {
            errors.Add("resolvedOn", "Cần ngày xử lý xong.");
        }

        if (errors.Any)
        {
            return errors;
        }

        (incident.ResolvedOn, incident.Resolution) = (resolved, resolved is null ? null : resolution);
        // Only the two fields are written (an agency may change no other), the version still checked.
        db.Entry(incident).Property(i => i.Version).OriginalValue = input.Version ?? 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            errors.Conflict(ConflictMessage);
        }

        return errors;
    }
}
