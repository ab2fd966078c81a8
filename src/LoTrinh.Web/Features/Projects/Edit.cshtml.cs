using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Projects;

/// <summary>Adds a key project or edits one; the units are chosen from the map (searched), never typed.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider time) : FormPage
{
    public long? Id { get; private set; }

    /// <summary>The form as typed: numbers stay text until read, so a mistyped one is shown back beside its message.</summary>
    public ProjectForm Form { get; private set; } = new();

    public string? UnitLabel { get; private set; }
    public string? FormerUnitLabel { get; private set; }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await db.KeyProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == existing, ct) is not { } p)
            {
                return NotFound();
            }

            Id = existing;
            Form = ProjectForm.Of(p);
        }

        await LabelsAsync(ct);
        return Page();
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(long? id, ProjectForm form, CancellationToken ct)
    {
        Form = form;
        var errors = new InputErrors();
        var input = form.Read(errors);
        var today = Clock.Today(time);
        if (!errors.Any)
        {
            if (id is { } existing)
            {
                if (await ProjectRegister.UpdateAsync(db, existing, input, today, ct) is not { } updateErrors)
                {
                    return NotFound();
                }

                errors = updateErrors;
            }
            else
            {
                var (added, addErrors) = await ProjectRegister.AddAsync(db, input, today, ct);
                (errors, id) = (addErrors, added?.Id);
            }
        }

        if (!errors.Any)
        {
            return Redirect($"/Projects/Details/{id}");
        }

        (Id, Errors) = (id, errors);
        await LabelsAsync(ct);
        return Page();
    }

    private async Task LabelsAsync(CancellationToken ct)
    {
        UnitLabel = await LabelAsync(Form.UnitId, ct);
        FormerUnitLabel = await LabelAsync(Form.FormerUnitId, ct);
    }

    private Task<string?> LabelAsync(long? id, CancellationToken ct) => id is null ? Task.FromResult<string?>(null)
        : db.Units.Where(u => u.Id == id).Select(u => Units.UnitsApi.Label(u.Name, u.Code, u.Parent == null ? null : u.Parent.Name)).FirstOrDefaultAsync(ct);
}

/// <summary>The project form's fields as posted.</summary>
public sealed class ProjectForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public long? UnitId { get; set; }
    public long? FormerUnitId { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }

    /// <summary>The site's outline, one "vĩ độ, kinh độ" per line.</summary>
    public string? Site { get; set; }

    public string? Investor { get; set; }
    public string? Decision { get; set; }
    public string? DecidedOn { get; set; }
    public string? TotalInvestmentVnd { get; set; }
    public string? CapitalSources { get; set; }
    public string? Note { get; set; }
    public bool Published { get; set; }
    public uint Version { get; set; }

    public static ProjectForm Of(KeyProject p) => new()
    {
        Name = p.Name,
        Kind = p.Kind,
        UnitId = p.AdministrativeUnitId,
        FormerUnitId = p.FormerUnitId,
        Latitude = p.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Longitude = p.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Site = p.Site is null ? null : string.Join("\n", p.Site.Select(x => PhotoUpload.Point(x[0], x[1]))),
        Investor = p.Investor,
        Decision = p.Decision,
        DecidedOn = p.DecidedOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
        TotalInvestmentVnd = p.TotalInvestmentVnd?.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")),
        CapitalSources = p.CapitalSources,
        Note = p.Note,
        Published = p.Published,
        Version = p.Version,
    };

    public ProjectInput Read(InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var site = new List<decimal[]>();
        foreach (var (line, index) in (Site ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select((l, i) => (l, i)))
        {
            var parts = line.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var lineErrors = new InputErrors();
            if (parts.Length == 2 && lineErrors.Number("site", parts[0], -90, 90) is { } lat && lineErrors.Number("site", parts[1], -180, 180) is { } lng)
            {
                site.Add([lat, lng]);
            }
            else
            {
                errors.Add("site", $"Dòng {index + 1}: cần \"vĩ độ, kinh độ\" (ví dụ 11.7412, 108.3712).");
            }
        }

        return new ProjectInput(Name, Kind, UnitId, FormerUnitId, errors.Number("latitude", Latitude, -90, 90), errors.Number("longitude", Longitude, -180, 180),
            site, Investor, Decision, DecidedOn, errors.Number("totalInvestmentVnd", TotalInvestmentVnd, 0, ProjectRegister.MaxVnd, grouped: true),
            CapitalSources, Note, Published, Version);
    }
}
