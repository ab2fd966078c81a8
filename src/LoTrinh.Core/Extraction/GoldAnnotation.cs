using System.Text.Json;
using System.Text.Json.Nodes;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// Reads a hand-checked annotation (<c>*.gold.json</c>). The seeds' files name their text in
/// <c>source</c>; the real corpus's name the repository it came from (<c>{repo, path, commit}</c>),
/// and their text is found by the file's stem instead.
/// </summary>
public static class GoldAnnotation
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <exception cref="JsonException">The text is not an annotation.</exception>
    public static ExtractedProgram Parse(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("an annotation is a JSON object");
        if (node["source"] is not null and not JsonValue)
        {
            node["source"] = null;
        }

        return node.Deserialize<ExtractedProgram>(Options) ?? throw new JsonException("an annotation is a JSON object");
    }
}
