using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Agencies;

/// <summary>The 2025 reform, agency by agency: the secretariat confirms who takes over the open tasks of a dissolved body.</summary>
public sealed class SuccessionModel(AppDbContext db, TimeProvider time) : FormPage
{
    public IReadOnlyList<DissolvedAgency> Pending { get; private set; } = [];

    /// <summary>The agency whose confirmation failed, for the messages beside its row.</summary>
    public new long? Failed { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(long id, long? successor, bool outsideLineage, CancellationToken ct)
    {
        var errors = await Successions.ConfirmAsync(db, id, new SuccessionInput(successor, outsideLineage), time.Today(), ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            return RedirectToPage(new { done = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        (Errors, Failed) = (errors, id);
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Pending = await Successions.PendingAsync(db, time.Today(), ct);
    }
}
