using LoTrinh.Core.Text;

namespace LoTrinh.Core.Classification;

/// <summary>
/// Scores an urban area against a criteria set. Points method (NQ 111/2025 Điều 9 khoản 4 điểm a):
/// at or above the maximum level → maximum points; between the levels → linear interpolation;
/// at the minimum level → minimum points; below it → 0; a standard not considered → minimum points.
/// Arithmetic is exact <see cref="decimal"/>; each standard's points are then rounded to
/// <see cref="PointDecimals"/> places (half away from zero) and the totals add the rounded points,
/// so every table adds up.
/// </summary>
public static class Classifier
{
    public const int PointDecimals = 2;

    /// <summary>Problems that make the input unusable with this set, one line each; empty when usable.</summary>
    public static IReadOnlyList<InputProblem> Check(CriteriaSet set, ClassificationInput input)
    {
        var errors = new List<InputProblem>();
        var urbanClass = set.FindClass(input.Class);
        if (urbanClass is null)
        {
            errors.Add(new("class", $"cơ sở {set.Basis} không có lớp '{input.Class}' (có: {string.Join(", ", set.Classes.Select(c => c.Code))})."));
            return errors;
        }

        if (urbanClass.Method == ClassMethod.Unavailable)
        {
            errors.Add(new("class", $"tiêu chuẩn của {urbanClass.Name} theo {set.Basis} chưa có trong dữ liệu; không thể đánh giá."));
        }

        foreach (var (code, value) in input.Values)
        {
            var standard = set.FindStandard(code);
            if (standard is null)
            {
                errors.Add(new("values", $"mã tiêu chuẩn '{code}' không có trong cơ sở {set.Basis}."));
            }
            else if (ValueProblem(standard, value) is { } problem)
            {
                errors.Add(new($"values.{standard.Code}", $"{standard.Code}: {problem}"));
            }
        }

        foreach (var code in input.NotConsidered.Where(c => set.FindStandard(c) is null))
        {
            errors.Add(new("notConsidered", $"notConsidered: mã tiêu chuẩn '{code}' không có trong cơ sở {set.Basis}."));
        }

        foreach (var region in input.Regions.Where(r => set.RegionalAdjustments.All(a => !string.Equals(a.Code, r, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add(new("regions", $"regions: cơ sở {set.Basis} không có điều chỉnh vùng '{region}' (có: {string.Join(", ", set.RegionalAdjustments.Select(a => a.Code))})."));
        }

        if (input.Heritage && set.Heritage is null && urbanClass.HeritageRequired is null)
        {
            errors.Add(new("heritage", $"cơ sở {set.Basis} không có quy tắc đô thị di sản."));
        }

        return errors;
    }

    /// <summary>Why a value does not fit a standard (wrong kind, unknown level, fractional count), or null.</summary>
    public static string? ValueProblem(Standard standard, StandardValue value) => (standard.Kind, value) switch
    {
        (StandardKind.Higher or StandardKind.Lower, StandardValue.Number) => null,
        (StandardKind.Count, StandardValue.Number n) => n.Value < 0 || n.Value != decimal.Truncate(n.Value) ? $"phải là số nguyên không âm, nhận {n.Display()}." : null,
        (StandardKind.Ordinal, StandardValue.Level l) => standard.RankOf(l.Label) >= 0 ? null
            : $"mức '{l.Label}' không có trong thang ({string.Join(" < ", standard.Levels.Select(x => x.Label))}).",
        (StandardKind.Ordinal, StandardValue.Number n) => LevelOf(standard, n.Value) is null
            ? $"cần một mức ({string.Join(" < ", standard.Levels.Select(x => x.Label))}), nhận số {n.Display()}." : null,
        (StandardKind.YesNo, StandardValue.YesNo) => null,
        (StandardKind.OneOf, StandardValue.Level) => null,
        (StandardKind.Placeholder, _) => "tiêu chuẩn chưa xác định nội dung, không nhận giá trị.",
        (StandardKind.Higher or StandardKind.Lower or StandardKind.Count, _) => $"cần một số ({standard.Unit}), nhận '{value.Display()}'.",
        (StandardKind.YesNo, _) => $"cần có/không (true/false), nhận '{value.Display()}'.",
        _ => $"giá trị '{value.Display()}' không hợp với tiêu chuẩn.",
    };

    /// <summary>Assesses the input; call <see cref="Check"/> first (an unusable input throws).</summary>
    public static ClassificationResult Assess(CriteriaSet set, ClassificationInput input)
    {
        var problems = Check(set, input);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(p => p.Message)), nameof(input));
        }

        var urbanClass = set.FindClass(input.Class)!;
        var adjustments = new List<string>();
        var rows = set.StandardsFor(urbanClass.Code)
            .Select(s => AssessStandard(set, urbanClass, s, input, adjustments))
            .ToList();
        adjustments.InsertRange(0, AdjustmentNotes(set, input));

        return urbanClass.Method switch
        {
            ClassMethod.Points => ByPoints(set, urbanClass, rows, adjustments),
            ClassMethod.Count => ByCount(set, urbanClass, input, rows, adjustments),
            _ => ByThresholds(set, urbanClass, rows, adjustments),
        };
    }

    /// <summary>
    /// The highest class the values earn under a basis, trying classes from the top; null when none.
    /// Classes whose criteria are not on file, or that are only threshold checks, are skipped.
    /// </summary>
    public static (UrbanClass? Highest, IReadOnlyList<ClassificationResult> Results) HighestRecognised(CriteriaSet set, ClassificationInput input)
    {
        var results = new List<ClassificationResult>();
        foreach (var urbanClass in set.Classes.Where(c => c.Method is ClassMethod.Points or ClassMethod.Count).OrderByDescending(c => c.Rank))
        {
            var forClass = input with
            {
                Class = urbanClass.Code,
                Values = input.Values.Where(v => set.FindStandard(v.Key) is { } s && s.ThresholdFor(urbanClass.Code) is not null).ToDictionary(),
                NotConsidered = input.NotConsidered.Where(c => set.FindStandard(c)?.ThresholdFor(urbanClass.Code) is not null).ToHashSet(),
            };
            var result = Assess(set, forClass);
            results.Add(result);
            if (result.Verdict == Verdict.Recognised)
            {
                return (urbanClass, results);
            }
        }

        return (null, results);
    }

    private static StandardResult AssessStandard(CriteriaSet set, UrbanClass urbanClass, Standard s, ClassificationInput input, List<string> adjustments)
    {
        var t = s.ThresholdFor(urbanClass.Code)!;
        var (min, max) = EffectiveLevels(set, s, t, input, adjustments);
        input.Values.TryGetValue(s.Code, out var value);
        var notConsidered = input.NotConsidered.Contains(s.Code)
            || (input.Heritage && s.Heritage == HeritageTreatment.NotConsidered && set.Heritage is not null);

        StandardResult Row(StandardOutcome outcome, decimal? points, bool? met, string computation) =>
            new(s.Code, s.Name, s.Group, s.Unit, value, outcome, points, t.MinPoints, t.MaxPoints, met, min, max, computation);

        if (s.Kind == StandardKind.Placeholder || min is null)
        {
            return Row(StandardOutcome.NotChecked, null, null, "Chưa kiểm tra: chưa rõ ngưỡng của tiêu chuẩn này.");
        }

        if (urbanClass.Method == ClassMethod.Points && notConsidered)
        {
            return Row(StandardOutcome.NotConsidered, t.MinPoints, true, $"Không xét: tính điểm tối thiểu {Show(t.MinPoints)}.");
        }

        if (value is null)
        {
            return Row(StandardOutcome.NoValue, urbanClass.Method == ClassMethod.Points ? 0m : null, false, "Chưa có số liệu: 0 điểm / chưa đạt.");
        }

        if (urbanClass.Method != ClassMethod.Points)
        {
            var met = MeetsMinimum(s, value, min);
            return Row(StandardOutcome.Assessed, null, met, met ? $"Đạt: {value.Display()} so với ngưỡng {Describe(s, min)}." : $"Chưa đạt: {value.Display()} so với ngưỡng {Describe(s, min)}.");
        }

        var (points, how) = Points(s, value, min, max!, t.MinPoints!.Value, t.MaxPoints!.Value);
        return Row(StandardOutcome.Assessed, points, points >= t.MinPoints, how);
    }

    /// <summary>Points of one scored standard and how they were computed.</summary>
    private static (decimal Points, string How) Points(Standard s, StandardValue value, StandardValue min, StandardValue max, decimal minPts, decimal maxPts)
    {
        if (s.Kind == StandardKind.Ordinal)
        {
            var rank = RankOfValue(s, value);
            var label = s.Levels[rank].Label;
            return rank >= RankOfValue(s, max) ? (maxPts, $"Mức \"{label}\" đạt mức tối đa: {Show(maxPts)} điểm.")
                : rank >= RankOfValue(s, min) ? (minPts, $"Mức \"{label}\" đạt mức tối thiểu (thang thứ bậc không nội suy): {Show(minPts)} điểm.")
                : (0m, $"Mức \"{label}\" dưới mức tối thiểu \"{min.Display()}\": 0 điểm.");
        }

        if (s.Kind is StandardKind.YesNo or StandardKind.OneOf)
        {
            return MeetsMinimum(s, value, min) ? (maxPts, $"Đạt: {Show(maxPts)} điểm.") : (0m, "Không đạt: 0 điểm.");
        }

        var v = ((StandardValue.Number)value).Value;
        var lo = ((StandardValue.Number)min).Value;
        var hi = ((StandardValue.Number)max).Value;

        // For lower-is-better standards the "minimum level" is the largest acceptable value.
        var sign = s.Kind == StandardKind.Lower ? -1 : 1;
        if (sign * (v - hi) >= 0)
        {
            return (maxPts, $"{Show(v)} đạt mức tối đa {Show(hi)}: {Show(maxPts)} điểm.");
        }

        if (sign * (v - lo) < 0)
        {
            return (0m, $"{Show(v)} dưới mức tối thiểu {Show(lo)}: 0 điểm.");
        }

        if (v == lo)
        {
            return (minPts, $"{Show(v)} bằng mức tối thiểu: {Show(minPts)} điểm.");
        }

        var exact = minPts + ((maxPts - minPts) * (v - lo) / (hi - lo));
        var rounded = Round(exact);
        return (rounded, $"Nội suy: {Show(minPts)} + ({Show(maxPts)} − {Show(minPts)}) × ({Show(v)} − {Show(lo)}) / ({Show(hi)} − {Show(lo)}) = {Show(decimal.Round(exact, 4))} ≈ {Show(rounded)} điểm.");
    }

    private static ClassificationResult ByPoints(CriteriaSet set, UrbanClass urbanClass, List<StandardResult> rows, List<string> adjustments)
    {
        var groups = set.Groups
            .Where(g => rows.Any(r => r.Group == g.Code))
            .Select(g =>
            {
                var points = rows.Where(r => r.Group == g.Code).Sum(r => r.Points ?? 0);
                return new GroupResult(g.Code, g.Name, points, g.MinPoints, g.MaxPoints, null, null, g.MinPoints is { } m ? points >= m : null);
            })
            .ToList();
        var total = rows.Sum(r => r.Points ?? 0);
        var pass = urbanClass.PassTotal!.Value;
        var reasons = new List<string>();
        if (total < pass)
        {
            reasons.Add($"Tổng điểm {ShowPoints(total)} thấp hơn mức đạt {ShowPoints(pass)}.");
        }

        reasons.AddRange(groups.Where(g => g.Met == false).Select(g => $"Nhóm {g.Code} ({g.Name}) đạt {ShowPoints(g.Points)} điểm, thấp hơn tối thiểu {ShowPoints(g.MinPoints)}."));
        var recognised = reasons.Count == 0;
        if (!recognised)
        {
            reasons.AddRange(rows.Where(r => r.Outcome == StandardOutcome.Assessed && r.Met == false)
                .Select(r => $"{r.Code} {r.Name}: {r.Value!.Display()} dưới mức tối thiểu {r.MinLevel!.Display()} (0 điểm)."));
            reasons.AddRange(rows.Where(r => r.Outcome == StandardOutcome.NoValue).Select(r => $"{r.Code} {r.Name}: chưa có số liệu (0 điểm)."));
        }
        else
        {
            reasons.Add($"Tổng điểm {ShowPoints(total)} ≥ {ShowPoints(pass)} và mọi nhóm đạt điểm tối thiểu.");
        }

        var gaps = rows
            .Where(r => r.Outcome is StandardOutcome.Assessed or StandardOutcome.NoValue && r.Points < r.MaxPoints)
            .Select(r => new StandardGap(r.Code, r.Name, r.Unit, r.Value, r.Points, r.MaxPoints - r.Points, r.Points < r.MinPoints ? r.MinLevel : null, r.MaxLevel))
            .OrderByDescending(g => g.CouldAdd).ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
        var groupGaps = groups.Where(g => g.Met == false)
            .Select(g => new GroupGap(g.Code, g.Name, g.Points!.Value, g.MinPoints!.Value, g.MinPoints!.Value - g.Points!.Value))
            .ToList();

        return Result(set, urbanClass, recognised ? Verdict.Recognised : Verdict.NotRecognised, reasons, groups, rows, gaps, groupGaps, adjustments) with
        {
            Total = total,
            PassTotal = pass,
        };
    }

    private static ClassificationResult ByCount(CriteriaSet set, UrbanClass urbanClass, ClassificationInput input, List<StandardResult> rows, List<string> adjustments)
    {
        var required = input.Heritage ? urbanClass.HeritageRequired ?? urbanClass.Required!.Value : urbanClass.Required!.Value;
        var groups = set.Groups
            .Where(g => rows.Any(r => r.Group == g.Code))
            .Select(g =>
            {
                var met = rows.Count(r => r.Group == g.Code && r.Met == true);
                var minMet = input.Heritage ? g.HeritageMinMet : null;
                return new GroupResult(g.Code, g.Name, null, null, null, met, minMet, minMet is { } m ? met >= m : null);
            })
            .ToList();
        var metCount = rows.Count(r => r.Met == true);
        var reasons = new List<string>();
        if (metCount < required)
        {
            reasons.Add($"Đạt {metCount}/{rows.Count} tiêu chuẩn, cần ít nhất {required}.");
        }

        reasons.AddRange(groups.Where(g => g.Met == false).Select(g => $"Nhóm {g.Code} đạt {g.MetCount} tiêu chuẩn, cần ít nhất {g.MinMet} (quy tắc đô thị di sản)."));
        var recognised = reasons.Count == 0;
        reasons.Add(recognised ? $"Đạt {metCount}/{rows.Count} tiêu chuẩn (cần {required})." : $"Chưa đạt: {string.Join(", ", rows.Where(r => r.Met == false).Select(r => r.Code))}.");
        var gaps = Unmet(rows);
        return Result(set, urbanClass, recognised ? Verdict.Recognised : Verdict.NotRecognised, reasons, groups, rows, gaps, [], adjustments) with
        {
            MetCount = metCount,
            RequiredCount = required,
        };
    }

    private static ClassificationResult ByThresholds(CriteriaSet set, UrbanClass urbanClass, List<StandardResult> rows, List<string> adjustments)
    {
        var checkedRows = rows.Where(r => r.Outcome != StandardOutcome.NotChecked).ToList();
        var failing = checkedRows.Where(r => r.Outcome == StandardOutcome.Assessed && r.Met == false).ToList();
        var missing = checkedRows.Where(r => r.Outcome == StandardOutcome.NoValue).ToList();
        var verdict = failing.Count > 0 ? Verdict.ThresholdsNotMet : missing.Count > 0 ? Verdict.Incomplete : Verdict.ThresholdsMet;
        var reasons = new List<string> { $"Chỉ kiểm tra ngưỡng tối thiểu: {checkedRows.Count} tiêu chuẩn có ngưỡng đã biết, {rows.Count - checkedRows.Count} tiêu chuẩn chưa rõ ngưỡng nên chưa kiểm tra; không tính điểm." };
        reasons.AddRange(failing.Select(r => $"{r.Code} {r.Name}: {r.Value!.Display()} chưa đạt ngưỡng {r.MinLevel!.Display()}."));
        reasons.AddRange(missing.Select(r => $"{r.Code} {r.Name}: chưa có số liệu."));
        var groups = set.Groups
            .Where(g => rows.Any(r => r.Group == g.Code))
            .Select(g => new GroupResult(g.Code, g.Name, null, null, g.MaxPoints, rows.Count(r => r.Group == g.Code && r.Met == true), null, null))
            .ToList();
        return Result(set, urbanClass, verdict, reasons, groups, rows, Unmet(rows), [], adjustments) with
        {
            MetCount = checkedRows.Count(r => r.Met == true),
            RequiredCount = checkedRows.Count,
        };
    }

    private static List<StandardGap> Unmet(List<StandardResult> rows) =>
        [.. rows.Where(r => r.Met == false).Select(r => new StandardGap(r.Code, r.Name, r.Unit, r.Value, null, null, r.MinLevel, null))];

    private static ClassificationResult Result(CriteriaSet set, UrbanClass urbanClass, Verdict verdict, List<string> reasons, List<GroupResult> groups, List<StandardResult> rows, List<StandardGap> gaps, List<GroupGap> groupGaps, List<string> adjustments) => new()
    {
        Basis = set.Basis,
        SetVersion = set.Version,
        Class = urbanClass.Code,
        ClassName = urbanClass.Name,
        Method = urbanClass.Method,
        Verdict = verdict,
        Reasons = reasons,
        Groups = groups,
        Standards = rows,
        MissingValues = [.. rows.Where(r => r.Outcome == StandardOutcome.NoValue).Select(r => r.Code)],
        Gaps = gaps,
        GroupGaps = groupGaps,
        Adjustments = adjustments,
        Provenance = new Provenance(set.LegalBasis, set.Version, set.Flag, set.Notice, set.Rounding, set.Sources,
            [.. set.StandardsFor(urbanClass.Code).Select(s => ProvenanceOf(s, s.ThresholdFor(urbanClass.Code)!))]),
    };

    private static ProvenanceRow ProvenanceOf(Standard s, Threshold t) =>
        new(s.Code, t.Flag ?? s.Flag, t.Source is null ? s.Sources : [t.Source, .. s.Sources], string.Join(" ", new[] { s.Note, t.Note }.Where(n => !string.IsNullOrEmpty(n))));

    /// <summary>The minimum and maximum levels after the heritage rule and known regional factors.</summary>
    private static (StandardValue? Min, StandardValue? Max) EffectiveLevels(CriteriaSet set, Standard s, Threshold t, ClassificationInput input, List<string> notes)
    {
        var min = t.Min;
        if (min is not StandardValue.Number)
        {
            return (min, t.Max);
        }

        if (input.Heritage && set.Heritage is { } heritage && s.Heritage == HeritageTreatment.HalveMinimum)
        {
            var eased = Ease(s, min, heritage.MinimumFactor);
            notes.Add($"{s.Code}: mức tối thiểu {min.Display()} → {eased.Display()} (đô thị di sản, hệ số {Show(heritage.MinimumFactor)}).");
            min = eased;
        }

        foreach (var region in set.RegionalAdjustments.Where(r => r.Factor is not null && input.Regions.Contains(r.Code) && r.AppliesTo.Contains(s.Code, StringComparer.OrdinalIgnoreCase)))
        {
            var eased = Ease(s, min, region.Factor!.Value);
            notes.Add($"{s.Code}: mức tối thiểu {min.Display()} → {eased.Display()} ({region.Name}, hệ số {Show(region.Factor.Value)}).");
            min = eased;
        }

        return (min, t.Max);
    }

    /// <summary>
    /// Lowers a minimum level by a factor: counts are rounded half away from zero and never fall
    /// below 1 (Điều 9 khoản 4 điểm b); for lower-is-better standards the accepted value rises instead.
    /// </summary>
    private static StandardValue.Number Ease(Standard s, StandardValue min, decimal factor)
    {
        var value = ((StandardValue.Number)min).Value;
        var eased = s.Kind switch
        {
            StandardKind.Count => Math.Max(1, decimal.Round(value * factor, 0, MidpointRounding.AwayFromZero)),
            StandardKind.Lower => value / factor,
            _ => value * factor,
        };
        return new StandardValue.Number(eased);
    }

    private static IEnumerable<string> AdjustmentNotes(CriteriaSet set, ClassificationInput input)
    {
        if (input.Heritage && set.Heritage is { } heritage)
        {
            yield return $"Áp dụng quy tắc đô thị di sản ({heritage.LegalRef}): {heritage.Description}";
        }

        foreach (var region in set.RegionalAdjustments.Where(r => input.Regions.Contains(r.Code)))
        {
            yield return region.Factor is null
                ? $"Chưa áp dụng điều chỉnh \"{region.Name}\" ({region.LegalRef}): chưa có giá trị hệ số."
                : $"Áp dụng điều chỉnh \"{region.Name}\" ({region.LegalRef}), hệ số {Show(region.Factor.Value)}.";
        }
    }

    /// <summary>Pass/fail of a value against a minimum level, by kind.</summary>
    private static bool MeetsMinimum(Standard s, StandardValue value, StandardValue min) => (value, min) switch
    {
        (StandardValue.Number v, StandardValue.Number m) when s.Kind == StandardKind.Lower => v.Value <= m.Value,
        (StandardValue.Number v, StandardValue.Number m) when s.Kind != StandardKind.Ordinal => v.Value >= m.Value,
        (StandardValue.YesNo v, StandardValue.YesNo m) => v.Value || !m.Value,
        (StandardValue.Level v, StandardValue.OneOf m) => m.Labels.Any(l => VietnameseText.MatchKey(l) == VietnameseText.MatchKey(v.Label)),
        _ when s.Kind == StandardKind.Ordinal => RankOfValue(s, value) >= RankOfValue(s, min),
        _ => false,
    };

    private static int RankOfValue(Standard s, StandardValue value) => value switch
    {
        StandardValue.Level l => s.RankOf(l.Label),
        StandardValue.Number n => LevelOf(s, n.Value) is { } level ? s.RankOf(level.Label) : -1,
        _ => -1,
    };

    /// <summary>The highest level whose numeric floor the count reaches (e.g. 3 cơ sở → "Từ 2 cơ sở").</summary>
    private static OrdinalLevel? LevelOf(Standard s, decimal count) =>
        s.Levels.LastOrDefault(l => l.AtLeast is { } floor && count >= floor);

    private static string Describe(Standard s, StandardValue min) => s.Kind switch
    {
        StandardKind.Lower => $"≤ {min.Display()}",
        StandardKind.OneOf => $"một trong {min.Display()}",
        StandardKind.YesNo or StandardKind.Ordinal => min.Display(),
        _ => $"≥ {min.Display()}",
    };

    private static decimal Round(decimal value) => decimal.Round(value, PointDecimals, MidpointRounding.AwayFromZero);

    private static string Show(decimal? value) => value is { } v ? VietnameseText.FormatNumber(v) : "—";

    private static string ShowPoints(decimal? value) => VietnameseText.FormatPoints(value);
}

/// <summary>Why an input cannot be assessed: the field as the API names it (<c>values.2A.II.03</c>) and a one-line message.</summary>
public sealed record InputProblem(string Field, string Message);
