using System.Text.RegularExpressions;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// Rebuilds the tables that a converter writes one cell per line — <c>pdftotext</c> without <c>-layout</c>,
/// text copied out of Word, many DOCX-to-text tools: the header's cells on lines of their own ("TT",
/// "Nội dung", "Cơ quan chủ trì", …), then each row as its number and its cells, a long cell wrapped over
/// several lines, an empty cell simply missing. No position says where a cell ends, so the kind of each line
/// does: a body's name belongs in the chủ trì or phối hợp column, a time ("Quý II/2024", "2026 - 2030",
/// "Thường xuyên") in the time column, a line that carries on a sentence (a small letter, or the line before
/// ends on "và", a comma, a dash) in the cell it carries on. The result is "| cell | cell |" rows, the
/// form a DOCX table takes, so <see cref="TableTasks"/> reads all three shapes alike.
/// </summary>
public static partial class CellLineTables
{
    private enum Column { Number, Content, Product, Lead, Cooperating, Time, Other }

    private enum Kind { Body, Time, Text }

    public static List<string> Rebuild(IReadOnlyList<string> lines, out int tables) =>
        LayoutTables.Replace(lines, (all, i) => Header(all, i) is { } header && Rows(all, header) is { Rows.Count: > 0 } table
            ? ([LayoutTables.Row(header.Names), .. table.Rows.Select(LayoutTables.Row)], table.Next)
            : null, out tables);

    /// <param name="Widths">Each header cell's longest line: where a converter wraps, it wraps that column's cells there too.</param>
    private sealed record TableHeader(List<Column> Columns, List<string> Names, List<int> Widths, int Next);

    /// <summary>
    /// Three or more short lines in a row, each a header cell, naming at least the content and the lead body.
    /// "Cơ quan thực hiện" over "Chủ trì" / "Phối hợp" is a two-row header: the spanning cell is dropped.
    /// </summary>
    private static TableHeader? Header(IReadOnlyList<string> lines, int index)
    {
        // The header's cells, a cell wrapped at its column's width joined ("Cơ quan" / "chủ trì").
        var names = new List<string>();
        var widths = new List<int>();
        var j = index;
        for (; j < lines.Count && names.Count < 9; j++)
        {
            var line = lines[j].Trim();
            if (names.Count > 0 && line.Length is > 0 and <= 30 && (char.IsLower(line[0]) || OpenEnd().IsMatch(names[^1])))
            {
                names[^1] += " " + line;
                widths[^1] = Math.Max(widths[^1], line.Length);
                continue;
            }

            if (line.Length == 0 || line.Length > 60 || line.Contains('|', StringComparison.Ordinal)
                || ColumnOf(VietnameseText.Fold(line)) is null && !HeaderStub().IsMatch(line))
            {
                break;
            }

            names.Add(line);
            widths.Add(line.Length);
        }

        var columns = new List<Column>();
        foreach (var name in names)
        {
            if (ColumnOf(VietnameseText.Fold(name)) is not { } column)
            {
                return null;
            }

            columns.Add(column);
        }

        if (columns.Count < 3)
        {
            return null;
        }

        // "Thực hiện" over "Đơn vị chủ trì" / "Đơn vị phối hợp": a two-row header; the spanning cell has no column of its own.
        if (names.Any(n => VietnameseText.Fold(n).Contains("chủ trì", StringComparison.Ordinal)))
        {
            for (var c = columns.Count - 1; c >= 0; c--)
            {
                if (columns[c] == Column.Lead && SpanningWord().IsMatch(VietnameseText.Fold(names[c])))
                {
                    columns.RemoveAt(c);
                    names.RemoveAt(c);
                    widths.RemoveAt(c);
                }
            }
        }

        var content = columns.IndexOf(Column.Content);
        var lead = columns.IndexOf(Column.Lead);
        return content >= 0 && lead > content && columns.Count(c => c == Column.Content) == 1 ? new TableHeader(columns, names, widths, j) : null;
    }

    private static Column? ColumnOf(string folded) => folded switch
    {
        _ when LayoutTables.NumberColumn().IsMatch(folded) => Column.Number,
        _ when folded.Contains("phối hợp", StringComparison.Ordinal) => Column.Cooperating,
        _ when LeadHeader().IsMatch(folded) => Column.Lead,
        _ when TimeHeader().IsMatch(folded) => Column.Time,
        _ when ProductHeader().IsMatch(folded) => Column.Product,
        _ when ContentHeader().IsMatch(folded) => Column.Content,
        _ when OtherHeader().IsMatch(folded) => Column.Other,
        _ => null,
    };

    private static (List<List<string>> Rows, int Next)? Rows(IReadOnlyList<string> lines, TableHeader header)
    {
        var columns = header.Columns;
        // The first column keys the rows: their numbers ("1", "II", "2.3"), or their times where a plan is laid out by phase.
        var numbered = columns[0] == Column.Number;
        var keyed = numbered || columns[0] == Column.Time;
        var wrapped = WrapWidth(lines, header.Next) <= 90;
        var widths = header.Widths.ToArray(); // the longest line each column has held: where its cells wrap
        var rows = new List<List<string>>();
        List<string>? row = null;
        var at = -1; // the column the last line went to
        var previous = string.Empty;
        var blanks = 0;
        var i = header.Next;
        for (; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                if (++blanks > 1 && row is not null && at >= columns.IndexOf(Column.Lead))
                {
                    break;
                }

                continue;
            }

            if (LayoutTables.PageNumber().IsMatch(line) && row is not null && at > 0 && !(keyed && Follows(row[0], line)))
            {
                continue;
            }

            blanks = 0;
            if (line.Contains('|', StringComparison.Ordinal))
            {
                break;
            }

            if (keyed && (LayoutTables.RowNumber().IsMatch(line) || !numbered && KindOf(line) == Kind.Time) && (row is null || at > 0 && Follows(row[0], line)))
            {
                row = NewRow(rows, columns.Count);
                row[0] = line.TrimEnd('.');
                at = 0;
                previous = line;
                continue;
            }

            if (row is null)
            {
                if (keyed)
                {
                    break;
                }

                row = NewRow(rows, columns.Count);
                at = Place(columns, -1, Column.Content);
                row[at] = line;
                widths[at] = Math.Max(widths[at], line.Length);
                previous = line;
                continue;
            }

            var kind = KindOf(line);
            var here = at >= 0 ? columns[at] : Column.Number;
            if (at > 0 && CarriesOn(previous, line, kind, here, wrapped, widths[at]))
            {
                row[at] = row[at] + " " + line;
                widths[at] = Math.Max(widths[at], line.Length);
                previous = line;
                continue;
            }

            // A cell's place follows from the one before it; a line's kind only says which cells the row leaves empty.
            var time = Place(columns, at, Column.Time);
            var next = (kind, here) switch
            {
                (Kind.Time, _) when time > at => time,
                (_, Column.Number or Column.Time) when at == 0 => Place(columns, at, Column.Content),
                (Kind.Body, Column.Content) => Place(columns, at, Column.Lead),
                (_, Column.Content) => Place(columns, at, Column.Product) is var p && p > at ? p : at,
                (_, Column.Product or Column.Other) => Place(columns, at, Column.Lead),
                (_, Column.Lead) => Place(columns, at, Column.Lead, Column.Cooperating, Column.Time),
                (Kind.Body, Column.Cooperating) => at,
                (_, Column.Cooperating) when time > at => time,
                (Kind.Text, Column.Time) when keyed && Place(columns, at, Column.Product, Column.Other) is var q && q > at => q,
                _ => -1,
            };

            if (next < 0)
            {
                // The row is complete and this line is not a number: a row of a merged (rowspan) number cell, or prose after the table.
                if (numbered && !RowFollows(lines, i))
                {
                    break;
                }

                row = NewRow(rows, columns.Count);
                next = Place(columns, -1, Column.Content);
            }

            row[next] = row[next].Length == 0 ? line : row[next] + " " + line;
            widths[next] = Math.Max(widths[next], line.Length);
            at = next;
            previous = line;
        }

        return rows.Count == 0 ? null : (rows, i);
    }

    private static List<string> NewRow(List<List<string>> rows, int count)
    {
        var row = Enumerable.Repeat(string.Empty, count).ToList();
        rows.Add(row);
        return row;
    }

    /// <summary>The first column of one of these kinds after <paramref name="after"/>, or -1.</summary>
    private static int Place(List<Column> columns, int after, params Column[] kinds)
    {
        for (var c = after + 1; c < columns.Count; c++)
        {
            if (kinds.Contains(columns[c]))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>
    /// A line that continues the cell above: a small letter, or the line above stopped mid-phrase. Where cells are
    /// wrapped at their column's width, also text that names no body under a body's name (bodies' cells wrap into
    /// pieces that name nothing), or under a line whose next word would not have fitted on it.
    /// </summary>
    private static bool CarriesOn(string previous, string line, Kind kind, Column here, bool wrapped, int width)
    {
        if (char.IsLower(line[0]) || OpenEnd().IsMatch(previous))
        {
            return true;
        }

        if (!wrapped || kind != Kind.Text || ListMark().IsMatch(line) || ClosedEnd().IsMatch(previous))
        {
            return false;
        }

        // Had the line's first word fitted on the line above, the converter would have put it there.
        var word = line.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : line.Length;
        return here is Column.Lead or Column.Cooperating || here is Column.Content or Column.Product && previous.Length + 1 + word > width;
    }

    /// <summary>A row without a number is a row only when a body or a time follows within a few lines.</summary>
    private static bool RowFollows(IReadOnlyList<string> lines, int index)
    {
        for (var i = index + 1; i < lines.Count && i <= index + 6; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (LayoutTables.RowNumber().IsMatch(line))
            {
                return false;
            }

            if (KindOf(line) != Kind.Text)
            {
                return true;
            }
        }

        return false;
    }

    private static Kind KindOf(string line) =>
        line.Length <= 60 && TimeCell().IsMatch(line) ? Kind.Time
        : NamesBodies(line) ? Kind.Body
        : Kind.Text;

    /// <summary>
    /// "Sở Xây dựng", "- Vụ Pháp chế; - Văn phòng Bộ.", "Cơ quan lập quy hoạch", "Vụ Vật liệu xây dựng": a cell that
    /// names bodies. In a table a short line that opens with a body's head noun is one (a task's cell opens with a verb).
    /// </summary>
    private static bool NamesBodies(string line) =>
        line.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => ListMark().Replace(part, string.Empty))
            .Where(part => part.Length > 0)
            .ToList() is { Count: > 0 } parts
        && parts.All(part => AgencyPhrases.IsBodyLine(part) || part.Length <= 80 && !part.Contains(':', StringComparison.Ordinal) && (AgencyPhrases.IsAgencyStart(part) || GenericBody().IsMatch(part)));

    /// <summary>"2" after "1", "II" after "I", "2.1" after "2", "b)" after "a)": the next row, not a number inside a cell.</summary>
    private static bool Follows(string last, string line)
    {
        var number = line.TrimEnd('.');
        if (last.Length == 0 || RomanNumeral().IsMatch(number))
        {
            return true;
        }

        if (int.TryParse(number, out var n))
        {
            var head = last.Split('.')[0];
            return !int.TryParse(head, out var m) || n == m + 1 || n == 1;
        }

        return true;
    }

    /// <summary>The longest line of the table's first lines: cells wrapped at a column's width stay under it.</summary>
    private static int WrapWidth(IReadOnlyList<string> lines, int from) =>
        lines.Skip(from).Take(80).Select(l => l.Trim().Length).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"^(?:(?:cơ quan|đơn vị|bộ phận)\s+(?:chủ trì|thực hiện|chịu trách nhiệm)|chủ trì|cơ quan chủ trì|đơn vị chủ trì|thực hiện$)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadHeader();

    [GeneratedRegex(@"^(?:(?:cơ quan|đơn vị)\s+)?thực hiện$", RegexOptions.CultureInvariant)]
    private static partial Regex SpanningWord();

    [GeneratedRegex(@"^(?:thời gian|thời hạn|tiến độ|mốc thời gian)", RegexOptions.CultureInvariant)]
    private static partial Regex TimeHeader();

    [GeneratedRegex(@"^(?:(?:dự kiến\s+)?sản phẩm|kết quả|hình thức)", RegexOptions.CultureInvariant)]
    private static partial Regex ProductHeader();

    [GeneratedRegex(@"^(?:nội dung|nhiệm vụ|tên nhiệm vụ|công việc|nhiệm vụ,? giải pháp|tên đề án|tên dự án|đề án)", RegexOptions.CultureInvariant)]
    private static partial Regex ContentHeader();

    [GeneratedRegex(@"^(?:ghi chú|kinh phí|nguồn kinh phí|nguồn vốn|dự kiến kinh phí)", RegexOptions.CultureInvariant)]
    private static partial Regex OtherHeader();

    /// <summary>A time cell: "Quý II/2024", "Năm 2025", "Tháng 8/2024", "2026 - 2030", "Trước 30/6/2025", "Thường xuyên", "Hằng năm".</summary>
    [GeneratedRegex(@"^(?:(?:Quý|Năm|Tháng|Trước|Trong|Từ|Đến|Giai đoạn|Hoàn thành|Chậm nhất)\b.*(?:\d{4}|\d{1,2}/\d{1,2}).*|(?:Thường xuyên|Hằng năm|Hàng năm|Hằng quý|Hàng quý|Hằng tháng|Hàng tháng|Định kỳ|Liên tục)\b.*|\d{1,2}(?:\s*[-–]\s*\d{1,2})?/\d{4}.*|(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?:\s.*)?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeCell();

    [GeneratedRegex(@"^[IVX]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex RomanNumeral();

    /// <summary>A line that stops mid-phrase: a comma, a dash, a slash, an open bracket or a joining word at its end.</summary>
    [GeneratedRegex(@"(?:[,\-–/(&]|\s(?:và|hoặc|các|của|với|cho|về|tại|trên|theo|thuộc|có|để|đến|từ|trong|những|là|kỳ|đoạn|năm|tháng|quý|ngày|số))$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenEnd();

    [GeneratedRegex(@"[.;:!?]$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosedEnd();

    /// <summary>The first line of a header cell wrapped over two: "Cơ quan" / "chủ trì", "Thời gian" / "hoàn thành".</summary>
    [GeneratedRegex(@"^(?:Cơ quan|Đơn vị|Thời gian|Dự kiến)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderStub();

    [GeneratedRegex(@"^(?:(?:Cơ quan|Đơn vị|Các cơ quan|Các đơn vị)\s|(?:Thủ tướng Chính phủ|Quốc hội)\.?$)", RegexOptions.CultureInvariant)]
    private static partial Regex GenericBody();

    [GeneratedRegex(@"^[-+•]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ListMark();
}
