using LoTrinh.Core.Agencies;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Agencies;

/// <summary>An agency as the pickers show it: the name, and its unit so two "UBND xã …" can be told apart.</summary>
public sealed record AgencyOption(long Id, string Name, string? Unit, DateOnly? ValidTo)
{
    public string Label => (Unit is null ? Name : $"{Name} — {Unit}") + (ValidTo is { } end ? $" (đến {end:dd/MM/yyyy})" : string.Empty);

    /// <summary>The bodies a task can be given to today: not collectives or persons, not dissolved, not merged away.</summary>
    public static async Task<IReadOnlyList<AgencyOption>> AssignableAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Agencies.AsNoTracking()
            .Where(a => a.MergedIntoId == null && (a.ValidTo == null || a.ValidTo >= today) && a.Kind != AgencyKinds.Group && a.Kind != AgencyKinds.Person)
            .OrderBy(a => a.Name).ThenBy(a => a.AdministrativeUnit!.Name)
            .Select(a => new AgencyOption(a.Id, a.Name, a.AdministrativeUnit!.Name, a.ValidTo))
            .ToListAsync(ct);
        return rows;
    }
}
