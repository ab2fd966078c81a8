using System.Text.Json;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Classification;

/// <summary>What an assessment is asked: the values of one urban area under one basis and class.</summary>
public sealed record ClassificationInput(string Basis, string Class)
{
    public IReadOnlyDictionary<string, StandardValue> Values { get; init; } = new Dictionary<string, StandardValue>();

    /// <summary>Standards the appraisal does not consider (không xét): they earn their minimum points.</summary>
    public IReadOnlySet<string> NotConsidered { get; init; } = new HashSet<string>();

    /// <summary>The heritage rule applies (đô thị có yếu tố di sản).</summary>
    public bool Heritage { get; init; }

    /// <summary>Regional adjustments claimed (codes of the set's <see cref="CriteriaSet.RegionalAdjustments"/>).</summary>
    public IReadOnlySet<string> Regions { get; init; } = new HashSet<string>();

    /// <summary>
    /// Reads the classify file: <c>{"basis": "111/2025", "class": "III", "values": {...},
    /// "notConsidered": [...], "heritage": false, "regions": [...]}</c>. Shape errors only; whether the
    /// codes and values fit the basis is <see cref="Classifier.Check"/>'s job.
    /// </summary>
    public static (ClassificationInput? Input, string? Error) FromJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return (null, $"tệp không phải JSON hợp lệ (dòng {e.LineNumber + 1}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "tệp phải là một đối tượng JSON.");
            }

            if (!TryString(root, "basis", out var basis) || !TryString(root, "class", out var urbanClass))
            {
                return (null, "thiếu \"basis\" hoặc \"class\" (chuỗi).");
            }

            var values = new Dictionary<string, StandardValue>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("values", out var v))
            {
                if (v.ValueKind != JsonValueKind.Object)
                {
                    return (null, "\"values\" phải là một đối tượng {mã tiêu chuẩn: giá trị}.");
                }

                foreach (var p in v.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    var value = StandardValue.FromJson(p.Value);
                    if (value is null or StandardValue.OneOf)
                    {
                        return (null, $"giá trị của {p.Name} phải là số, chuỗi hoặc true/false.");
                    }

                    values[p.Name] = value;
                }
            }

            if (!TryStrings(root, "notConsidered", out var notConsidered) || !TryStrings(root, "regions", out var regions))
            {
                return (null, "\"notConsidered\" và \"regions\" phải là mảng chuỗi.");
            }

            var heritage = false;
            if (root.TryGetProperty("heritage", out var h) && h.ValueKind != JsonValueKind.Null)
            {
                if (h.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return (null, "\"heritage\" phải là true hoặc false.");
                }

                heritage = h.GetBoolean();
            }

            return (new ClassificationInput(basis, urbanClass)
            {
                Values = values,
                NotConsidered = notConsidered,
                Heritage = heritage,
                Regions = regions,
            }, null);
        }
    }

    private static bool TryString(JsonElement root, string name, out string value)
    {
        value = root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? VietnameseText.Normalize(e.GetString()!).Trim() : "";
        return value.Length > 0;
    }

    private static bool TryStrings(JsonElement root, string name, out HashSet<string> values)
    {
        values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        values.UnionWith(e.EnumerateArray().Select(x => x.GetString()!.Trim()));
        return true;
    }
}
