using System.Globalization;
using System.Text.RegularExpressions;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Documents;

/// <summary>How a document number (số, ký hiệu) is written.</summary>
public enum NumberForm
{
    /// <summary>Party documents: number, hyphen, kind, slash, issuer — "29-CTr/TU", "06-NQ/TW".</summary>
    Party,

    /// <summary>State documents (Nghị định 30/2020, Phụ lục III): number, slash, [year, slash,] kind,
    /// hyphen, issuer — "3316/KH-UBND", "09/2019/NĐ-CP"; or number/year/issuer for resolutions of the
    /// Standing Committee of the National Assembly — "111/2025/UBTVQH15".</summary>
    State,
}

/// <summary>A parsed document number. <see cref="Text"/> is the canonical writing (no spaces, "Số" dropped).</summary>
public sealed partial record DirectiveNumber(string Text, NumberForm Form, int Sequence, int? Year, string? KindCode, string IssuerCode)
{
    public static DirectiveNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    public static bool TryParse(string? text, out DirectiveNumber number, out string error)
    {
        number = null!;
        var s = VietnameseText.CollapseWhitespace(VietnameseText.Normalize(text ?? string.Empty));
        s = NumberPrefix().Replace(s, string.Empty);
        s = SpacesAroundPunctuation().Replace(s, "$1");
        if (s.Length == 0)
        {
            error = "Số hiệu văn bản đang trống.";
            return false;
        }

        var party = Party().Match(s);
        if (party.Success)
        {
            number = new DirectiveNumber(s, NumberForm.Party, Int(party.Groups["n"]), null,
                party.Groups["kind"].Value, party.Groups["issuer"].Value);
            error = string.Empty;
            return true;
        }

        var state = State().Match(s);
        if (state.Success)
        {
            int? year = state.Groups["y"].Success ? Int(state.Groups["y"]) : null;
            var kind = state.Groups["kind"].Success ? state.Groups["kind"].Value : null;
            number = new DirectiveNumber(s, NumberForm.State, Int(state.Groups["n"]), year, kind, state.Groups["issuer"].Value);
            error = string.Empty;
            return true;
        }

        error = $"Số hiệu \"{s}\" không theo mẫu của Đảng (29-CTr/TU) hay của Nhà nước (3316/KH-UBND, 09/2019/NĐ-CP).";
        return false;
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:số|so)\s*[:.]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"\s*([/\-])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesAroundPunctuation();

    [GeneratedRegex(@"^(?<n>\d{1,6})-(?<kind>\p{Lu}[\p{L}]{0,7})/(?<issuer>\p{Lu}[\p{Lu}\d]*(?:-\p{Lu}[\p{Lu}\d]*)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Party();

    [GeneratedRegex(@"^(?<n>\d{1,6})/(?:(?<y>(?:19|20|21)\d{2})/)?(?:(?<kind>\p{Lu}[\p{L}]{0,7})-)?(?<issuer>\p{Lu}[\p{Lu}\d]*(?:-\p{Lu}[\p{Lu}\d]*)*(?<=\p{Lu}|\d)(?:g)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex State();
}
