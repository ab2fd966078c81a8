using LoTrinh.Core.Extraction;

namespace LoTrinh.Core.Documents;

/// <summary>One heading of a directive's outline.</summary>
/// <param name="Label">The path of the document's own numbering: "III", "III.1", "III.1.b".</param>
/// <param name="Level">Depth in the outline, 1 for the top.</param>
/// <param name="Heading">The first line of the item, as written.</param>
/// <param name="Start">Character offset of the item in the text.</param>
public sealed record Section(string Label, int Level, string Heading, int Start);

/// <summary>
/// Reads the outline a directive writes with its own markers (Nghị định 30/2020, Phụ lục I: parts in
/// Roman numerals, items in Arabic numerals, points in letters): the numbered blocks of
/// <see cref="Layout"/>, so the stored text and the extractor agree on every label.
/// </summary>
public static class Outline
{
    public static IReadOnlyList<Section> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Layout.Read(text)
            .Where(b => b.Marker is MarkerKind.Roman or MarkerKind.Number or MarkerKind.Letter)
            .Select(b => new Section(b.Label!, b.Depth, text[b.BodyStart..b.End].Trim(), b.Start))
            .ToList();
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
}
