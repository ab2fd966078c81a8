using System.Globalization;
using System.Reflection;
using System.Text.Json;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Classification;

/// <summary>
/// Reads and validates a criteria-set file (schema <c>lotrinh-criteria-set/1</c>). An administrator
/// can upload a corrected file, so every rule the engine relies on is checked here, with a message
/// naming the place: a set that loads is a set the engine can score with.
/// </summary>
public static class CriteriaSetReader
{
    public const string Schema = "lotrinh-criteria-set/1";

    private static readonly string[] ResourceNames =
        [.. typeof(CriteriaSetReader).Assembly.GetManifestResourceNames().Where(n => n.Contains(".Sets.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>The sets shipped with LoTrinh (embedded in this assembly).</summary>
    public static IReadOnlyList<CriteriaSet> BuiltIn { get; } = [.. ResourceNames.Select(LoadResource)];

    /// <summary>The embedded file of a built-in set, to offer as a template for corrections.</summary>
    public static string BuiltInText(string basis)
    {
        var index = BuiltIn.ToList().FindIndex(s => s.Basis == basis);
        if (index < 0)
        {
            throw new ArgumentException($"Không có bộ tiêu chuẩn dựng sẵn '{basis}'.", nameof(basis));
        }

        using var stream = Assembly.GetManifestResourceStream(ResourceNames[index]);
        using var reader = new StreamReader(stream!);
        return reader.ReadToEnd();
    }

    private static Assembly Assembly => typeof(CriteriaSetReader).Assembly;

    private static CriteriaSet LoadResource(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var (set, errors) = Read(reader.ReadToEnd());
        return set ?? throw new InvalidDataException($"{name}: {string.Join("; ", errors)}");
    }

    /// <summary>Parses and validates; either a set or the list of problems, never both.</summary>
    public static (CriteriaSet? Set, IReadOnlyList<string> Errors) Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [$"Tệp không phải JSON hợp lệ (dòng {e.LineNumber + 1}): {e.Message}"]);
        }

        using (document)
        {
            var errors = new List<string>();
            var set = new Parser(errors).Set(document.RootElement);
            if (set is not null)
            {
                Validate(set, errors);
            }

            return errors.Count == 0 ? (set, []) : (null, errors);
        }
    }

    private static void Validate(CriteriaSet set, List<string> errors)
    {
        Duplicates(set.Classes.Select(c => c.Code), "lớp", errors);
        Duplicates(set.Groups.Select(g => g.Code), "nhóm", errors);
        Duplicates(set.Standards.Select(s => s.Code), "tiêu chuẩn", errors);
        if (set.Classes.Count == 0)
        {
            errors.Add("classes: cần ít nhất một lớp.");
        }

        foreach (var c in set.Classes)
        {
            if (c.Method == ClassMethod.Points && c.PassTotal is null)
            {
                errors.Add($"classes[{c.Code}]: phương pháp points cần passTotal.");
            }

            if (c.Method == ClassMethod.Count && c.Required is null)
            {
                errors.Add($"classes[{c.Code}]: phương pháp count cần required.");
            }
        }

        foreach (var s in set.Standards)
        {
            if (set.Groups.All(g => g.Code != s.Group))
            {
                errors.Add($"{s.Code}: nhóm '{s.Group}' không có trong groups.");
            }

            if (s.Kind == StandardKind.Ordinal && s.Levels.Count == 0)
            {
                errors.Add($"{s.Code}: tiêu chuẩn thứ bậc cần danh sách levels.");
            }

            foreach (var (classCode, t) in s.PerClass)
            {
                var urbanClass = set.FindClass(classCode);
                if (urbanClass is null)
                {
                    errors.Add($"{s.Code}.perClass: lớp '{classCode}' không có trong classes.");
                    continue;
                }

                ValidateThreshold(s, classCode, t, urbanClass.Method, errors);
            }
        }

        foreach (var c in set.Classes.Where(c => c.Method == ClassMethod.Points))
        {
            var rows = set.StandardsFor(c.Code).ToList();
            foreach (var g in set.Groups.Where(g => rows.Any(s => s.Group == g.Code)))
            {
                var sum = rows.Where(s => s.Group == g.Code).Sum(s => s.ThresholdFor(c.Code)!.MaxPoints ?? 0);
                if (g.MaxPoints is { } max && max != sum)
                {
                    errors.Add($"Lớp {c.Code}, nhóm {g.Code}: điểm tối đa của nhóm là {Show(max)} nhưng tổng điểm tối đa các tiêu chuẩn là {Show(sum)}.");
                }
            }
        }

        foreach (var r in set.RegionalAdjustments)
        {
            foreach (var code in r.AppliesTo.Where(code => set.FindStandard(code) is null))
            {
                errors.Add($"regionalAdjustments[{r.Code}]: tiêu chuẩn '{code}' không có trong standards.");
            }

            if (r.Factor is <= 0 or > 1)
            {
                errors.Add($"regionalAdjustments[{r.Code}]: hệ số phải trong (0; 1].");
            }
        }

        foreach (var rule in set.Transitions?.Rules ?? [])
        {
            if (set.FindClass(rule.To) is null)
            {
                errors.Add($"transitions: lớp đích '{rule.To}' không có trong classes.");
            }
        }
    }

    private static void ValidateThreshold(Standard s, string classCode, Threshold t, ClassMethod method, List<string> errors)
    {
        var where = $"{s.Code}.perClass.{classCode}";
        foreach (var (name, value) in new[] { ("min", t.Min), ("max", t.Max) })
        {
            if (value is null)
            {
                continue;
            }

            var fits = s.Kind switch
            {
                StandardKind.Higher or StandardKind.Lower or StandardKind.Count => value is StandardValue.Number,
                StandardKind.Ordinal => value is StandardValue.Level l && s.RankOf(l.Label) >= 0,
                StandardKind.YesNo => value is StandardValue.YesNo,
                StandardKind.OneOf => value is StandardValue.OneOf,
                _ => false,
            };
            if (!fits)
            {
                errors.Add($"{where}.{name}: giá trị '{value.Display()}' không hợp với loại tiêu chuẩn {s.Kind}.");
            }
        }

        if (method != ClassMethod.Points || s.Kind == StandardKind.Placeholder)
        {
            return;
        }

        if (t.Min is null || t.MinPoints is null || t.MaxPoints is null || (t.Max is null && s.Kind is not StandardKind.YesNo and not StandardKind.OneOf))
        {
            errors.Add($"{where}: lớp tính điểm cần min, max, minPoints và maxPoints.");
            return;
        }

        if (t.MinPoints > t.MaxPoints || t.MinPoints < 0)
        {
            errors.Add($"{where}: minPoints phải nằm trong [0; maxPoints].");
        }

        var order = (t.Min, t.Max) switch
        {
            (StandardValue.Number min, StandardValue.Number max) => s.Kind == StandardKind.Lower ? max.Value.CompareTo(min.Value) : min.Value.CompareTo(max.Value),
            (StandardValue.Level min, StandardValue.Level max) => s.RankOf(min.Label).CompareTo(s.RankOf(max.Label)),
            _ => 0,
        };
        if (order > 0)
        {
            errors.Add($"{where}: mức tối thiểu phải kém hơn hoặc bằng mức tối đa.");
        }
    }

    private static void Duplicates(IEnumerable<string> codes, string what, List<string> errors)
    {
        foreach (var code in codes.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"Mã {what} '{code.Key}' bị lặp.");
        }
    }

    private static string Show(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the file's shape, recording every missing or ill-typed field.</summary>
    private sealed class Parser(List<string> errors)
    {
        public CriteriaSet? Set(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("Tệp phải là một đối tượng JSON.");
                return null;
            }

            if (Text(root, "schema", "") != Schema)
            {
                errors.Add($"schema: phải là \"{Schema}\".");
                return null;
            }

            var set = new CriteriaSet
            {
                Basis = Required(root, "basis", ""),
                Kind = Enum<CriteriaSetKind>(root, "kind", "") ?? CriteriaSetKind.Urban,
                Title = Required(root, "title", ""),
                LegalBasis = Required(root, "legalBasis", ""),
                EffectiveFrom = Date(root, "effectiveFrom", ""),
                EffectiveTo = Date(root, "effectiveTo", ""),
                Version = Required(root, "version", ""),
                Flag = Enum<Certainty>(root, "flag", "") ?? Certainty.Unconfirmed,
                Notice = Text(root, "notice", ""),
                Rounding = Required(root, "rounding", ""),
                Classes = [.. Array(root, "classes", "").Select(Class)],
                Groups = [.. Array(root, "groups", "").Select(Group)],
                Standards = [.. Array(root, "standards", "").Select(Standard)],
                Heritage = root.TryGetProperty("heritage", out var h) && h.ValueKind == JsonValueKind.Object ? Heritage(h) : null,
                RegionalAdjustments = [.. Optional(root, "regionalAdjustments").Select(Regional)],
                Transitions = root.TryGetProperty("transitions", out var t) && t.ValueKind == JsonValueKind.Object ? Transitions(t) : null,
                Sources = Strings(root, "sources"),
            };
            if (set.EffectiveFrom is { } from && set.EffectiveTo is { } to && to < from)
            {
                errors.Add("effectiveTo: phải sau effectiveFrom.");
            }

            // Basis and version name the set (and are its key on file): a short label, not a text.
            foreach (var (field, value) in new[] { ("basis", set.Basis), ("version", set.Version) })
            {
                if (value.Length > MaxLabelLength)
                {
                    errors.Add($"{field}: dài {value.Length} ký tự; tối đa {MaxLabelLength}.");
                }
            }

            return set;
        }

        private const int MaxLabelLength = 100;

        private UrbanClass Class(JsonElement e, int i)
        {
            var at = $"classes[{i}]";
            return new UrbanClass(Required(e, "code", at), Required(e, "name", at), (int)(Number(e, "rank", at) ?? 0), Enum<ClassMethod>(e, "method", at) ?? ClassMethod.Unavailable)
            {
                PassTotal = Number(e, "passTotal", at),
                Required = (int?)Number(e, "required", at),
                HeritageRequired = (int?)Number(e, "heritageRequired", at),
                Note = Text(e, "note", at),
            };
        }

        private CriteriaGroup Group(JsonElement e, int i)
        {
            var at = $"groups[{i}]";
            return new CriteriaGroup(Required(e, "code", at), Required(e, "name", at))
            {
                MaxPoints = Number(e, "maxPoints", at),
                MinPoints = Number(e, "minPoints", at),
                HeritageMinMet = (int?)Number(e, "heritageMinMet", at),
            };
        }

        private Standard Standard(JsonElement e, int i)
        {
            var code = Required(e, "code", $"standards[{i}]");
            var at = code.Length > 0 ? code : $"standards[{i}]";
            var perClass = new Dictionary<string, Threshold>(StringComparer.OrdinalIgnoreCase);
            if (e.TryGetProperty("perClass", out var pc) && pc.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in pc.EnumerateObject())
                {
                    perClass[p.Name] = Threshold(p.Value, $"{at}.perClass.{p.Name}");
                }
            }

            return new Standard(code, Required(e, "group", at), Required(e, "name", at), Enum<StandardKind>(e, "kind", at) ?? StandardKind.Placeholder)
            {
                Unit = Text(e, "unit", at),
                Subgroup = Text(e, "subgroup", at),
                Levels = [.. Optional(e, "levels").Select((l, j) => Level(l, $"{at}.levels[{j}]"))],
                Heritage = Enum<HeritageTreatment>(e, "heritage", at) ?? HeritageTreatment.Keep,
                PerClass = perClass,
                Flag = Enum<Certainty>(e, "flag", at) ?? Certainty.Unconfirmed,
                Sources = Strings(e, "sources"),
                Note = Text(e, "note", at),
            };
        }

        private OrdinalLevel Level(JsonElement e, string at) =>
            new(Required(e, "label", at)) { Aliases = Strings(e, "aliases"), AtLeast = Number(e, "atLeast", at) };

        private Threshold Threshold(JsonElement e, string at) =>
            new(Value(e, "min", at), Value(e, "max", at), Number(e, "minPoints", at), Number(e, "maxPoints", at))
            {
                Flag = Enum<Certainty>(e, "flag", at),
                Source = Text(e, "source", at),
                Note = Text(e, "note", at),
            };

        private HeritageRule Heritage(JsonElement e) =>
            new(Number(e, "minimumFactor", "heritage") ?? 1, Required(e, "legalRef", "heritage"), Enum<Certainty>(e, "flag", "heritage") ?? Certainty.Unconfirmed, Required(e, "description", "heritage"));

        private RegionalAdjustment Regional(JsonElement e, int i)
        {
            var at = $"regionalAdjustments[{i}]";
            return new RegionalAdjustment(Required(e, "code", at), Required(e, "name", at), Number(e, "factor", at), Strings(e, "appliesTo"), Required(e, "legalRef", at), Enum<Certainty>(e, "flag", at) ?? Certainty.Unconfirmed);
        }

        private TransitionTable Transitions(JsonElement e) =>
            new(Required(e, "legalRef", "transitions"), Enum<Certainty>(e, "flag", "transitions") ?? Certainty.Unconfirmed, Strings(e, "sources"),
                [.. Array(e, "rules", "transitions").Select((r, i) => new TransitionRule(Required(r, "from", $"transitions.rules[{i}]"), Required(r, "to", $"transitions.rules[{i}]"), Text(r, "note", "")))]);

        private StandardValue? Value(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var value = StandardValue.FromJson(v);
            if (value is null)
            {
                errors.Add($"{at}.{name}: phải là số, chuỗi, true/false hoặc mảng chuỗi.");
            }

            return value;
        }

        private string Required(JsonElement e, string name, string at)
        {
            var text = Text(e, name, at);
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add($"{Join(at, name)}: bắt buộc.");
                return "";
            }

            return text;
        }

        private string? Text(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                errors.Add($"{Join(at, name)}: phải là chuỗi.");
                return null;
            }

            return VietnameseText.Normalize(v.GetString()!);
        }

        private decimal? Number(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
            {
                errors.Add($"{Join(at, name)}: phải là số.");
                return null;
            }

            return d;
        }

        private DateOnly? Date(JsonElement e, string name, string at)
        {
            var text = Text(e, name, at);
            if (text is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                errors.Add($"{Join(at, name)}: ngày phải có dạng yyyy-MM-dd.");
                return null;
            }

            return d;
        }

        private T? Enum<T>(JsonElement e, string name, string at)
            where T : struct, Enum
        {
            var text = Text(e, name, at);
            if (text is null)
            {
                return null;
            }

            if (!System.Enum.TryParse<T>(text, ignoreCase: true, out var value) || int.TryParse(text, out _))
            {
                errors.Add($"{Join(at, name)}: '{text}' không phải một trong {string.Join(", ", System.Enum.GetNames<T>())}.");
                return null;
            }

            return value;
        }

        private List<JsonElement> Array(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{Join(at, name)}: phải là một mảng.");
                return [];
            }

            return v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).ToList();
        }

        private static List<JsonElement> Optional(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [];

        private static List<string> Strings(JsonElement e, string name) =>
            [.. Optional(e, name).Where(x => x.ValueKind == JsonValueKind.String).Select(x => VietnameseText.Normalize(x.GetString()!))];

        private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";
    }
}
