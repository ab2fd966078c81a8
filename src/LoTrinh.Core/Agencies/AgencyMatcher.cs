using LoTrinh.Core.Text;

namespace LoTrinh.Core.Agencies;

/// <summary>An agency on file, as the matcher sees it: its names and the place it belongs to, without the word for its kind ("Đức Trọng").</summary>
public sealed record AgencyCandidate(long Id, string Name, string? ShortName, string? PlaceName);

public sealed record AgencySuggestion(AgencyCandidate Agency, double Score);

/// <summary>
/// Suggests which agency on file a directive means by a name as written: "UBND huyện" in a district's
/// conclusion is that district's People's Committee, "Lãnh đạo UBND huyện" the same body, "các Sở, Ngành
/// của Tỉnh" the group of departments. A person confirms; the matcher only orders the choices.
/// </summary>
public static class AgencyMatcher
{
    /// <summary>Abbreviations that directives and agency lists write either way.</summary>
    private static readonly (string Short, string Long)[] Abbreviations =
    [
        ("ubnd", "ủy ban nhân dân"),
        ("hđnd", "hội đồng nhân dân"),
        ("ubmttq", "ủy ban mặt trận tổ quốc"),
        ("mttq", "mặt trận tổ quốc"),
        ("bcđ", "ban chỉ đạo"),
        ("btv", "ban thường vụ"),
        ("tp.", "thành phố"),
        ("tp", "thành phố"),
    ];

    /// <summary>Words before a body's name that point at its people, not at another body.</summary>
    private static readonly string[] People = ["các đồng chí lãnh đạo", "lãnh đạo", "đồng chí", "thường trực"];

    private const double Exact = 1.0;
    private const double ThisPlace = 0.9;
    private const double Threshold = 0.5;

    /// <summary>The best matches for <paramref name="written"/>, best first; <paramref name="place"/> is where the directive applies, without the word for its kind ("Đức Trọng").</summary>
    public static IReadOnlyList<AgencySuggestion> Suggest(string written, string? place, IEnumerable<AgencyCandidate> candidates, int take = 3)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(candidates);
        var name = Key(written);
        var placeName = place is null ? null : Key(place);
        return candidates
            .Select(c => new AgencySuggestion(c, Score(name, placeName, c)))
            .Where(s => s.Score >= Threshold)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Agency.Name, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    private static double Score(string written, string? place, AgencyCandidate candidate)
    {
        var best = 0.0;
        foreach (var n in new[] { candidate.Name, candidate.ShortName }.OfType<string>())
        {
            var name = Key(n);
            if (name == written)
            {
                return Exact;
            }

            // "UBND huyện" written in the directive of Huyện Đức Trọng is "Ủy ban nhân dân huyện Đức Trọng".
            if (place is not null && name == $"{written} {place}")
            {
                best = Math.Max(best, ThisPlace);
                continue;
            }

            best = Math.Max(best, 0.8 * Dice(written, name));
        }

        // A body of another place is a weaker match than the same body of this place.
        var elsewhere = place is not null && candidate.PlaceName is { } p && Key(p) != place;
        return elsewhere ? best * 0.9 : best;
    }

    /// <summary>
    /// Whether two issuers as written may be the same body, for telling a province's "29-CTr/TU" from another's:
    /// the same name once abbreviations are spelt out, or one the start of the other ("BTV Tỉnh ủy" and "Ban Thường vụ
    /// Tỉnh ủy Lâm Đồng"; "UBND tỉnh" could be any province's). Different places are different bodies.
    /// </summary>
    public static bool MaySameIssuer(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (x, y) = (Key(a), Key(b));
        return x == y || y.StartsWith(x + " ", StringComparison.Ordinal) || x.StartsWith(y + " ", StringComparison.Ordinal);
    }

    /// <summary>Folded, abbreviations spelt out, the words for a body's people dropped, punctuation gone.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = VietnameseText.MatchKey(name).Replace("uỷ", "ủy", StringComparison.Ordinal)
            .Split([' ', ',', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.FirstOrDefault(a => a.Short == w).Long ?? w);
        var key = string.Join(' ', words);
        foreach (var p in People)
        {
            if (key.StartsWith(p + " ", StringComparison.Ordinal))
            {
                key = key[(p.Length + 1)..];
                break;
            }
        }

        return key;
    }

    /// <summary>Dice coefficient of the two names' word sets.</summary>
    private static double Dice(string a, string b)
    {
        var x = a.Split(' ').ToHashSet(StringComparer.Ordinal);
        var y = b.Split(' ').ToHashSet(StringComparer.Ordinal);
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }
}
