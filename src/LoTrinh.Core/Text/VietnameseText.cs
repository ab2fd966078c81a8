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

    /// <summary>Displays a decimal the Vietnamese way (decimal comma), trailing zeros dropped.</summary>
    public static string FormatNumber(decimal value) =>
        value.ToString("0.####", CultureInfo.GetCultureInfo("vi-VN"));
}
