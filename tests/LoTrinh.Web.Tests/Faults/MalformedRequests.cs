using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LoTrinh.Web.Tests.Faults;

/// <summary>One request the fault suite sends, and why it is malformed.</summary>
public sealed record MalformedRequest(string Operation, string Method, string Url, HttpContent? Body, string Fault);

/// <summary>
/// Malformed requests for every operation of the OpenAPI document: each parameter and each body field
/// given a value that is wrong for it (wrong type, NUL, half a surrogate pair, a 1 MB string, extreme
/// numbers, impossible and extreme dates, ids in odd spellings), bodies that are missing, truncated,
/// of the wrong shape or the wrong content type. Every request is malformed on its own, so none may
/// change data: the base of every body is one that lacks what the operation requires.
/// </summary>
public static class MalformedRequests
{
    private static readonly string Megabyte = new('x', 1024 * 1024);

    /// <summary>Values for a path segment that should name a record: none of them names one.</summary>
    public static readonly string[] OddIds =
        ["+1", "%201", "1%20", "01", "-1", "0", "1.0", "1e3", "0x1", "99999999999999999999", "abc", "%00", "1%00", "%ED%A0%80", "%F0%9F", "null", "%2F1"];

    /// <summary>Values for a query parameter.</summary>
    public static readonly string[] QueryValues =
        ["%00", "x%00y", "%ED%A0%80", "%F0", "2147483647", "-2147483648", "99999999999999999999999", "1e309", "0001-01-01", "9999-12-31",
         "2025-02-30", "31/02/2025", "0", "-1", "abc", "[]", "{}", Uri.EscapeDataString("' or 1=1 --"), new string('9', 400), "%25", "true%00"];

    /// <summary>
    /// Values for a JSON body field, each wrong for it: any field refuses a NUL, a 1 MB string, an object,
    /// an array of nulls; a field that is not a number refuses numbers; a date field refuses dates that are
    /// impossible or absurd; a yes/no refuses a string. (A date is a fine text, so dates go to date fields only.)
    /// </summary>
    public static IEnumerable<(string Fault, JsonNode? Value)> FieldValues(string field, string? type)
    {
        yield return ("NUL", JsonValue.Create("a\u0000b"));
        yield return ("1 MB", JsonValue.Create(Megabyte));
        yield return ("object", new JsonObject { ["x"] = 1 });
        yield return ("array of nulls", new JsonArray(null, null));
        yield return ("huge number", JsonNode.Parse("1e308"));
        yield return ("huge integer", JsonNode.Parse("99999999999999999999999999999"));
        if (type is not ("integer" or "number"))
        {
            yield return ("negative number", JsonValue.Create(-2147483648L));
            yield return ("fraction", JsonValue.Create(0.5));
        }

        if (IsDate(field))
        {
            yield return ("date year 1", JsonValue.Create("0001-01-01"));
            yield return ("date year 9999", JsonValue.Create("9999-12-31"));
            yield return ("impossible date", JsonValue.Create("2025-02-30"));
        }

        if (type == "boolean")
        {
            yield return ("boolean as string", JsonValue.Create("true"));
        }
    }

    private static bool IsDate(string field) =>
        field.EndsWith("On", StringComparison.Ordinal) || field.StartsWith("period", StringComparison.Ordinal)
        || field.Contains("date", StringComparison.OrdinalIgnoreCase) || field is "on" or "asOf";

    /// <summary>Raw bodies that are not what any JSON operation takes (the lone surrogate is written as JSON escapes it).</summary>
    public static IEnumerable<(string Fault, string Body, string ContentType)> RawBodies()
    {
        yield return ("truncated JSON", "{\"a\":", "application/json");
        yield return ("not JSON", "xin chào", "application/json");
        yield return ("JSON null", "null", "application/json");
        yield return ("JSON array", "[]", "application/json");
        yield return ("JSON string", "\"x\"", "application/json");
        yield return ("escaped lone surrogate", "{\"text\":\"\\ud800\",\"name\":\"\\udc00x\"}", "application/json");
        yield return ("escaped NUL", "{\"text\":\"\\u0000\",\"number\":\"\\u0000\"}", "application/json");
        yield return ("deep nesting", new string('[', 5000) + new string(']', 5000), "application/json");
        yield return ("text/plain", "{}", "text/plain");
        yield return ("form", "a=%00", "application/x-www-form-urlencoded");
        yield return ("broken multipart", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", "multipart/form-data; boundary=x");
    }

    /// <summary>Every malformed request for the operations of <paramref name="openApi"/>, with <paramref name="idFor"/> giving a real value for a path parameter.</summary>
    public static IEnumerable<MalformedRequest> For(JsonElement openApi, Func<string, string, string> idFor)
    {
        foreach (var path in openApi.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                if (method is "PARAMETERS" or "SUMMARY" or "DESCRIPTION")
                {
                    continue;
                }

                var name = $"{method} {path.Name}";
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var pathParameters = parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToList();
                string Url(string? odd = null, string? oddName = null) =>
                    pathParameters.Aggregate(path.Name, (url, n) => url.Replace("{" + n + "}", n == oddName ? odd! : idFor(path.Name, n), StringComparison.Ordinal));

                // Ids in odd spellings: none may reach a record.
                foreach (var parameter in pathParameters.Where(n => n == "id"))
                {
                    foreach (var odd in OddIds)
                    {
                        yield return new(name, method, Url(odd, parameter), method == "GET" ? null : Json(new JsonObject()), $"path {parameter}={odd}");
                    }
                }

                var hasBody = operation.Value.TryGetProperty("requestBody", out var body);

                // A write with neither parameters nor body has nothing to be malformed; a valid call would change data.
                if (method != "GET" && !hasBody && parameters.All(x => x.GetProperty("in").GetString() == "path"))
                {
                    continue;
                }

                // Every query parameter with every wrong value, on an otherwise valid address. Writes keep an empty body, which lacks what they require.
                foreach (var query in parameters.Where(x => x.GetProperty("in").GetString() == "query").Select(x => x.GetProperty("name").GetString()!))
                {
                    foreach (var value in QueryValues)
                    {
                        yield return new(name, method, $"{Url()}?{query}={value}", method == "GET" ? null : Json(new JsonObject()), $"query {query}={value}");
                    }
                }

                if (!hasBody)
                {
                    continue;
                }

                foreach (var (fault, raw, type) in RawBodies())
                {
                    yield return new(name, method, Url(), new StringContent(raw, Encoding.UTF8, MediaType(type)) { Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type) } }, fault);
                }

                // Each field of the body alone, with each wrong value: the rest of what is required is missing.
                foreach (var (field, type) in Fields(openApi, body))
                {
                    foreach (var (fault, value) in FieldValues(field, type))
                    {
                        yield return new(name, method, Url(), Json(new JsonObject { [field] = value?.DeepClone() }), $"{field}: {fault}");
                    }

                    yield return new(name, method, Url(), Json(new JsonObject { [field] = null }), $"{field}: null, nothing else");
                }
            }
        }
    }

    private static string MediaType(string type) => type.Split(';')[0];

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The property names of a JSON request body's schema (following a $ref), or of a multipart form.</summary>
    private static IEnumerable<(string Name, string? Type)> Fields(JsonElement openApi, JsonElement body)
    {
        if (!body.TryGetProperty("content", out var content))
        {
            yield break;
        }

        foreach (var media in content.EnumerateObject())
        {
            if (!media.Value.TryGetProperty("schema", out var schema))
            {
                continue;
            }

            schema = Resolve(openApi, schema);
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    yield return (property.Name, TypeOf(Resolve(openApi, property.Value)));
                }
            }
        }
    }

    /// <summary>"string", "integer", "boolean"…; OpenAPI 3.1 writes a nullable one as ["null", "string"] and a number as ["integer", "string"] with a pattern.</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        var kinds = type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToList();
        return kinds.Contains("integer") ? "integer" : kinds.Contains("number") ? "number" : kinds.FirstOrDefault();
    }

    private static JsonElement Resolve(JsonElement openApi, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var node = openApi;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                node = node.GetProperty(part);
            }

            return node;
        }

        return schema;
    }
}
