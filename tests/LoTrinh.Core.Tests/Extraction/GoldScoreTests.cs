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
        Assert.True(scores[ExtractionScorer.Leads].F1 >= 0.85, $"leads F1 {scores[ExtractionScorer.Leads].F1:0.000}");
        Assert.True(scores[ExtractionScorer.References].F1 >= 0.90, $"references F1 {scores[ExtractionScorer.References].F1:0.000}");
        Assert.True(scores[ExtractionScorer.Targets].F1 >= 0.80, $"targets F1 {scores[ExtractionScorer.Targets].F1:0.000}");
    }

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
