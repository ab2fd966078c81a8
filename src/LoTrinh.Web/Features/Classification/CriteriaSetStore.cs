using LoTrinh.Core.Classification;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Classification;

public sealed record CriteriaSetRow(long? Id, string Basis, string Version, string Title, string Kind, DateOnly? EffectiveFrom, DateOnly? EffectiveTo,
    string Flag, bool BuiltIn, bool Active, string? UploadedBy, DateTimeOffset? UploadedAt);

/// <summary>
/// The criteria sets in use: per basis, the uploaded version an administrator activated, otherwise
/// the one built into Core. Uploads are validated by <see cref="CriteriaSetReader"/> before they are kept.
/// </summary>
public static class CriteriaSetStore
{
    public static async Task<IReadOnlyList<CriteriaSet>> ActiveAsync(AppDbContext db, CancellationToken ct)
    {
        var uploaded = await db.CriteriaSets.AsNoTracking().Where(c => c.Active).Select(c => c.Content).ToListAsync(ct);
        var active = uploaded.Select(content => CriteriaSetReader.Read(content).Set).OfType<CriteriaSet>().ToList();
        return [.. active, .. CriteriaSetReader.BuiltIn.Where(b => active.All(a => a.Basis != b.Basis))];
    }

    public static async Task<CriteriaSet?> FindAsync(AppDbContext db, string basis, CancellationToken ct) =>
        (await ActiveAsync(db, ct)).FirstOrDefault(s => string.Equals(s.Basis, basis, StringComparison.OrdinalIgnoreCase));

    /// <summary>The urban-classification basis in force on a date (NQ 111/2025 from 1/1/2026).</summary>
    public static async Task<CriteriaSet?> InForceAsync(AppDbContext db, DateOnly on, CancellationToken ct) =>
        (await ActiveAsync(db, ct)).Where(s => s.Kind == CriteriaSetKind.Urban && s.InForceOn(on)).MaxBy(s => s.EffectiveFrom);

    public static async Task<IReadOnlyList<CriteriaSetRow>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var uploaded = await db.CriteriaSets.AsNoTracking().OrderBy(c => c.Basis).ThenByDescending(c => c.UploadedAt).ToListAsync(ct);
        var rows = new List<CriteriaSetRow>();
        foreach (var builtIn in CriteriaSetReader.BuiltIn)
        {
            rows.Add(Row(builtIn, null, builtIn: true, active: uploaded.All(u => u.Basis != builtIn.Basis || !u.Active), null, null));
        }

        foreach (var u in uploaded)
        {
            if (CriteriaSetReader.Read(u.Content).Set is { } set)
            {
                rows.Add(Row(set, u.Id, builtIn: false, u.Active, u.UploadedBy, u.UploadedAt));
            }
        }

        return [.. rows.OrderBy(r => r.Basis, StringComparer.Ordinal).ThenBy(r => r.BuiltIn)];
    }

    private static CriteriaSetRow Row(CriteriaSet s, long? id, bool builtIn, bool active, string? by, DateTimeOffset? at) =>
        new(id, s.Basis, s.Version, s.Title, s.Kind.ToString(), s.EffectiveFrom, s.EffectiveTo, s.Flag.Vietnamese(), builtIn, active, by, at);

    /// <summary>Validates and keeps an uploaded file as an inactive version; nothing is written on any error.</summary>
    public static async Task<(CriteriaSetVersion? Version, IReadOnlyList<string> Errors)> UploadAsync(AppDbContext db, string content, string uploadedBy, CancellationToken ct)
    {
        var (set, errors) = CriteriaSetReader.Read(content);
        if (set is null)
        {
            return (null, errors);
        }

        if (CriteriaSetReader.BuiltIn.Any(b => b.Basis == set.Basis && b.Version == set.Version)
            || await db.CriteriaSets.AnyAsync(c => c.Basis == set.Basis && c.Version == set.Version, ct))
        {
            return (null, [$"Đã có phiên bản '{set.Version}' của cơ sở {set.Basis}; hãy đổi \"version\"."]);
        }

        var version = new CriteriaSetVersion { Basis = set.Basis, Version = set.Version, Content = content, UploadedBy = uploadedBy };
        db.CriteriaSets.Add(version);
        await db.SaveChangesAsync(ct);
        return (version, []);
    }

    /// <summary>Makes one uploaded version the active one of its basis, or (id null) returns the basis to its built-in set.</summary>
    public static async Task<bool> ActivateAsync(AppDbContext db, string basis, long? id, CancellationToken ct)
    {
        if (id is not null && !await db.CriteriaSets.AnyAsync(c => c.Id == id && c.Basis == basis, ct))
        {
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.CriteriaSets.Where(c => c.Basis == basis && c.Active).ExecuteUpdateAsync(u => u.SetProperty(c => c.Active, false), ct);
        if (id is not null)
        {
            await db.CriteriaSets.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Active, true), ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }
}
