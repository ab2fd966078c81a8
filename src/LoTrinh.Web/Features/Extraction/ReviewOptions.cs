using LoTrinh.Core.Agencies;
using LoTrinh.Core.Documents;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Directives;
using LoTrinh.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Extraction;

public sealed record UnitOption(long Id, string Label);


/// <summary>A directive already on file that the import would repeat.</summary>
public sealed record DuplicateOf(long DirectiveId, string Message);

/// <summary>
/// The choices the review offers and the suggestion for each: the locality, the agency each written name
/// means, the directive each reference points at; and whether the directive is already on file.
/// </summary>
public sealed class ReviewOptions
{
    /// <summary>A suggestion this good is chosen for the reviewer; weaker ones are only offered.</summary>
    private const double Confident = 0.85;

    public IReadOnlyList<UnitOption> Localities { get; private init; } = [];
    public long? SuggestedLocality { get; private init; }
    public IReadOnlyList<AgencyCandidate> Agencies { get; private init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<AgencySuggestion>> AgencySuggestions { get; private init; } =
        new Dictionary<string, IReadOnlyList<AgencySuggestion>>();

    public IReadOnlyList<IReadOnlyList<DirectiveOption>> ReferenceLinks { get; private init; } = [];
    public DuplicateOf? Duplicate { get; private init; }

    /// <summary>The directive on file only as a citation (no text) that saving completes.</summary>
    public long? CompletesCited { get; private init; }

    public IReadOnlyList<AgencySuggestion> SuggestionsFor(string written) =>
        AgencySuggestions.GetValueOrDefault(VietnameseText.MatchKey(written)) ?? [];

    /// <summary>The agency chosen unless the reviewer says otherwise: the best suggestion if confident, else 0 (a new agency).</summary>
    public long SuggestedAgency(string written) =>
        SuggestionsFor(written) is [var best, ..] && best.Score >= Confident ? best.Agency.Id : 0;

    public static async Task<ReviewOptions> LoadAsync(AppDbContext db, DocumentImport import, ReviewForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(form);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var on = Input.TryDate(form.Document.IssuedOn, out var issued, out _) && issued is { } d ? d : today;

        // Localities: every province, and every unit a directive or an agency on file belongs to.
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Level == UnitLevels.Province
                || db.Directives.Any(x => x.LocalityUnitId == u.Id) || db.Agencies.Any(a => a.AdministrativeUnitId == u.Id))
            .ToListAsync(ct);
        var localities = units
            .OrderBy(u => u.Level == UnitLevels.Province ? 0 : 1).ThenBy(u => u.Name, StringComparer.Ordinal)
            .Select(u => new UnitOption(u.Id, u.ValidTo is { } to ? $"{u.Name} (đến {to:dd/MM/yyyy})" : u.Name))
            .ToList();

        // The unit the issuer or title names, valid on the day of issue first, the most local first.
        var heading = VietnameseText.Fold($"{form.Document.Issuer} {form.Document.Title}");
        var suggested = units
            .Where(u => NamedIn(heading, u))
            .OrderBy(u => u.IsValidOn(on) ? 0 : 1)
            .ThenBy(u => u.Level == UnitLevels.Province ? 1 : 0)
            .Select(u => (long?)u.Id)
            .FirstOrDefault();

        // Agencies: those of the locality, its parent and children, and those of no place.
        var localityId = form.Document.LocalityId is > 0 ? form.Document.LocalityId : suggested;
        var locality = units.FirstOrDefault(u => u.Id == localityId);
        var parentId = locality?.ParentId;
        var agencies = (await db.Agencies.AsNoTracking()
                .Where(a => a.AdministrativeUnitId == null || a.AdministrativeUnitId == localityId || a.AdministrativeUnitId == parentId
                    || a.AdministrativeUnit!.ParentId == localityId)
                .OrderBy(a => a.Name)
                .Select(a => new { a.Id, a.Name, a.ShortName, a.AdministrativeUnit })
                .ToListAsync(ct))
            .Select(a => new AgencyCandidate(a.Id, a.Name, a.ShortName, a.AdministrativeUnit?.BareName))
            .ToList();
        var suggestions = form.Agencies.Where(a => a.Written is not null)
            .DistinctBy(a => VietnameseText.MatchKey(a.Written!))
            .ToDictionary(a => VietnameseText.MatchKey(a.Written!), a => AgencyMatcher.Suggest(a.Written!, locality?.BareName, agencies), StringComparer.Ordinal);

        // References: the directives on file with the same number, or the same kind, sequence and issuer code.
        var cited = form.References.Select(r => DirectiveNumber.TryParse(r.Number ?? string.Empty, out var n, out _) ? n : null).ToList();
        var sequences = cited.OfType<DirectiveNumber>().Select(n => n.Sequence).Distinct().ToList();
        var candidates = await db.Directives.AsNoTracking()
            .Where(x => x.NumberSequence != null && sequences.Contains(x.NumberSequence.Value))
            .Select(x => new { x.Id, x.Number, x.KindCode, x.Kind, x.NumberSequence, x.IssuerName, x.IssuedOn })
            .ToListAsync(ct);
        var links = cited.Select(n => (IReadOnlyList<DirectiveOption>)candidates
                .Where(c => n is not null && (c.Number == n.Text || c.NumberSequence == n.Sequence && c.KindCode == n.KindCode))
                .OrderBy(c => c.Number == n!.Text ? 0 : 1)
                .Select(c => new DirectiveOption(c.Id, DirectiveOption.LabelOf(c.Number, c.Kind, c.IssuerName, c.IssuedOn)))
                .ToList())
            .ToList();

        var (duplicate, completes) = await SameDirectiveAsync(db, import, form, localityId, ct);
        return new ReviewOptions
        {
            Localities = localities,
            SuggestedLocality = suggested,
            Agencies = agencies,
            AgencySuggestions = suggestions,
            ReferenceLinks = links,
            Duplicate = duplicate,
            CompletesCited = completes,
        };
    }

    /// <summary>
    /// Whether a folded heading names the unit, as a State body does ("ủy ban nhân dân huyện Đức Trọng") or
    /// as its Party committee does ("huyện ủy Đức Trọng", "thành ủy Đà Lạt", "tỉnh ủy Lâm Đồng").
    /// </summary>
    private static bool NamedIn(string heading, AdministrativeUnit unit)
    {
        var kind = VietnameseText.Fold(unit.Kind);
        var name = VietnameseText.Fold(unit.BareName);
        var committee = kind switch
        {
            "thành phố" => "thành ủy",
            "thị xã" => "thị ủy",
            _ => $"{kind} ủy",
        };
        return heading.Contains($"{kind} {name}", StringComparison.Ordinal) || heading.Contains($"{committee} {name}", StringComparison.Ordinal);
    }

    /// <summary>The same directive on file: by its number, or by the same text saved from another import.</summary>
    private static async Task<(DuplicateOf?, long?)> SameDirectiveAsync(AppDbContext db, DocumentImport import, ReviewForm form, long? localityId, CancellationToken ct)
    {
        if (DirectiveNumber.TryParse(form.Document.Number ?? string.Empty, out var number, out _))
        {
            // A number is its issuer's: another province's document of the same number is not this one. The issuer as
            // read may be worded unlike the one on file, so the same place counts too; with neither known, it may be.
            var issuer = Input.Clean(form.Document.Issuer);
            var same = (await db.Directives.AsNoTracking().Where(d => d.Number == number.Text)
                    .Select(d => new { d.Id, HasText = d.FullText != null, d.IssuerName, d.LocalityUnitId }).ToListAsync(ct))
                .FirstOrDefault(d => issuer is null || AgencyMatcher.MaySameIssuer(d.IssuerName, issuer)
                    || localityId is null || d.LocalityUnitId is null || d.LocalityUnitId == localityId);
            if (same is { HasText: true })
            {
                return (new DuplicateOf(same.Id, $"Văn bản số {number.Text} ({same.IssuerName}) đã có trong hệ thống cùng toàn văn; không lưu trùng."), null);
            }

            if (same is not null)
            {
                return (null, same.Id);
            }
        }

        var sameText = await db.DocumentImports.AsNoTracking()
            .Where(i => i.Id != import.Id && i.TextHash == import.TextHash && i.Stage == ImportStages.Saved)
            .Select(i => new { i.DirectiveId, i.FileName }).FirstOrDefaultAsync(ct);
        return sameText is { DirectiveId: { } id }
            ? (new DuplicateOf(id, $"Nội dung văn bản này trùng với tệp {sameText.FileName} đã nhập; không lưu trùng."), null)
            : (null, null);
    }
}
