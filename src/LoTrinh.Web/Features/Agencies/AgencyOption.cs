using System.Linq.Expressions;
using LoTrinh.Core.Agencies;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Agencies;

/// <summary>An agency as the pickers show it: the name, and its unit so two "UBND xã …" can be told apart.</summary>
public sealed record AgencyOption(long Id, string Name, string? Unit, DateOnly? ValidTo)
{
    /// <summary>How many a picker shows for what was typed: the country has thousands, nobody scrolls them.</summary>
    public const int PickerSize = 30;

    public string Label => (Unit is null ? Name : $"{Name} — {Unit}") + (ValidTo is { } end ? $" (đến {end:dd/MM/yyyy})" : string.Empty);

    /// <summary>The bodies a task can be given to today: not collectives or persons, not dissolved, not merged away.</summary>
    private static Expression<Func<Agency, bool>> Assignable(DateOnly today) =>
        a => a.MergedIntoId == null && (a.ValidTo == null || a.ValidTo >= today) && a.Kind != AgencyKinds.Group && a.Kind != AgencyKinds.Person;

    /// <summary>The assignable bodies whose name, short name or unit contains what was typed, a picker's worth.</summary>
    public static async Task<IReadOnlyList<AgencyOption>> SearchAsync(AppDbContext db, DateOnly today, string? q, int take, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking().Where(Assignable(today));
        if (Input.Clean(q) is { } text)
        {
            query = query.Where(a => EF.Functions.ILike(a.Name, $"%{text}%") || (a.ShortName != null && EF.Functions.ILike(a.ShortName, $"%{text}%"))
                || (a.AdministrativeUnit != null && EF.Functions.ILike(a.AdministrativeUnit.Name, $"%{text}%")));
        }

        return await Project(query.OrderBy(a => a.Name).ThenBy(a => a.AdministrativeUnit!.Name).ThenBy(a => a.Id).Take(take)).ToListAsync(ct);
    }

    /// <summary>The options a form has chosen (shown selected before anything is typed).</summary>
    public static async Task<IReadOnlyList<AgencyOption>> ByIdsAsync(AppDbContext db, IEnumerable<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : await Project(db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Id)).OrderBy(a => a.Name)).ToListAsync(ct);
    }

    private static IQueryable<AgencyOption> Project(IQueryable<Agency> agencies) =>
        agencies.Select(a => new AgencyOption(a.Id, a.Name, a.AdministrativeUnit!.Name, a.ValidTo));
}
