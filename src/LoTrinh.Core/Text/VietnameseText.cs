using System.Globalization;
using System.Text;

namespace LoTrinh.Core.Text;

/// <summary>Normalisation of Vietnamese text at every boundary (forms, files, seeds).</summary>
public static class VietnameseText
{
    /// <summary>
    /// NFC, with the lookalike capital eth (U+00D0, "Ð") folded to "Đ" (U+0110) and typographic
    /// apostrophes folded to ASCII: PDF conversions and legacy fonts produce both.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = text.Normalize(NormalizationForm.FormC);
        if (nfc.AsSpan().IndexOfAny('\u00D0', '\u2019', '\u02BC') < 0)
        {
            return nfc;
        }

        return nfc.Replace('\u00D0', '\u0110').Replace('\u2019', '\'').Replace('\u02BC', '\'');
    }

    /// <summary>Normalised, lower-cased, whitespace collapsed: the form rules match against.</summary>
    public static string Fold(string text) => CollapseWhitespace(Normalize(text).ToLowerInvariant());

    /// <summary>
    /// A key for matching names written in different ways ("UBND huyện Đức Trọng" and
    /// "Ủy ban nhân dân huyện Đức Trọng" stay different; "Sở  Xây dựng" and "sở xây dựng" match).
    /// Diacritics are kept: "Đà Lạt" and "Đa Lat" are different words in Vietnamese.
    /// </summary>
    public static string MatchKey(string text) => Fold(text).Trim(' ', '.', ',', ';', ':');

    public static string CollapseWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Displays a decimal the Vietnamese way ("220.697", "58,8"), trailing zeros dropped.</summary>
    public static string FormatNumber(decimal value) => value.ToString("#,##0.####", Vi);

    /// <summary>Points of an assessment, always two decimals ("75,00"); a dash when there are none.</summary>
    public static string FormatPoints(decimal? value) => value is { } v ? v.ToString("N2", Vi) : "—";

    /// <summary>
    /// Reads a number as people type it: "35000", "35.000" and "1.234.567" (dots group thousands),
    /// "58,8" (decimal comma) and "58.8" (a single dot not followed by exactly three digits).
    /// </summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        var vietnamese = t.Contains(',', StringComparison.Ordinal) || t.Count(c => c == '.') > 1 || (dot >= 0 && t.Length - dot - 1 == 3);
        return decimal.TryParse(t, NumberStyles.Number, vietnamese ? Vi : CultureInfo.InvariantCulture, out value);
    }
}
