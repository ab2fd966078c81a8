using System.Text.RegularExpressions;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Extraction;

/// <summary>Precision, recall and F1 of one kind of item (or an accuracy, when <see cref="IsAccuracy"/>).</summary>
public sealed record Score(string Name, int Gold, int Found, int Matched, bool IsAccuracy = false)
{
    public double Precision => IsAccuracy ? Ratio(Matched, Gold) : Ratio(Matched, Found);

    public double Recall => Ratio(Matched, Gold);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    private static double Ratio(int a, int b) => b == 0 ? (a == 0 ? 1 : 0) : (double)a / b;

    public static Score operator +(Score a, Score b) =>
        new(a.Name, a.Gold + b.Gold, a.Found + b.Found, a.Matched + b.Matched, a.IsAccuracy);
}

/// <summary>
/// Scores an extraction against a hand-checked annotation. Targets match on year, comparator,
/// value or range and a similar indicator name (word overlap, Dice ≥ 0.5: the indicator is written
/// in the document's words, so exact names would measure phrasing, not reading). Tasks match on
/// their quotes (a shared run of words at least half the shorter quote). Deadlines and leads are
/// judged on matched tasks, deadlines also against every gold task that has one; references match on
/// number and relation.
/// </summary>
public static partial class ExtractionScorer
{
    public const string Targets = "targets";
    public const string Tasks = "tasks";
    public const string Deadlines = "deadlines";
    public const string DeadlinesOfAll = "deadlines/all";
    public const string Leads = "lead agencies";
    public const string References = "references";

    public static IReadOnlyList<Score> Compare(ExtractedProgram gold, ExtractedProgram found)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(found);
        var targetPairs = Match(gold.Targets, found.Targets, TargetSimilarity);
        var taskPairs = Match(gold.Tasks, found.Tasks, TaskSimilarity);
        var deadlinesRight = taskPairs.Count(p => SameDeadline(p.Gold.Deadline, p.Found.Deadline));
        // Of every gold task that has a deadline, how many were found with it: a missed task loses its deadline too.
        var dated = gold.Tasks.Count(t => IsDated(t.Deadline));
        var datedRight = taskPairs.Count(p => IsDated(p.Gold.Deadline) && SameDeadline(p.Gold.Deadline, p.Found.Deadline));
        int leadGold = 0, leadFound = 0, leadMatched = 0;
        foreach (var (g, f) in taskPairs)
        {
            leadGold += g.Lead.Count;
            leadFound += f.Lead.Count;
            leadMatched += Match(g.Lead, f.Lead, (a, b) => SameBody(a, b) ? 1 : 0).Count;
        }

        var referencePairs = Match(gold.References, found.References, (g, f) =>
            string.Equals(Canonical(g.Number), Canonical(f.Number), StringComparison.Ordinal) && g.Relation == f.Relation ? 1 : 0);
        return
        [
            new Score(Targets, gold.Targets.Count, found.Targets.Count, targetPairs.Count),
            new Score(Tasks, gold.Tasks.Count, found.Tasks.Count, taskPairs.Count),
            new Score(Deadlines, taskPairs.Count, taskPairs.Count, deadlinesRight, IsAccuracy: true),
            new Score(DeadlinesOfAll, dated, dated, datedRight, IsAccuracy: true),
            new Score(Leads, leadGold, leadFound, leadMatched),
            new Score(References, gold.References.Count, found.References.Count, referencePairs.Count),
        ];
    }

    public static IReadOnlyList<Score> Sum(IEnumerable<IReadOnlyList<Score>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return documents.Aggregate((IReadOnlyList<Score>?)null, (total, next) => total is null ? next : total.Zip(next, (a, b) => a + b).ToList())
            ?? [];
    }

    /// <summary>Greedy one-to-one matching, best similarity first; pairs scoring 0 never match.</summary>
    private static List<(TG Gold, TF Found)> Match<TG, TF>(IReadOnlyList<TG> gold, IReadOnlyList<TF> found, Func<TG, TF, double> similarity)
    {
        var candidates = new List<(int G, int F, double S)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var f = 0; f < found.Count; f++)
            {
                var s = similarity(gold[g], found[f]);
                if (s > 0)
                {
                    candidates.Add((g, f, s));
                }
            }
        }

        var usedG = new HashSet<int>();
        var usedF = new HashSet<int>();
        var pairs = new List<(TG, TF)>();
        foreach (var (g, f, _) in candidates.OrderByDescending(c => c.S))
        {
            if (!usedG.Contains(g) && !usedF.Contains(f))
            {
                usedG.Add(g);
                usedF.Add(f);
                pairs.Add((gold[g], found[f]));
            }
        }

        return pairs;
    }

    private static double TargetSimilarity(ExtractedTarget g, ExtractedTarget f)
    {
        if (g.Year != f.Year || g.Comparator != f.Comparator || g.Value != f.Value || g.Low != f.Low || g.High != f.High)
        {
            return 0;
        }

        var dice = Dice(Words(g.Indicator), Words(f.Indicator));
        return dice >= 0.5 ? dice : 0;
    }

    private static double TaskSimilarity(ExtractedTask g, ExtractedTask f)
    {
        var a = Words(g.Quote ?? g.Text);
        var b = Words(f.Quote ?? f.Text);
        var run = LongestCommonRun(a, b);
        return run >= Math.Max(3, Math.Min(a.Count, b.Count) / 2.0) ? run : 0;
    }

    private static bool IsDated(ExtractedDeadline? d) => d is not null && d.Precision != "none";

    private static bool SameDeadline(ExtractedDeadline? g, ExtractedDeadline? f) =>
        g is null || g.Precision == "none"
            ? f is null || f.Precision == "none"
            : f is not null && g.Due == f.Due && g.Precision == f.Precision;

    private static bool SameBody(string a, string b)
    {
        var x = VietnameseText.MatchKey(a);
        var y = VietnameseText.MatchKey(b);
        return x == y || x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }

    private static string Canonical(string number) => VietnameseText.CollapseWhitespace(number).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static List<string> Words(string text) => Word().Matches(VietnameseText.Fold(text)).Select(m => m.Value).ToList();

    private static double Dice(List<string> a, List<string> b)
    {
        var x = a.ToHashSet(StringComparer.Ordinal);
        var y = b.ToHashSet(StringComparer.Ordinal);
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Intersect(y).Count() / (x.Count + y.Count);
    }

    private static int LongestCommonRun(List<string> a, List<string> b)
    {
        var best = 0;
        var previous = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            var current = new int[b.Count + 1];
            for (var j = 1; j <= b.Count; j++)
            {
                if (string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal))
                {
                    current[j] = previous[j - 1] + 1;
                    best = Math.Max(best, current[j]);
                }
            }

            previous = current;
        }

        return best;
    }

    [GeneratedRegex(@"[\p{L}\d]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
