using LoTrinh.Core.Text;

namespace LoTrinh.Core.Agencies;

/// <summary>
/// An agency as succession sees it: its name, kind, the name of its administrative unit ("Huyện Đức Trọng") and
/// that name without its kind ("Đức Trọng").
/// </summary>
public sealed record AgencyAtUnit(long Id, string Name, string Kind, string? UnitName, string? UnitBareName = null);

/// <summary>
/// Which agency takes over from one whose administrative unit was dissolved (the 2025 reform: districts
/// abolished, provinces merged). The unit lineage says where the locality went; this says which body
/// there is the same body: UBND huyện Đức Trọng → UBND xã Đức Trọng, Sở Xây dựng tỉnh Lâm Đồng (old
/// province) → Sở Xây dựng of the merged province. The secretariat confirms every suggestion.
/// </summary>
public static class AgencySuccession
{
    /// <summary>
    /// The best candidate among the agencies of the successor units, or null: first the same body (the name
    /// without its unit's name, and the kind, are the same) — of several (every commune has an UBND), the one in
    /// the unit that carries the old locality's name —, else the only candidate of the same kind (Huyện ủy → the
    /// commune's Đảng ủy).
    /// </summary>
    public static AgencyAtUnit? Suggest(AgencyAtUnit dissolved, IReadOnlyList<AgencyAtUnit> candidates)
    {
        ArgumentNullException.ThrowIfNull(dissolved);
        ArgumentNullException.ThrowIfNull(candidates);
        var sameKind = candidates.Where(c => c.Kind == dissolved.Kind && c.Id != dissolved.Id).ToList();
        var stem = Stem(dissolved);
        return sameKind.Where(c => Stem(c) == stem)
                .OrderByDescending(c => dissolved.UnitBareName is not null && c.UnitBareName == dissolved.UnitBareName)
                .FirstOrDefault()
            ?? (sameKind.Count == 1 && AgencyKinds.IsBody(dissolved.Kind) ? sameKind[0] : null);
    }

    /// <summary>
    /// The name of the body with its locality taken out: "Ủy ban nhân dân huyện Đức Trọng" and "Ủy ban nhân dân
    /// xã Đức Trọng" both give "ủy ban nhân dân"; "Sở Xây dựng tỉnh Lâm Đồng" gives "sở xây dựng".
    /// </summary>
    public static string Stem(AgencyAtUnit agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var name = VietnameseText.MatchKey(agency.Name);
        if (agency.UnitName is { } unit)
        {
            var folded = VietnameseText.MatchKey(unit);
            name = name.Replace(folded, string.Empty, StringComparison.Ordinal);
        }

        return VietnameseText.CollapseWhitespace(name).Trim(' ', ',', '-');
    }
}
