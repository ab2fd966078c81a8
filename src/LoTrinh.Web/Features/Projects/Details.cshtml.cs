using LoTrinh.Core.Accounts;
using LoTrinh.Core.Projects;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Projects;

/// <summary>One key project: where, what is known and what is not, its milestones, capital, tasks and photos.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider time) : FormPage
{
    public ProjectDetails Project { get; private set; } = null!;

    public bool CanEdit => db.Viewer.Can(Permission.ManageProgramme);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await ProjectsApi.DetailsAsync(db, id, Clock.Today(time), ct) is not { } details)
        {
            return NotFound();
        }

        Project = details;
        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostPointAsync(long id, string? latitude, string? longitude, uint version, CancellationToken ct)
    {
        var errors = new InputErrors();
        var (lat, lng) = (errors.Number("latitude", latitude, -90, 90), errors.Number("longitude", longitude, -180, 180));
        var result = errors.Any ? errors : await ProjectRegister.PlaceAsync(db, id, new PointInput(lat, lng, version), ct);
        return await AnswerAsync(id, "point", result, new() { ["latitude"] = latitude, ["longitude"] = longitude }, ct);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostMilestoneAsync(long id, string? kind, string? plannedOn, string? achievedOn, string? note, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (!ProjectNames.TryParseMilestone(kind, out var k))
        {
            errors.Add("kind", "Chọn một mốc.");
        }

        var result = errors.Any ? errors : await ProjectRegister.SetMilestoneAsync(db, id, k, new MilestoneInput(plannedOn, achievedOn, note), Clock.Today(time), ct);
        return await AnswerAsync(id, "milestone", result, new() { ["kind"] = kind, ["plannedOn"] = plannedOn, ["achievedOn"] = achievedOn, ["note"] = note }, ct);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostDisbursementAsync(long id, int? year, string? plannedVnd, string? disbursedVnd, string? reportedOn, string? source, CancellationToken ct)
    {
        var errors = new InputErrors();
        var (planned, disbursed) = (errors.Number("plannedVnd", plannedVnd, 0, ProjectRegister.MaxVnd, grouped: true), errors.Number("disbursedVnd", disbursedVnd, 0, ProjectRegister.MaxVnd, grouped: true));
        if (year is null)
        {
            errors.Add("year", "Cần năm.");
        }

        var result = errors.Any ? errors
            : await ProjectRegister.SetDisbursementAsync(db, id, year!.Value, new DisbursementInput(planned, disbursed, reportedOn, source), Clock.Today(time), ct);
        return await AnswerAsync(id, "disbursement", result, new()
        {
            ["year"] = year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["plannedVnd"] = plannedVnd,
            ["disbursedVnd"] = disbursedVnd,
            ["reportedOn"] = reportedOn,
            ["source"] = source,
        }, ct);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostLinkAsync(long id, long? taskId, CancellationToken ct) =>
        await AnswerAsync(id, "task", await ProjectRegister.LinkTaskAsync(db, id, taskId, link: true, ct), [], ct);

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostUnlinkAsync(long id, long? taskId, CancellationToken ct) =>
        await AnswerAsync(id, "task", await ProjectRegister.LinkTaskAsync(db, id, taskId, link: false, ct), [], ct);

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostPhotoAsync(long id, IFormFile? file, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (!await db.KeyProjects.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }

        var (photo, problem) = await PhotoUpload.ReadAsync(file, ct);
        if (photo is null)
        {
            errors.Add("file", problem!);
        }
        else
        {
            var row = ProjectsApi.NewPhoto(photo, file!.FileName, db.Viewer.Name);
            row.ProjectId = id;
            db.Photos.Add(row);
            await db.SaveChangesAsync(ct);
        }

        return await AnswerAsync(id, "photo", errors, [], ct);
    }

    private Task<IActionResult> AnswerAsync(long id, string form, InputErrors? errors, Dictionary<string, string?> posted, CancellationToken ct) =>
        AnswerAsync($"/Projects/Details/{id}", form, errors, posted, () => OnGetAsync(id, ct));
}
