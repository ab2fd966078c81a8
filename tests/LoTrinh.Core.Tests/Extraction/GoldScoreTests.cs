using LoTrinh.Core.Extraction;

namespace LoTrinh.Core.Tests.Extraction;

/// <summary>
/// The extractor against hand-checked annotations: the four seeds and the documents written for
/// this project in the same genre (corpus/). The thresholds are the issue's; a change that lowers a
/// score below them fails here before it reaches a reviewer.
/// </summary>
public sealed class GoldScoreTests
{
    /// <summary>The thresholds on the seeds. Our corpus holds references to 0.85: one of its six
    /// references is cited only in a footnote, which the extractor does not read (see README).</summary>
    public static TheoryData<string, string, double> Collections => new()
    {
        { "Gold", "Seeds", 0.95 },
        { "Corpus/gold", "Corpus/texts", 0.85 },
    };

    /// <summary>
    /// The ten real directives of the development set (corpus/real): floors a little under today's scores, so a
    /// rule that helps one document and hurts the genre fails here. The measure that counts is on documents
    /// outside the repository (issue 19); these floors only keep what was reached.
    /// </summary>
    [Fact]
    public void RealDocuments_KeepTheirScores()
    {
        var scores = Score("Corpus/real/gold", "Corpus/real/texts");

        Assert.True(scores[ExtractionScorer.Tasks].F1 >= 0.93, $"tasks F1 {scores[ExtractionScorer.Tasks].F1:0.000}");
        Assert.True(scores[ExtractionScorer.Deadlines].Recall >= 0.90, $"deadlines {scores[ExtractionScorer.Deadlines].Recall:0.000}");
        Assert.True(scores[ExtractionScorer.Leads].F1 >= 0.88, $"leads F1 {scores[ExtractionScorer.Leads].F1:0.000}");
        Assert.True(scores[ExtractionScorer.References].F1 >= 0.90, $"references F1 {scores[ExtractionScorer.References].F1:0.000}");
        Assert.True(scores[ExtractionScorer.Targets].F1 >= 0.80, $"targets F1 {scores[ExtractionScorer.Targets].F1:0.000}");
    }

    /// <summary>
    /// The two real documents whose task table the corpus holds flattened ("a | b | c"), written again as other
    /// converters write a table — one cell per line, an empty cell missing; and wrapped at column widths as
    /// <c>pdftotext</c> without <c>-layout</c> does — read as well as the flattened form (issue 19's third shape).
    /// Wrapped, a few leads are lost: a line of the content that opens with a body's name ("Hội đồng thẩm định …")
    /// reads as the lead cell, and no position tells them apart.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    public void RealTables_WrittenOneCellPerLine_ReadAsTheirFlattenedForm(int wrapAt)
    {
        string[] documents = ["nq88-cp-khoangsan", "qd836-bxd-vlxd"];
        var flattened = ScoreDocuments(documents, text => text);
        var oneCellPerLine = ScoreDocuments(documents, text => OneCellPerLine(text, wrapAt));

        Assert.True(oneCellPerLine[ExtractionScorer.Tasks].F1 >= flattened[ExtractionScorer.Tasks].F1 - 0.01, $"tasks F1 {oneCellPerLine[ExtractionScorer.Tasks].F1:0.000} against {flattened[ExtractionScorer.Tasks].F1:0.000}");
        Assert.True(oneCellPerLine[ExtractionScorer.Deadlines].Recall >= flattened[ExtractionScorer.Deadlines].Recall - 0.02, $"deadlines {oneCellPerLine[ExtractionScorer.Deadlines].Recall:0.000} against {flattened[ExtractionScorer.Deadlines].Recall:0.000}");
        Assert.True(oneCellPerLine[ExtractionScorer.Leads].F1 >= flattened[ExtractionScorer.Leads].F1 - (wrapAt == 0 ? 0.02 : 0.06), $"leads F1 {oneCellPerLine[ExtractionScorer.Leads].F1:0.000} against {flattened[ExtractionScorer.Leads].F1:0.000}");
    }

    /// <summary>Every row from the task table's header on, one cell a line; with a width, the content column wrapped at twice it.</summary>
    private static string OneCellPerLine(string text, int wrapAt)
    {
        var lines = new List<string>();
        var inTable = false;
        foreach (var line in text.Split('\n'))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            inTable |= cells.Length > 2 && cells.Any(c => c.Contains("Nội dung", StringComparison.Ordinal));
            if (!inTable || cells.Length < 2)
            {
                lines.Add(line);
                continue;
            }

            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c].Length > 0)
                {
                    lines.AddRange(wrapAt == 0 ? [cells[c]] : Wrap(cells[c], c == 1 ? wrapAt * 2 : wrapAt));
                }
            }
        }

        return string.Join('\n', lines);
    }

    private static IEnumerable<string> Wrap(string cell, int width)
    {
        var line = string.Empty;
        foreach (var word in cell.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = string.Empty;
            }

            line = line.Length == 0 ? word : line + " " + word;
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private static Dictionary<string, Score> ScoreDocuments(IEnumerable<string> names, Func<string, string> rewrite) =>
        ExtractionScorer.Sum(names.Select(name =>
        {
            var gold = GoldAnnotation.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus/real/gold", name + ".gold.json")));
            var text = rewrite(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus/real/texts", name + ".txt")));
            return ExtractionScorer.Compare(gold, DirectiveExtractor.Extract(text).ToProgram(name));
        })).ToDictionary(s => s.Name);

    private static Dictionary<string, Score> Score(string goldDirectory, string textDirectory) =>
        ExtractionScorer.Sum(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, goldDirectory), "*.gold.json")
            .Select(file =>
            {
                var gold = GoldAnnotation.Parse(File.ReadAllText(file));
                var name = gold.Source ?? Path.GetFileName(file)[..^".gold.json".Length] + ".txt";
                var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, textDirectory, name));
                return ExtractionScorer.Compare(gold, DirectiveExtractor.Extract(text).ToProgram(name));
            })).ToDictionary(s => s.Name);

    [Theory]
    [MemberData(nameof(Collections))]
    public void Scores_MeetTheThresholds(string goldDirectory, string textDirectory, double referenceF1)
    {
        var scores = Score(goldDirectory, textDirectory);

        Assert.True(scores[ExtractionScorer.Targets].F1 >= 0.95, $"targets F1 {scores[ExtractionScorer.Targets].F1:0.000}");
        Assert.True(scores[ExtractionScorer.Tasks].F1 >= 0.85, $"tasks F1 {scores[ExtractionScorer.Tasks].F1:0.000}");
        Assert.True(scores[ExtractionScorer.Deadlines].Recall >= 0.95, $"deadlines {scores[ExtractionScorer.Deadlines].Recall:0.000}");
        Assert.True(scores[ExtractionScorer.References].F1 >= referenceF1, $"references F1 {scores[ExtractionScorer.References].F1:0.000}");
    }

    [Fact]
    public void Scorer_CountsAMissedTargetAndAWrongDeadline()
    {
        var deadline = new ExtractedDeadline("Quý II/2022", new DateOnly(2022, 6, 30), "quarter");
        var gold = new ExtractedProgram(null, new ExtractedDocument(null, null, null, null, null, null), [],
            [], [new ExtractedTarget("Tỷ lệ đô thị hóa", "%", "toàn tỉnh", 2025, "gt", 54, null, null, null, null)],
            [new ExtractedTask("1", "Sở Xây dựng rà soát quy hoạch chung", ["Sở Xây dựng"], [], deadline, "Sở Xây dựng rà soát quy hoạch chung")]);
        var found = gold with
        {
            Targets = [],
            Tasks = [gold.Tasks[0] with { Deadline = deadline with { Due = new DateOnly(2022, 9, 30) } }],
        };

        var scores = ExtractionScorer.Compare(gold, found).ToDictionary(s => s.Name);

        Assert.Equal(0, scores[ExtractionScorer.Targets].Recall);
        Assert.Equal(1, scores[ExtractionScorer.Tasks].F1);
        Assert.Equal(0, scores[ExtractionScorer.Deadlines].Recall);
        Assert.Equal(1, scores[ExtractionScorer.Leads].F1);
    }
}
