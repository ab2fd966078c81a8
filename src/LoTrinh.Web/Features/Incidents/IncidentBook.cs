using LoTrinh.Core.Incidents;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Incidents;

public sealed record IncidentRow(
    long Id, string Kind, string KindName, string Description, DateOnly OccurredOn, decimal? Latitude, decimal? Longitude, Placement Placement,
    string Locality, long? UnitId, string? Address, long? ProjectId, string? ProjectName, string ReportedBy, DateTimeOffset ReportedAt,
    long? AgencyId, string? Agency, DateOnly? AssignedOn, DateOnly? DueOn, DateOnly? ResolvedOn, string? Resolution,
    string Status, string StatusName, bool IsOpen, bool IsOverdue, int Photos, uint Version);

/// <summary>What the list, the map and the dashboard ask of the log.</summary>
/// <param name="From">Occurred on or after.</param>
/// <param name="Status">A status code, or "open" for every incident not resolved.</param>
public sealed record IncidentFilter(string? Kind = null, string? Status = null, long? Unit = null, long? Agency = null, DateOnly? From = null, DateOnly? To = null);

public static class IncidentBook
{
    public static async Task<IReadOnlyList<IncidentRow>> LoadAsync(AppDbContext db, DateOnly asOf, IncidentFilter filter, CancellationToken ct, long? id = null)
    {
        var query = db.Incidents.AsNoTracking().Where(i => i.OccurredOn <= asOf);
        query = id is { } one ? query.Where(i => i.Id == one) : query;
        query = filter.Kind is { Length: > 0 } kind ? query.Where(i => i.KindCode == kind) : query;
        query = filter.Unit is { } unit ? query.Where(i => i.AdministrativeUnitId == unit || i.AdministrativeUnit!.ParentId == unit) : query;
        query = filter.Agency is { } agency ? query.Where(i => i.AgencyId == agency) : query;
        query = filter.From is { } from ? query.Where(i => i.OccurredOn >= from) : query;
        query = filter.To is { } to ? query.Where(i => i.OccurredOn <= to) : query;
        var incidents = await query.Include(i => i.Kind).Include(i => i.AdministrativeUnit).Include(i => i.Agency).Include(i => i.Project)
            .OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).ToListAsync(ct);
        var ids = incidents.Select(i => (long?)i.Id).ToList();
        var photos = await db.Photos.Where(f => ids.Contains(f.IncidentId)).GroupBy(f => f.IncidentId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rows = incidents.Select(i => Row(i, photos.GetValueOrDefault(i.Id), asOf));
        return [.. rows.Where(r => filter.Status switch
        {
            null or "" => true,
            "open" => r.IsOpen,
            var s => r.Status == s,
        })];
    }

    private static IncidentRow Row(Incident i, int photos, DateOnly asOf)
    {
        var status = i.StatusOn(asOf);
        var seat = i.AdministrativeUnit is { SeatLatitude: not null } u ? u : null;
        var (lat, lng, placement) = i.Latitude is not null ? (i.Latitude, i.Longitude, Placement.Point)
            : seat is not null ? (seat.SeatLatitude, seat.SeatLongitude, Placement.UnitSeat) : (null, null, Placement.NotPlaced);
        return new IncidentRow(i.Id, i.KindCode, i.Kind?.Name ?? i.KindCode, i.Description, i.OccurredOn, lat, lng, placement,
            i.AdministrativeUnit?.Name ?? "chưa rõ", i.AdministrativeUnitId, i.Address, i.ProjectId, i.Project?.Name, i.ReportedBy, i.ReportedAt,
            i.AgencyId, i.Agency?.Name, i.AssignedOn, i.DueOn, i.ResolvedOn, i.Resolution, status.Code, status.Vietnamese, status.IsOpen,
            status.Class == TaskStatusClass.InProgressOverdue, photos, i.Version);
    }

    /// <summary>A status code of the list's filter: one of the incident's, or "open".</summary>
    public static bool IsStatus(string? code) => code is null or "" or "open" or "unassigned"
        || (TaskStatusClassNames.TryParseCode(code, out var c) && c is not TaskStatusClass.Recurring);

    public static IReadOnlyList<(string Code, string Name)> Statuses { get; } =
    [
        ("open", "Chưa xử lý xong"),
        ("unassigned", "Chưa giao xử lý"),
        (TaskStatusClass.InProgressWithinDeadline.Code(), "Đang xử lý trong hạn"),
        (TaskStatusClass.InProgressOverdue.Code(), "Đang xử lý quá hạn"),
        (TaskStatusClass.NoDeadline.Code(), "Đang xử lý, chưa có hạn"),
        (TaskStatusClass.CompletedOnTime.Code(), "Đã xử lý đúng hạn"),
        (TaskStatusClass.CompletedLate.Code(), "Đã xử lý quá hạn"),
    ];

    public static IReadOnlyList<(string Code, string Name)> MeasureKinds { get; } =
        [.. Enum.GetValues<MeasureKind>().Select(k => (k.Code(), k.Vietnamese()))];
}
