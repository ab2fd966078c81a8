using System.Text.RegularExpressions;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// Rebuilds the tables <c>pdftotext -layout</c> leaves as columns of text: each line holds a slice of every
/// column, wrapped cells continue on the lines below with the row's first cell empty, and only the spaces
/// say which column a word belongs to. Read before the spaces are collapsed, a table becomes
/// "| cell | cell |" rows, the form a DOCX table takes, so <see cref="TableTasks"/> reads both alike.
/// </summary>
public static partial class LayoutTables
{
    /// <summary>A word may start this many characters left of its column (centred or ragged cells).</summary>
    private const int Slack = 2;

    public static List<string> Rebuild(IReadOnlyList<string> lines, out int tables) =>
        Replace(lines, (all, i) => Header(all, i) is { } header && Rows(all, header, Numbered(header)) is { Rows.Count: > 0 } table
            ? ([Row(header.Names), .. table.Rows.Select(Row)], table.Next)
            : null, out tables);

    /// <summary>The lines with each table <paramref name="read"/> finds (its rows, and the line after it) put in their place.</summary>
    internal static List<string> Replace(IReadOnlyList<string> lines, Func<IReadOnlyList<string>, int, (List<string> Rows, int Next)?> read, out int tables)
    {
        ArgumentNullException.ThrowIfNull(lines);
        tables = 0;
        var result = new List<string>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            if (read(lines, i) is not { } table)
            {
                result.Add(lines[i]);
                i++;
                continue;
            }

            tables++;
            result.AddRange(table.Rows);
            i = table.Next;
        }

        return result;
    }

    /// <param name="Starts">Where each column starts on the line.</param>
    /// <param name="Next">The first line after the header (which may take two or three lines).</param>
    private sealed record TableHeader(List<int> Starts, List<string> Names, int Next);

    /// <summary>A line of three or more column slices, one of which names the content or the lead body.</summary>
    private static TableHeader? Header(IReadOnlyList<string> lines, int index)
    {
        var slices = Slices(lines[index]);
        if (slices.Count < 3 || !slices.Any(s => HeaderWord().IsMatch(VietnameseText.Fold(s.Text))))
        {
            return null;
        }

        var starts = slices.Select(s => s.Start).ToList();
        var names = slices.Select(s => s.Text).ToList();
        var next = index + 1;
        // "Cơ quan" / "chủ trì": a header wrapped over lines that start no row.
        while (next < lines.Count && next <= index + 3 && Slices(lines[next]) is { Count: > 0 } more && !StartsRow(more, starts, numbered: true))
        {
            foreach (var slice in more)
            {
                var column = Column(starts, slice.Start);
                names[column] = (names[column] + " " + slice.Text).Trim();
            }

            next++;
        }

        return new TableHeader(starts, names, next);
    }

    /// <summary>Whether the first column numbers the rows (TT, STT); else a row starts with a capital in the first column.</summary>
    private static bool Numbered(TableHeader header) => NumberColumn().IsMatch(VietnameseText.Fold(header.Names[0]));

    private static (List<List<string>> Rows, int Next) Rows(IReadOnlyList<string> lines, TableHeader header, bool numbered)
    {
        var rows = new List<List<string>>();
        List<string>? current = null;
        var blanks = 0;
        var i = header.Next;
        for (; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                // A page break or a blank line inside the table; two in a row, or prose after it, end it.
                if (++blanks > 2)
                {
                    break;
                }

                continue;
            }

            var slices = Slices(lines[i]);
            var inColumns = slices.Count >= 2 || slices.Count == 1 && slices[0].Start >= header.Starts[Math.Min(1, header.Starts.Count - 1)] - Slack;
            if (!inColumns || slices.Count == 1 && PageNumber().IsMatch(slices[0].Text))
            {
                if (!inColumns)
                {
                    break;
                }

                continue;
            }

            blanks = 0;
            if (current is null || StartsRow(slices, header.Starts, numbered))
            {
                current = [.. Enumerable.Repeat(string.Empty, header.Starts.Count)];
                rows.Add(current);
            }

            foreach (var slice in slices)
            {
                var column = Column(header.Starts, slice.Start);
                current[column] = (current[column] + " " + slice.Text).Trim();
            }
        }

        return (rows, i);
    }

    /// <summary>A row starts where its first column is written: "1", "2.3", "I", "a)" — or a capital where the rows are not numbered.</summary>
    private static bool StartsRow(List<(int Start, string Text)> slices, List<int> starts, bool numbered) =>
        slices.Count > 0 && Column(starts, slices[0].Start) == 0
        && (numbered ? RowNumber().IsMatch(slices[0].Text) : char.IsUpper(slices[0].Text[0]));

    private static int Column(List<int> starts, int at)
    {
        var column = 0;
        for (var c = 0; c < starts.Count; c++)
        {
            if (at >= starts[c] - Slack)
            {
                column = c;
            }
        }

        return column;
    }

    /// <summary>The runs of text a line holds, split where three or more spaces stand (one or two are between words).</summary>
    private static List<(int Start, string Text)> Slices(string line) =>
        [.. Slice().Matches(line).Select(m => (m.Index, m.Value.Trim()))];

    /// <summary>A row as a DOCX table is written, the form <see cref="TableTasks"/> reads.</summary>
    internal static string Row(List<string> cells) => "| " + string.Join(" | ", cells) + " |";

    [GeneratedRegex(@"\S+(?: {1,2}\S+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Slice();

    [GeneratedRegex(@"^(?:tt|stt|nội dung|nhiệm vụ|tên nhiệm vụ|cơ quan|đơn vị|chủ trì|thời gian|thời hạn)", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderWord();

    [GeneratedRegex(@"^(?:tt|stt|số tt|số thứ tự)\.?$", RegexOptions.CultureInvariant)]
    internal static partial Regex NumberColumn();

    [GeneratedRegex(@"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.?|[a-zđ]\))$", RegexOptions.CultureInvariant)]
    internal static partial Regex RowNumber();

    [GeneratedRegex(@"^(?:Trang\s+)?\d{1,3}$", RegexOptions.CultureInvariant)]
    internal static partial Regex PageNumber();
}
