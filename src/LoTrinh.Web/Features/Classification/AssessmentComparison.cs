namespace LoTrinh.Web.Features.Classification;

/// <summary>How one standard moved between two assessments: better, worse, changed without moving, added or dropped.</summary>
public sealed record StandardChange(string Code, string Name, string? Unit, string? Before, string? After, decimal? PointsBefore, decimal? PointsAfter,
    bool? MetBefore, bool? MetAfter, string Change, string ChangeText);

public sealed record GroupChange(string Code, string Name, decimal? PointsBefore, decimal? PointsAfter, decimal? MinPoints, bool? MetBefore, bool? MetAfter);

/// <summary>Two assessments of one urban area side by side, the older first; only the standards that moved are listed.</summary>
/// <param name="Note">Said when the two were made under different bases or for different classes (standards are matched by code).</param>
public sealed record AssessmentComparison(AssessmentView Before, AssessmentView After, decimal? TotalBefore, decimal? TotalAfter, string VerdictBefore,
    string VerdictAfter, IReadOnlyList<GroupChange> Groups, IReadOnlyList<StandardChange> Standards, int Unchanged, string? Note)
{
    /// <summary>Compares two stored results (the older one first, whatever the order given).</summary>
    public static AssessmentComparison Of(AssessmentView first, AssessmentView second)
    {
        var (before, after) = (first.AssessedOn, first.Id).CompareTo((second.AssessedOn, second.Id)) <= 0 ? (first, second) : (second, first);
        var (b, a) = (before.Result, after.Result);
        var groups = b.Groups.Select(g => g.Code).Union(a.Groups.Select(g => g.Code)).Select(code =>
        {
            var gb = b.Groups.FirstOrDefault(g => g.Code == code);
            var ga = a.Groups.FirstOrDefault(g => g.Code == code);
            return new GroupChange(code, (ga ?? gb)!.Name, gb?.Points, ga?.Points, (ga ?? gb)!.MinPoints, gb?.Met, ga?.Met);
        }).ToList();
        var changes = new List<StandardChange>();
        var unchanged = 0;
        foreach (var code in b.Standards.Select(s => s.Code).Union(a.Standards.Select(s => s.Code)))
        {
            var sb = b.Standards.FirstOrDefault(s => s.Code == code);
            var sa = a.Standards.FirstOrDefault(s => s.Code == code);
            var change = Classify(sb, sa);
            if (change is null)
            {
                unchanged++;
                continue;
            }

            var s = (sa ?? sb)!;
            changes.Add(new StandardChange(code, s.Name, s.Unit, sb?.ValueText, sa?.ValueText, sb?.Points, sa?.Points, sb?.Met, sa?.Met, change, ChangeText(change)));
        }

        string? note = null;
        if (b.Basis != a.Basis || b.Class != a.Class)
        {
            note = $"Hai lần đánh giá khác cơ sở hoặc loại ({b.ClassName} theo NQ {b.Basis}; {a.ClassName} theo NQ {a.Basis}): các tiêu chuẩn được so theo mã, điểm không cùng thang.";
        }

        return new AssessmentComparison(before, after, b.Total, a.Total, b.VerdictText, a.VerdictText, groups,
            [.. changes.OrderBy(c => Rank(c.Change)).ThenBy(c => c.Code, StringComparer.Ordinal)], unchanged, note);
    }

    /// <summary>improved / worsened (by points, else by meeting the minimum), changed (value moved, standing did not), added, dropped; null when the same.</summary>
    private static string? Classify(StandardJson? before, StandardJson? after)
    {
        if (before is null)
        {
            return "added";
        }

        if (after is null)
        {
            return "dropped";
        }

        if (before.Points is { } pb && after.Points is { } pa && pb != pa)
        {
            return pa > pb ? "improved" : "worsened";
        }

        if (before.Met != after.Met && before.Met is not null && after.Met is not null)
        {
            return after.Met == true ? "improved" : "worsened";
        }

        return before.ValueText != after.ValueText || before.Outcome != after.Outcome ? "changed" : null;
    }

    private static int Rank(string change) => change switch
    {
        "worsened" => 0,
        "improved" => 1,
        "changed" => 2,
        _ => 3,
    };

    private static string ChangeText(string change) => change switch
    {
        "improved" => "Tốt lên",
        "worsened" => "Kém đi",
        "changed" => "Số liệu đổi, mức đạt không đổi",
        "added" => "Chỉ có ở lần sau",
        _ => "Chỉ có ở lần trước",
    };
}
