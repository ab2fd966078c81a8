using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Accounts;

/// <summary>Accounts, for administrators: create, reset a password, lock.</summary>
public sealed class UsersModel(UserManager<AppUser> users, AppDbContext db, TimeProvider time) : FormPage
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Agencies { get; private set; } = [];

    /// <summary>A password made here, shown once to be handed over.</summary>
    public (string UserName, string Password)? Handover { get; private set; }

    [BindProperty] public NewUserInput Form { get; set; } = new(null, null, null, null);

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    [Requires(Permission.ManageAccounts)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (user, password, errors) = await AccountBook.CreateUserAsync(users, db, Form, null, ct);
        Errors = errors;
        if (user is not null)
        {
            Handover = (user.UserName!, password!);
            Form = new(null, null, null, null);
        }

        await Load(ct);
        return Page();
    }

    [Requires(Permission.ManageAccounts)]
    public async Task<IActionResult> OnPostResetAsync(long id, CancellationToken ct)
    {
        if (await AccountBook.ResetPasswordAsync(users, id) is not { } reset)
        {
            return NotFound();
        }

        Handover = reset;
        await Load(ct);
        return Page();
    }

    [Requires(Permission.ManageAccounts)]
    public async Task<IActionResult> OnPostLockAsync(long id, bool locked, CancellationToken ct)
    {
        switch (await AccountBook.SetLockedAsync(users, id, locked, db.Viewer.UserId, time.GetUtcNow()))
        {
            case null:
                return NotFound();
            case { Any: true } refused:
                Errors = refused;
                await Load(ct);
                return Page();
            default:
                return RedirectToPage();
        }
    }

    private async Task Load(CancellationToken ct)
    {
        Rows = await AccountBook.UsersAsync(db, time.GetUtcNow(), ct);
        // The picker searches as one types (/api/agencies/options): only the agency the form holds is listed.
        Agencies = long.TryParse(Form.Agency, System.Globalization.CultureInfo.InvariantCulture, out var chosen)
            ? [.. (await LoTrinh.Web.Features.Agencies.AgencyOption.ByIdsAsync(db, [chosen], ct)).Select(a => (a.Id, a.Label))]
            : [];
    }
}
