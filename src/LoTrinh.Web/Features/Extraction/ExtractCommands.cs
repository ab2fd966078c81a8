using System.Globalization;
using System.Text.Json;
using LoTrinh.Core.Extraction;

namespace LoTrinh.Web.Features.Extraction;

/// <summary>
/// <c>lotrinh extract FILE [--json]</c> and <c>lotrinh extract-eval GOLD_DIR TEXT_DIR</c>: the extractor
/// without a database. Exit 0 with a result, 2 with a one-line message when the input is unusable.
/// </summary>
public static class ExtractCommands
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static readonly JsonSerializerOptions GoldJson = new(Json.Options) { WriteIndented = true };

    /// <param name="outline">Print the outline instead (<c>--outline</c>): how the reader understood the text.</param>
    public static async Task<int> ExtractAsync(FileInfo file, bool json, TextWriter output, TextWriter error, bool outline = false)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (extraction, problem) = await ReadAsync(file);
        if (extraction is null)
        {
            await error.WriteLineAsync($"lotrinh extract: {file.Name}: {problem}");
            return 2;
        }

        if (outline)
        {
            return await WriteOutlineAsync(extraction, output);
        }

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(extraction.ToProgram(file.Name), GoldJson));
            return 0;
        }

        var m = extraction.Metadata;
        await output.WriteLineAsync($"Văn bản:   {m.Kind} {m.Number ?? "(không số)"} — {m.Issuer}");
        await output.WriteLineAsync($"Ngày:      {(m.IssuedOn is { } d ? d.ToString("dd/MM/yyyy", Invariant) : "—")}   Người ký: {m.SigningAuthority} {m.SignerTitle} {m.Signer}");
        await output.WriteLineAsync($"Trích yếu: {m.Title}");
        foreach (var warning in extraction.Warnings)
        {
            await output.WriteLineAsync($"Lưu ý:     {warning}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Văn bản dẫn chiếu ({extraction.References.Count}):");
        foreach (var r in extraction.References.Select(r => r.Item))
        {
            await output.WriteLineAsync($"  {r.Relation,-10} {r.Number,-16} {r.IssuedOn?.ToString("dd/MM/yyyy", Invariant) ?? "",-10} {r.Issuer}");
        }

        await output.WriteLineAsync($"Mục tiêu ({extraction.Objectives.Count}):");
        foreach (var o in extraction.Objectives.Select(o => o.Item))
        {
            await output.WriteLineAsync($"  [{o.Section}] {o.Horizon?.ToString(Invariant) ?? "—"}: {o.Text}");
        }

        await output.WriteLineAsync($"Chỉ tiêu ({extraction.Targets.Count}):");
        foreach (var t in extraction.Targets.Select(t => t.Item))
        {
            var value = t.Comparator == "range" ? $"{t.Low}–{t.High}" : t.Value?.ToString(Invariant);
            await output.WriteLineAsync($"  [{t.Section}] {t.Indicator}: {t.Comparator} {value} {t.Unit} ({t.Year?.ToString(Invariant) ?? "—"}, {t.Scope})");
        }

        await output.WriteLineAsync($"Nhiệm vụ ({extraction.Tasks.Count}):");
        foreach (var t in extraction.Tasks.Select(t => t.Item))
        {
            var due = t.Deadline is { } dl ? $" — hạn: {dl.Text} ({dl.Due?.ToString("dd/MM/yyyy", Invariant) ?? dl.Precision})" : string.Empty;
            var lead = t.Lead.Count > 0 ? $" — chủ trì: {string.Join("; ", t.Lead)}" : string.Empty;
            var co = t.Cooperating.Count > 0 ? $" — phối hợp: {string.Join("; ", t.Cooperating)}" : string.Empty;
            await output.WriteLineAsync($"  [{t.Section}] {t.Quote}{lead}{co}{due}");
        }

        return 0;
    }

    /// <summary>The normalised text, one paragraph a line, after its place in the outline: label, part, H for a heading.</summary>
    private static async Task<int> WriteOutlineAsync(DirectiveExtraction extraction, TextWriter output)
    {
        foreach (var b in extraction.Blocks)
        {
            var place = $"{b.Label ?? "-"} {b.Part}{(b.IsHeading ? " H" : string.Empty)}";
            await output.WriteLineAsync($"{place,-24} {extraction.Text[b.Start..b.End]}");
        }

        return 0;
    }

    public static async Task<int> EvaluateAsync(DirectoryInfo goldDirectory, DirectoryInfo textDirectory, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(goldDirectory);
        ArgumentNullException.ThrowIfNull(textDirectory);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!goldDirectory.Exists || !textDirectory.Exists)
        {
            await error.WriteLineAsync($"lotrinh extract-eval: không tìm thấy thư mục {(goldDirectory.Exists ? textDirectory : goldDirectory).FullName}.");
            return 2;
        }

        var golds = goldDirectory.GetFiles("*.gold.json").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        if (golds.Count == 0)
        {
            await error.WriteLineAsync($"lotrinh extract-eval: {goldDirectory.FullName} không có tệp *.gold.json.");
            return 2;
        }

        var perDocument = new List<(string Name, IReadOnlyList<Score> Scores)>();
        foreach (var goldFile in golds)
        {
            ExtractedProgram? gold;
            try
            {
                gold = GoldAnnotation.Parse(await File.ReadAllTextAsync(goldFile.FullName));
            }
            catch (JsonException e)
            {
                await error.WriteLineAsync($"lotrinh extract-eval: {goldFile.Name} không phải JSON hợp lệ: {e.Message}");
                return 2;
            }

            var stem = goldFile.Name[..^".gold.json".Length];
            var textFile = gold?.Source is { } source && File.Exists(Path.Combine(textDirectory.FullName, source))
                ? new FileInfo(Path.Combine(textDirectory.FullName, source))
                : textDirectory.GetFiles(stem + ".*").FirstOrDefault();
            if (gold is null || textFile is null)
            {
                await error.WriteLineAsync($"lotrinh extract-eval: không có văn bản cho {goldFile.Name} trong {textDirectory.FullName}.");
                return 2;
            }

            var (extraction, problem) = await ReadAsync(textFile);
            if (extraction is null)
            {
                await error.WriteLineAsync($"lotrinh extract-eval: {textFile.Name}: {problem}");
                return 2;
            }

            perDocument.Add((textFile.Name, ExtractionScorer.Compare(gold, extraction.ToProgram(textFile.Name))));
        }

        await WriteTableAsync(output, "Tổng (all documents)", ExtractionScorer.Sum(perDocument.Select(d => d.Scores)));
        foreach (var (name, scores) in perDocument)
        {
            await output.WriteLineAsync();
            await WriteTableAsync(output, name, scores);
        }

        return 0;
    }

    private static async Task WriteTableAsync(TextWriter output, string title, IReadOnlyList<Score> scores)
    {
        await output.WriteLineAsync(title);
        await output.WriteLineAsync($"  {"",-14} {"gold",5} {"found",6} {"matched",8} {"precision",10} {"recall",7} {"F1",6}");
        foreach (var s in scores)
        {
            var line = s.IsAccuracy
                ? $"  {s.Name,-14} {s.Gold,5} {"",6} {s.Matched,8} {"accuracy",10} {s.Recall.ToString("0.000", Invariant),7} {"",6}"
                : $"  {s.Name,-14} {s.Gold,5} {s.Found,6} {s.Matched,8} {s.Precision.ToString("0.000", Invariant),10} {s.Recall.ToString("0.000", Invariant),7} {s.F1.ToString("0.000", Invariant),6}";
            await output.WriteLineAsync(line);
        }
    }

    private static async Task<(DirectiveExtraction? Extraction, string? Problem)> ReadAsync(FileInfo file)
    {
        if (!file.Exists)
        {
            return (null, "không tìm thấy tệp.");
        }

        if (file.Length > DocumentFile.MaxBytes)
        {
            return (null, $"tệp lớn hơn {DocumentFile.MaxBytes / 1024 / 1024} MB.");
        }

        var read = await DocumentFile.ReadAsync(file.Name, await File.ReadAllBytesAsync(file.FullName));
        if (read.Text is null)
        {
            return (null, read.Problem);
        }

        return DirectiveExtractor.Problem(read.Text) is { } problem ? (null, problem) : (DirectiveExtractor.Extract(read.Text), null);
    }
}
