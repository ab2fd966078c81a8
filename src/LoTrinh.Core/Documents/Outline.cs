using System.Text.RegularExpressions;

namespace LoTrinh.Core.Documents;

/// <summary>One heading of a directive's outline.</summary>
/// <param name="Label">The path of the document's own numbering: "III", "III.1", "III.1.b".</param>
/// <param name="Level">Depth in the outline, 1 for the top.</param>
/// <param name="Heading">The first line of the item, as written.</param>
/// <param name="Start">Character offset of the item in the text.</param>
public sealed record Section(string Label, int Level, string Heading, int Start);

/// <summary>
/// Reads the outline a directive writes with its own markers (Nghị định 30/2020, Phụ lục I: parts in
/// Roman numerals, items in Arabic numerals, points in letters). Only line starts count, so numbers
/// inside sentences are never taken for headings.
/// </summary>
public static partial class Outline
{
    public static IReadOnlyList<Section> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = new List<Section>();
        string? roman = null, number = null;
        foreach (Match m in Marker().Matches(text))
        {
            var heading = m.Groups["rest"].Value.Trim();
            if (m.Groups["roman"].Success)
            {
                roman = m.Groups["roman"].Value;
                number = null;
                sections.Add(new Section(roman, 1, heading, m.Index));
            }
            else if (m.Groups["num"].Success)
            {
                number = Join(roman, m.Groups["num"].Value);
                sections.Add(new Section(number, roman is null ? 1 : 2, heading, m.Index));
            }
            else if (m.Groups["letter"].Success && (number ?? roman) is { } parent)
            {
                sections.Add(new Section(Join(parent, m.Groups["letter"].Value), parent.Count(c => c == '.') + 2, heading, m.Index));
            }
        }

        return sections;
    }

    /// <summary>The label of the section that contains <paramref name="offset"/>, or null before the first.</summary>
    public static string? SectionAt(IReadOnlyList<Section> sections, int offset)
    {
        ArgumentNullException.ThrowIfNull(sections);
        string? label = null;
        foreach (var section in sections)
        {
            if (section.Start > offset)
            {
                break;
            }

            label = section.Label;
        }

        return label;
    }

    private static string Join(string? parent, string child) => parent is null ? child : $"{parent}.{child}";

    [GeneratedRegex(@"^[ \t\*]*(?:(?<roman>(?:XI{0,3}|IX|IV|VI{0,3}|I{1,3}))\.|(?<num>\d{1,2})\.(?!\d)|(?<letter>[a-zđ])\))[ \t]+(?<rest>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
