using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Agencies;

public sealed class DetailsModel(AppDbContext db, TimeProvider time, Accounts.ViewerAccessor viewers) : FormPage
{
    /// <summary>For the secretariat: the records a duplicate can be merged into.</summary>
    public bool CanMerge { get; private set; }

    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public DateOnly AsOf { get; private set; }
    public string? Error { get; private set; }
    public AgencyDetails Details { get; private set; } = null!;
    public Paging Paging { get; private set; } = new(1, 50, 0);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        // An impossible date is named beside the field; the page then shows today.
        AsOf = Input.TryDate(AsOfText, out var asOf, out var error) && asOf is { } d ? d : time.Today();
        Error = error;
        var (page, size) = Input.Paging(PageNumber, 50, 50);
        if (await AgenciesApi.LoadAsync(db, id, AsOf, page, size, ct) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Paging = new Paging(page, size, details.Tasks.Total);
        CanMerge = viewers.Current.Can(Core.Accounts.Permission.ManageProgramme);

        return Page();
    }

    /// <summary>Merges this record, a duplicate, into the one chosen: its tasks and accounts follow.</summary>
    [Requires(Core.Accounts.Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostMergeAsync(long id, long? into, CancellationToken ct)
    {
        switch (await Successions.MergeAsync(db, id, into, ct))
        {
            case null:
                return NotFound();
            case { Any: true } errors:
                Errors = errors;
                db.ChangeTracker.Clear();
                return await OnGetAsync(id, ct);
            default:
                return Redirect($"/Agencies/Details/{into}");
        }
    }
}
