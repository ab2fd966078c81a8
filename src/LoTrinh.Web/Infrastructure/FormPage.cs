using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LoTrinh.Web;

/// <summary>A page with a form whose rules live in the feature's shared write method: it shows each message beside its field.</summary>
public abstract class FormPage : PageModel
{
    public InputErrors Errors { get; protected set; } = new();

    /// <summary>The message for a field, whose name may be written as the API writes it (camelCase) or as the C# property.</summary>
    public string? ErrorFor(string field)
    {
        var key = char.ToLowerInvariant(field[0]) + field[1..];
        return Errors.All.TryGetValue(key, out var messages) ? string.Join(" ", messages) : null;
    }

    public string? Invalid(string field) => ErrorFor(field) is null ? null : "true";
}
