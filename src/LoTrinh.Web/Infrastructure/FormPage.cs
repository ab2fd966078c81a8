using Microsoft.AspNetCore.Mvc;
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

    /// <summary>On a page of several forms: which one failed, and what it held, to show back beside its messages.</summary>
    public string? Failed { get; private set; }

    public IReadOnlyDictionary<string, string?> Posted { get; private set; } = new Dictionary<string, string?>();

    public string? Value(string form, string field) => Failed == form ? Posted.GetValueOrDefault(field) : null;

    /// <summary>
    /// The answer to one form of such a page: 404 when the record is not there (or not the viewer's), back to the form's
    /// anchor when it was saved, otherwise the page again with the messages (400, or 409 over a colleague's save).
    /// </summary>
    protected async Task<IActionResult> AnswerAsync(string page, string form, InputErrors? errors, Dictionary<string, string?> posted, Func<Task<IActionResult>> reshow)
    {
        ArgumentNullException.ThrowIfNull(reshow);
        if (errors is null)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            return Redirect($"{page}#{form}");
        }

        (Errors, Failed, Posted) = (errors, form, posted);
        Response.StatusCode = errors.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await reshow();
    }
}
