using LoTrinh.Core.Extraction;

namespace LoTrinh.Core.Tests.Extraction;

/// <summary>
/// The extractor on thousands of damaged real texts (issue 19: "never throw"): every document on file cut at
/// random points, lines shuffled within a section, characters deleted, numbers changed, two documents run
/// together. No case may raise, no reader may lose an item to a fault (the guard would say so in a warning),
/// and every span must lie inside the text. Seeded, so a failure names the case that reproduces it;
/// <c>LOTRINH_MUTATIONS</c> raises the count per document (CI runs the default).
/// </summary>
public sealed class MutationTests
{
    private static readonly string[] Directories = ["Seeds", "Corpus/texts", "Corpus/real/texts"];

    public static TheoryData<int> Seeds()
    {
        var perDocument = int.TryParse(Environment.GetEnvironmentVariable("LOTRINH_MUTATIONS"), out var n) && n > 0 ? n : 12;
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, perDocument))
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DamagedRealTexts_AreReadWithoutAFault_AndEverySpanLiesInTheText(int seed)
    {
        var texts = Directories.SelectMany(d => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, d), "*.txt"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Assert.True(texts.Count >= 17, $"{texts.Count} documents on file");
        var random = new Random(seed);
        for (var i = 0; i < texts.Count; i++)
        {
            var damaged = Damage(texts[i], texts[(i + seed) % texts.Count], random);
            var extraction = DirectiveExtractor.Extract(damaged);

            var faults = extraction.Warnings.Where(w => w.StartsWith("Không đọc được", StringComparison.Ordinal)).ToList();
            Assert.True(faults.Count == 0, $"seed {seed}, document {i}: {string.Join(" | ", faults)}");
            var length = extraction.Text.Length;
            Assert.All(extraction.Tasks.Select(t => (t.Start, t.End)).Concat(extraction.Targets.Select(t => (t.Start, t.End)))
                .Concat(extraction.References.Select(r => (r.Start, r.End))).Concat(extraction.Objectives.Select(o => (o.Start, o.End))),
                span => Assert.True(span.Start >= 0 && span.End <= length && span.Start <= span.End, $"seed {seed}, document {i}: span {span} outside 0..{length}"));
        }
    }

    private static string Damage(string text, string other, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(5))
        {
            case 0:
                // Cut at two random points: a file truncated, or its first pages lost.
                var from = random.Next(text.Length);
                return text[from..Math.Min(text.Length, from + random.Next(text.Length - from + 1))];
            case 1:
                // Lines shuffled within windows of eight: a section out of order.
                for (var start = 0; start < lines.Count; start += 8)
                {
                    var window = lines.Skip(start).Take(8).OrderBy(_ => random.Next()).ToList();
                    lines.RemoveRange(start, window.Count);
                    lines.InsertRange(start, window);
                }

                return string.Join('\n', lines);
            case 2:
                // One character in twenty deleted.
                return string.Concat(text.Where(_ => random.Next(20) != 0));
            case 3:
                // Every digit changed: impossible dates, huge numbers, years out of range.
                return string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)('0' + random.Next(10)) : c));
            default:
                // Two documents run together, the second cut short.
                return text + "\n" + other[..random.Next(other.Length + 1)];
        }
    }
}
