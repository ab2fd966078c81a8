using System.Text.Encodings.Web;
using System.Text.Json;

namespace LoTrinh.Web;

/// <summary>JSON as the API writes it: camelCase, Vietnamese as UTF-8 rather than \u escapes.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Not embedded in HTML: only what JSON itself requires is escaped, so Vietnamese and quotes read as written.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
