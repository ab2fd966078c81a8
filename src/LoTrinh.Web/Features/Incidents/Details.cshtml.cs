using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Incidents;

/// <summary>One incident: what, where, photos; given to an agency with a deadline; the measures taken; resolved.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider time) : FormPage
{
    public IncidentDetails Incident { get; private set; } = null!;

    public bool CanAssign => db.Viewer.Can(Permission.ManageProgramme);

    /// <summary>The secretariat, or the agency the incident was given to, records measures and resolution.</summary>
    public bool CanHandle => CanAssign || (db.Viewer.Can(Permission.ReportProgress) && Incident.Incident.AgencyId is { } a && a == db.Viewer.AgencyId);

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Today = Clock.Today(time);
        if (await IncidentsApi.DetailsAsync(db, id, Today, ct) is not { } details)
        {
            return NotFound();
        }

        Incident = details;
        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAssignAsync(long id, long? agencyId, string? assignedOn, string? dueOn, uint version, CancellationToken ct) =>
        await AnswerAsync(id, "assign", await IncidentLog.AssignAsync(db, id, new IncidentAssignment(agencyId, assignedOn, dueOn, version), Clock.Today(time), ct),
            new() { ["assignedOn"] = assignedOn, ["dueOn"] = dueOn }, ct);

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostMeasureAsync(long id, string? kind, string? takenOn, string? decision, string? amountVnd, string? note, CancellationToken ct)
    {
        var errors = new InputErrors();
        var amount = errors.Number("amountVnd", amountVnd, 0, Projects.ProjectRegister.MaxVnd, grouped: true);
        var result = errors.Any ? errors : await IncidentLog.AddMeasureAsync(db, id, new MeasureInput(kind, takenOn, decision, amount, note), Clock.Today(time), ct);
        return await AnswerAsync(id, "measure", result,
            new() { ["kind"] = kind, ["takenOn"] = takenOn, ["decision"] = decision, ["amountVnd"] = amountVnd, ["note"] = note }, ct);
    }

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostResolveAsync(long id, string? resolvedOn, string? resolution, uint version, CancellationToken ct) =>
        await AnswerAsync(id, "resolve", await IncidentLog.ResolveAsync(db, id, new ResolutionInput(resolvedOn, resolution, version), Clock.Today(time), ct),
            new() { ["resolvedOn"] = resolvedOn, ["resolution"] = resolution }, ct);

    private Task<IActionResult> AnswerAsync(long id, string form, InputErrors? errors, Dictionary<string, string?> posted, CancellationToken ct) =>
        AnswerAsync($"/Incidents/Details/{id}", form, errors, posted, () => OnGetAsync(id, ct));
}
