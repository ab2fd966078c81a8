using LoTrinh.Core.Agencies;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Agencies;

/// <summary>A body that ceased with open tasks, and who should take them over.</summary>
public sealed record DissolvedAgency(
    long Id, string Name, string? Unit, DateOnly ValidTo, int OpenTasks, AgencyOption? Suggested, IReadOnlyList<AgencyOption> Candidates);

/// <summary>What the secretariat decides for a dissolved agency: an agency on file, and whether one outside the lineage is meant.</summary>
public sealed record SuccessionInput(long? Successor, bool? OutsideLineage);

/// <summary>
/// The 2025 reform at the level of agencies: bodies whose unit ended (UBND huyện Đức Trọng, 30/6/2025) hand
/// their open tasks to their successor (UBND xã Đức Trọng). The unit lineage suggests, the secretariat
/// confirms; then every open task passes, saying where it came from. Until then the task shows that its
/// agency no longer exists. Shared by the page and the API.
/// </summary>
public static class Successions
{
    /// <summary>How many dissolved agencies (not merged, no successor yet) still have open tasks.</summary>
    // From the agency's own task links (an index step), not from every task to its links: a country has 200,000 tasks.
    public static Task<int> CountPendingAsync(AppDbContext db, DateOnly today, CancellationToken ct) =>
        db.Agencies.CountAsync(a => a.ValidTo < today && a.SuccessorId == null && a.MergedIntoId == null
            && db.TaskAgencies.Any(x => x.AgencyId == a.Id && x.Task.CompletedOn == null), ct);

    /// <summary>Dissolved agencies (not merged, no successor yet) that still have open tasks, with a suggestion each.</summary>
    public static async Task<IReadOnlyList<DissolvedAgency>> PendingAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var dissolved = await db.Agencies.AsNoTracking()
            .Where(a => a.ValidTo < today && a.SuccessorId == null && a.MergedIntoId == null)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Kind,
                a.ValidTo,
                a.AdministrativeUnitId,
                Unit = a.AdministrativeUnit!.Name,
                UnitKind = a.AdministrativeUnit!.Kind,
                OpenTasks = db.TaskAgencies.Count(x => x.AgencyId == a.Id && x.Task.CompletedOn == null),
            })
            .Where(a => a.OpenTasks > 0)
            .OrderByDescending(a => a.OpenTasks).ThenBy(a => a.Name)
            .ToListAsync(ct);
        var result = new List<DissolvedAgency>();
        foreach (var a in dissolved)
        {
            var candidates = await CandidatesAsync(db, a.AdministrativeUnitId, ct);
            var suggested = AgencySuccession.Suggest(
                new AgencyAtUnit(a.Id, a.Name, a.Kind, a.Unit, a.Unit is null ? null : Units.AdministrativeUnit.Bare(a.Unit, a.UnitKind)),
                [.. candidates.Select(c => new AgencyAtUnit(c.Option.Id, c.Option.Name, c.Kind, c.Option.Unit, c.UnitBare))]);
            var best = candidates.Select(c => c.Option).FirstOrDefault(o => o.Id == suggested?.Id);
            result.Add(new DissolvedAgency(a.Id, a.Name, a.Unit, a.ValidTo!.Value, a.OpenTasks, best, [.. candidates.Select(c => c.Option)]));
        }

        return result;
    }

    /// <summary>
    /// The agencies of the units the dissolved agency's unit went into: its own successors in the lineage, and,
    /// for a district (whose communes were merged, not the district itself), the successors of its communes.
    /// </summary>
    private static async Task<List<(AgencyOption Option, string Kind, string? UnitBare)>> CandidatesAsync(AppDbContext db, long? unitId, CancellationToken ct)
    {
        if (unitId is null)
        {
            return [];
        }

        var successorUnits = db.UnitLineages
            .Where(l => l.PredecessorId == unitId || db.Units.Any(u => u.Id == l.PredecessorId && u.ParentId == unitId))
            .Select(l => l.SuccessorId);
        var rows = await db.Agencies.AsNoTracking()
            .Where(a => a.AdministrativeUnitId != null && successorUnits.Contains(a.AdministrativeUnitId.Value) && a.MergedIntoId == null)
            .OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Kind, Unit = a.AdministrativeUnit!.Name, UnitKind = a.AdministrativeUnit!.Kind, a.ValidTo })
            .ToListAsync(ct);
        return [.. rows.Select(r => (new AgencyOption(r.Id, r.Name, r.Unit, r.ValidTo), r.Kind, (string?)Units.AdministrativeUnit.Bare(r.Unit, r.UnitKind)))];
    }

    /// <summary>
    /// Records the successor and passes every open task of the dissolved agency to it, in one save. A successor
    /// outside the unit lineage must be confirmed as meant. Null when there is no such agency.
    /// </summary>
    public static async Task<InputErrors?> ConfirmAsync(AppDbContext db, long id, SuccessionInput input, DateOnly today, CancellationToken ct)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return null;
        }

        var errors = new InputErrors();
        var successor = input.Successor is { } s ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == s, ct) : null;
        if (successor is null)
        {
            errors.Add("successor", input.Successor is null ? "Chọn cơ quan kế thừa." : "Không có cơ quan này.");
        }
        else if (successor.Id == agency.Id)
        {
            errors.Add("successor", "Một cơ quan không kế thừa chính nó.");
        }
        else if (successor.IsDissolvedOn(today) || successor.MergedIntoId is not null)
        {
            errors.Add("successor", $"{successor.Name} cũng không còn; hãy chọn cơ quan đang hoạt động.");
        }
        else if (input.OutsideLineage != true && (await CandidatesAsync(db, agency.AdministrativeUnitId, ct)).All(c => c.Option.Id != successor.Id))
        {
            errors.Add("successor", $"{successor.Name} không thuộc đơn vị hành chính kế thừa {agency.Name}; nếu đúng là cơ quan này, hãy xác nhận \"ngoài đơn vị kế thừa\".");
        }

        if (agency.ValidTo is null || agency.ValidTo >= today)
        {
            errors.Add("agency", $"{agency.Name} chưa giải thể; chỉ chuyển nhiệm vụ của cơ quan đã giải thể (hoặc gộp hai bản ghi trùng).");
        }

        if (errors.Any)
        {
            return errors;
        }

        agency.SuccessorId = successor!.Id;
        await PassOpenTasksAsync(db, agency.Id, successor.Id, receivedFrom: true, ct);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// Merges a duplicate record into the one that stays: every task part, account, directive it issued and body
    /// under it follows; the duplicate is kept, marked merged, for the history. Null when either is not on file.
    /// </summary>
    public static async Task<InputErrors?> MergeAsync(AppDbContext db, long id, long? into, CancellationToken ct)
    {
        var duplicate = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (duplicate is null)
        {
            return null;
        }

        var errors = new InputErrors();
        var kept = into is { } k ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == k, ct) : null;
        if (kept is null)
        {
            errors.Add("into", into is null ? "Chọn bản ghi được giữ lại." : "Không có cơ quan này.");
        }
        else if (kept.Id == duplicate.Id)
        {
            errors.Add("into", "Không gộp một cơ quan vào chính nó.");
        }
        else if (kept.MergedIntoId is not null || duplicate.MergedIntoId is not null)
        {
            errors.Add("into", "Bản ghi này đã được gộp trước đó; hãy chọn bản ghi đang dùng.");
        }

        if (errors.Any)
        {
            return errors;
        }

        await PassOpenTasksAsync(db, duplicate.Id, kept!.Id, receivedFrom: false, ct);
        await db.Users.Where(u => u.AgencyId == duplicate.Id).ForEachAsync(u => u.AgencyId = kept.Id, ct);
        await db.Directives.Where(d => d.IssuerAgencyId == duplicate.Id).ForEachAsync(d => d.IssuerAgencyId = kept.Id, ct);
        await db.Agencies.Where(a => a.ParentId == duplicate.Id).ForEachAsync(a => a.ParentId = kept.Id, ct);
        duplicate.MergedIntoId = kept.Id;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// Moves the agency's part in every open task (or every task, when merging a duplicate) to another agency.
    /// Where the other already takes part, its stronger role stays.
    /// </summary>
    public static async Task PassOpenTasksAsync(AppDbContext db, long from, long to, bool receivedFrom, CancellationToken ct)
    {
        var parts = await db.TaskAgencies.Include(a => a.Task).ThenInclude(t => t.Agencies)
            .Where(a => a.AgencyId == from && (!receivedFrom || a.Task.CompletedOn == null))
            .ToListAsync(ct);
        foreach (var part in parts)
        {
            var task = part.Task;
            var existing = task.Agencies.FirstOrDefault(a => a.AgencyId == to);
            task.Agencies.Remove(part);
            if (existing is not null)
            {
                if (Rank(part.Role) < Rank(existing.Role))
                {
                    existing.Role = part.Role;
                    existing.ReceivedFromAgencyId = receivedFrom ? from : existing.ReceivedFromAgencyId;
                }

                continue;
            }

            task.Agencies.Add(new TaskAgency
            {
                AgencyId = to,
                Role = part.Role,
                Ordinal = part.Ordinal,
                ReceivedFromAgencyId = receivedFrom ? from : part.ReceivedFromAgencyId,
            });
        }
    }

    private static int Rank(string role) => role switch
    {
        TaskRoles.Lead => 0,
        TaskRoles.CoLead => 1,
        _ => 2,
    };
}
