using System.Globalization;
using System.Text.RegularExpressions;

namespace LoTrinh.Core.Documents;

/// <summary>
/// How a state administrative document writes its number, place and date and signature (thể thức văn bản, Nghị định
/// 30/2020/NĐ-CP, Phụ lục I; vn-conventions §1.3–1.6).
/// </summary>
public static partial class OfficialFormat
{
    /// <summary>
    /// "Số: 07/BC-UBND": a number below 10 padded with a zero, "/" before the symbol. With no number yet (a draft for the
    /// clerk, văn thư, to register) the number is left blank, as drafts are printed: "Số:      /BC-UBND".
    /// </summary>
    public static string NumberLine(int? number, string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return number is { } n
            ? $"Số: {n.ToString("00", CultureInfo.InvariantCulture)}/{symbol}"
            : $"Số:      /{symbol}";
    }

    /// <summary>
    /// "Lâm Đồng, ngày 05 tháng 02 năm 2026": the days 1–9 and the months 1 and 2 padded with a zero, never March to
    /// December ("tháng 3", not "tháng 03").
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(place);
        var month = date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place.Trim()}, ngày {date.Day.ToString("00", CultureInfo.InvariantCulture)} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The symbol of a report (ký hiệu): its type's abbreviation and the issuer's, upper case, groups joined by "-"
    /// with no spaces ("BC-UBND", "BC-BCĐ"). Null with the reason when it cannot be one.
    /// </summary>
    public static string? SymbolProblem(string? symbol) =>
        string.IsNullOrWhiteSpace(symbol) ? "Nhập ký hiệu văn bản, ví dụ BC-UBND."
        : !Symbol().IsMatch(symbol.Trim()) ? $"Ký hiệu \"{symbol.Trim()}\" không đúng thể thức: chữ in hoa, các nhóm nối bằng dấu \"-\", không có khoảng trắng (ví dụ BC-UBND, BC-BCĐ)."
        : null;

    /// <summary>The authority prefixes of a signature (thẩm quyền ký, §1.5).</summary>
    public static readonly IReadOnlyList<string> Authorities = ["TM.", "KT.", "TL.", "TUQ.", "Q."];

    /// <summary>
    /// The lines above the signature, upper case: an authority prefix and whom it acts for ("TM. ỦY BAN NHÂN DÂN",
    /// "KT. CHỦ TỊCH"), then the signer's own position ("PHÓ CHỦ TỊCH"). Problems, in words, with each line's number.
    /// </summary>
    public static IReadOnlyList<string> SignatureProblems(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var problems = new List<string>();
        if (lines.Count == 0)
        {
            problems.Add("Nhập chức vụ người ký (ví dụ: KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN).");
            return problems;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var prefix = Authorities.FirstOrDefault(a => line.StartsWith(a + " ", StringComparison.Ordinal));
            if (i == lines.Count - 1 && prefix is not null)
            {
                problems.Add($"Dòng {i + 1} \"{line}\": dòng cuối là chức vụ của người ký, không có {prefix}.");
            }
            else if (i < lines.Count - 1 && prefix is null)
            {
                problems.Add($"Dòng {i + 1} \"{line}\": cần bắt đầu bằng thẩm quyền ký ({string.Join(", ", Authorities)}).");
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^[\p{Lu}\d]+(?:-[\p{Lu}\d]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();
}
