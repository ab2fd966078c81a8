using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Directives;

public sealed class CreateModel(AppDbContext db) : FormPage
{
    [BindProperty] public DirectiveInput Form { get; set; } = new(null, null, null, null, null, null);

    public void OnGet()
    {
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (id, errors) = await DirectivesApi.CreateAsync(db, Form, ct);
        Errors = errors;
        return id is { } created ? RedirectToPage("Details", new { id = created }) : Page();
    }
}
