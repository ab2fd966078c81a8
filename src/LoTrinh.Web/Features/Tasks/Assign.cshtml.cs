using LoTrinh.Core.Accounts;
using LoTrinh.Core.Agencies;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Agencies;
using Microsoft.AspNetCore.Mvc;
using LoTrinh.Web.Features.Directives;

namespace LoTrinh.Web.Features.Tasks;

/// <summary>Phân công: the tasks that need a lead or a deadline, many assigned in one act citing the decision.</summary>
public sealed class AssignModel(AppDbContext db, TimeProvider time) : FormPage
{
    [BindProperty(SupportsGet = true)] public long? Directive { get; set; }
    [BindProperty(SupportsGet = true)] public string? Section { get; set; }

    /// <summary>How many tasks the last act assigned (after the redirect).</summary>
    [BindProperty(SupportsGet = true)] public int? Assigned { get; set; }

    [BindProperty] public List<long> Selected { get; set; } = [];
    [BindProperty] public long? Lead { get; set; }
    [BindProperty] public List<long> Cooperating { get; set; } = [];
    [BindProperty] public string? Deadline { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public string? DocumentDate { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? NewAgencyName { get; set; }
    [BindProperty] public string? NewAgencyKind { get; set; }
    [BindProperty] public string? NewAgencyUnit { get; set; }

    public IReadOnlyList<UnassignedTask> Tasks { get; private set; } = [];

    /// <summary>How many match the filter; the page lists at most <see cref="TaskAssignments.MaxListed"/>.</summary>
    public int Needing { get; private set; }
    /// <summary>The agencies the form has chosen.</summary>
    public IReadOnlyList<AgencyOption> Agencies { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Directives { get; private set; } = [];
    public static IReadOnlyList<string> Kinds => AgencyKinds.All.Where(AgencyKinds.IsBody).ToList();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new AssignmentInput(Selected, Lead, Cooperating, Deadline, DocumentNumber, DocumentDate, Reason,
            Input.Clean(NewAgencyName) is null ? null : new NewAgencyInput(NewAgencyName, NewAgencyKind, NewAgencyUnit));
        var (count, errors) = await TaskAssignments.AssignAsync(db, input, time.Today(), ct);
        if (!errors.Any)
        {
            return RedirectToPage(new { Directive, Section, assigned = count });
        }

        Errors = errors;
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = time.Today();
        Tasks = await TaskAssignments.NeedingAsync(db, Directive, Section, today, ct);
        Needing = await TaskAssignments.CountNeedingAsync(db, Directive, Section, today, ct);
        // The pickers search as one types (/api/agencies/options, /api/directives/options): only what the form holds is listed.
        Agencies = await AgencyOption.ByIdsAsync(db, Cooperating.Append(Lead ?? 0), ct);
        Directives = Directive is { } chosen
            ? [.. (await DirectivesApi.OptionsAsync(db.Directives.Where(d => d.Id == chosen), ct)).Select(d => (d.Id, d.Label))]
            : [];
    }
}
