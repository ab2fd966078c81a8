using System.Text.Json;
using LoTrinh.Core.Text;

namespace LoTrinh.Core.Classification;

/// <summary>A standard's value or threshold: a number, a level, yes/no, or a set of accepted labels.</summary>
public abstract record StandardValue
{
    public sealed record Number(decimal Value) : StandardValue
    {
        public override string Display() => VietnameseText.FormatNumber(Value);
    }

    public sealed record Level(string Label) : StandardValue
    {
        public override string Display() => Label;
    }

    public sealed record YesNo(bool Value) : StandardValue
    {
        public override string Display() => Value ? "Có" : "Không";
    }

    public sealed record OneOf(IReadOnlyList<string> Labels) : StandardValue
    {
        public override string Display() => string.Join(", ", Labels);
    }

    /// <summary>How the value is written on a page ("20.000", "Cấp tỉnh", "Có").</summary>
    public abstract string Display();

    /// <summary>The JSON form: a number, a string, a boolean or an array of strings.</summary>
    public object ToJsonValue() => this switch
    {
        Number n => n.Value,
        Level l => l.Label,
        YesNo y => y.Value,
        OneOf o => o.Labels,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Reads a JSON value; null when its JSON type is not one of the four forms.</summary>
    public static StandardValue? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDecimal(out var d) => new Number(d),
        JsonValueKind.String => new Level(VietnameseText.Normalize(element.GetString()!).Trim()),
        JsonValueKind.True => new YesNo(true),
        JsonValueKind.False => new YesNo(false),
        JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            new OneOf([.. element.EnumerateArray().Select(e => VietnameseText.Normalize(e.GetString()!).Trim())]),
        _ => null,
    };

    /// <summary>Reads what a person typed in a form field for a standard of the given kind.</summary>
    public static StandardValue? Parse(string? text, StandardKind kind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = VietnameseText.Normalize(text).Trim();
        return kind switch
        {
            StandardKind.Higher or StandardKind.Lower or StandardKind.Count => VietnameseText.TryParseNumber(text, out var d) ? new Number(d) : new Level(text),
            StandardKind.YesNo => VietnameseText.Fold(text) switch
            {
                "có" or "co" or "true" or "đạt" => new YesNo(true),
                "không" or "khong" or "false" or "chưa đạt" => new YesNo(false),
                _ => new Level(text),
            },
            _ => new Level(text),
        };
    }
}
