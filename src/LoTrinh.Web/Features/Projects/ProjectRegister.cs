using LoTrinh.Core.Incidents;
using LoTrinh.Core.Projects;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Projects;

/// <summary>A project as a person enters it; <paramref name="Version"/> is the one read (0 when adding).</summary>
public sealed record ProjectInput(
    string? Name, string? Kind, long? UnitId, long? FormerUnitId, decimal? Latitude, decimal? Longitude, IReadOnlyList<decimal[]>? Site,
    string? Investor, string? Decision, string? DecidedOn, decimal? TotalInvestmentVnd, string? CapitalSources, string? Note, bool? Published, uint? Version);

public sealed record MilestoneInput(string? PlannedOn, string? AchievedOn, string? Note);

public sealed record DisbursementInput(decimal? PlannedVnd, decimal? DisbursedVnd, string? ReportedOn, string? Source);

public sealed record PointInput(decimal? Latitude, decimal? Longitude, uint? Version);

/// <summary>
/// The project register's writes (công trình, dự án trọng điểm): add, edit, place on the map, set a milestone, report capital,
/// link a task. Each checks everything first and writes in one transaction, or writes nothing; the project's row is versioned.
/// </summary>
public static class ProjectRegister
{
    /// <summary>numeric(20, 0): the largest sum the schema keeps.</summary>
    public const decimal MaxVnd = 99_999_999_999_999_999_999m;

    public const int MaxSitePoints = 500;

    private const string ConflictMessage = "Dự án vừa được người khác sửa; tải lại trang để xem bản mới rồi sửa lại.";

    public static async Task<(KeyProject? Project, InputErrors Errors)> AddAsync(AppDbContext db, ProjectInput input, DateOnly today, CancellationToken ct)
    {
        var project = new KeyProject { Name = "" };
        var errors = await ApplyAsync(db, project, input, today, ct);
        if (errors.Any)
        {
            return (null, errors);
        }

        db.KeyProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return (project, errors);
    }

    public static async Task<InputErrors?> UpdateAsync(AppDbContext db, long id, ProjectInput input, DateOnly today, CancellationToken ct)
    {
        if (await LoadForWriteAsync(db, id, ct) is not { } project)
        {
            return null;
        }

        var errors = await ApplyAsync(db, project, input, today, ct);
        if (!errors.Any)
        {
            await db.SaveVersionedAsync(project, input.Version ?? 0, errors, ConflictMessage, ct);
        }

        return errors;
    }

    /// <summary>Sets the project's point (from the map or typed); an empty point takes it off the map.</summary>
    public static async Task<InputErrors?> PlaceAsync(AppDbContext db, long id, PointInput input, CancellationToken ct)
    {
        if (await db.KeyProjects.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project)
        {
            return null;
        }

        var errors = new InputErrors();
        CheckPoint(errors, input.Latitude, input.Longitude);
        if (!errors.Any)
        {
            (project.Latitude, project.Longitude) = (input.Latitude, input.Longitude);
            await db.SaveVersionedAsync(project, input.Version ?? 0, errors, ConflictMessage, ct);
        }

        return errors;
    }

    /// <summary>Sets a milestone's planned and actual dates; both empty removes it.</summary>
    public static async Task<InputErrors?> SetMilestoneAsync(AppDbContext db, long id, MilestoneKind kind, MilestoneInput input, DateOnly today, CancellationToken ct)
    {
        if (await LoadForWriteAsync(db, id, ct) is not { } project)
        {
            return null;
        }

        var errors = new InputErrors();
        var planned = errors.Date("plannedOn", input.PlannedOn);
        var achieved = errors.Date("achievedOn", input.AchievedOn);
        var note = errors.Text("note", input.Note, 2000);
        if (errors.Any)
        {
            return errors;
        }

        foreach (var (field, message) in ProjectSchedule.Check(new Milestone(kind, planned, achieved), project.DecidedOn, today))
        {
            errors.Add(field == "actual" ? "achievedOn" : "plannedOn", message);
        }

        if (errors.Any)
        {
            return errors;
        }

        var milestone = project.Milestones.FirstOrDefault(m => m.Kind == kind);
        if (planned is null && achieved is null)
        {
            if (milestone is not null)
            {
                db.ProjectMilestones.Remove(milestone);
            }
        }
        else
        {
            if (milestone is null)
            {
                project.Milestones.Add(milestone = new ProjectMilestone { Kind = kind });
            }

            (milestone.PlannedOn, milestone.AchievedOn, milestone.Note) = (planned, achieved, note);
        }

        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>The capital planned and disbursed in a year, as reported on a day; the cumulative disbursement stays within the total.</summary>
    public static async Task<InputErrors?> SetDisbursementAsync(AppDbContext db, long id, int year, DisbursementInput input, DateOnly today, CancellationToken ct)
    {
        if (await LoadForWriteAsync(db, id, ct) is not { } project)
        {
            return null;
        }

        var errors = new InputErrors();
        if (year is < 2000 or > 2100)
        {
            errors.Add("year", $"Năm {year} nằm ngoài khoảng 2000–2100.");
        }

        var planned = errors.Range("plannedVnd", input.PlannedVnd, 0, MaxVnd);
        var disbursed = errors.Range("disbursedVnd", input.DisbursedVnd, 0, MaxVnd);
        if (input.PlannedVnd is null)
        {
            errors.Add("plannedVnd", "Cần kế hoạch vốn (đồng; 0 nếu không bố trí vốn).");
        }

        if (input.DisbursedVnd is null)
        {
            errors.Add("disbursedVnd", "Cần số giải ngân (đồng; 0 nếu chưa giải ngân).");
        }

        var reported = errors.Date("reportedOn", input.ReportedOn, required: true);
        var source = errors.Text("source", input.Source, 1000);
        if (reported > today)
        {
            errors.Add("reportedOn", $"Ngày {reported:dd/MM/yyyy} chưa đến.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var before = project.Disbursements.Where(d => d.Year != year).Sum(d => d.DisbursedVnd);
        foreach (var (field, message) in ProjectSchedule.CheckDisbursement(planned!.Value, disbursed!.Value, before, project.TotalInvestmentVnd))
        {
            errors.Add(field == "planned" ? "plannedVnd" : "disbursedVnd", message);
        }

        if (errors.Any)
        {
            return errors;
        }

        var row = project.Disbursements.FirstOrDefault(d => d.Year == year);
        if (row is null)
        {
            project.Disbursements.Add(row = new ProjectDisbursement { Year = year });
        }

        (row.PlannedVnd, row.DisbursedVnd, row.ReportedOn, row.Source) = (planned.Value, disbursed.Value, reported!.Value, source);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Links a task of the programme to the project (its status then feeds the project's), or unlinks it.</summary>
    public static async Task<InputErrors?> LinkTaskAsync(AppDbContext db, long id, long? taskId, bool link, CancellationToken ct)
    {
        if (await db.KeyProjects.Include(p => p.Tasks).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project)
        {
            return null;
        }

        var errors = new InputErrors();
        var task = taskId is { } t ? await db.Tasks.FirstOrDefaultAsync(x => x.Id == t, ct) : null;
        if (task is null)
        {
            errors.Add("taskId", taskId is null ? "Chọn một nhiệm vụ." : $"Không có nhiệm vụ mã {taskId}.");
            return errors;
        }

        var linked = project.Tasks.Any(x => x.Id == task.Id);
        if (link && !linked)
        {
            project.Tasks.Add(task);
        }
        else if (!link && linked)
        {
            project.Tasks.Remove(task);
        }

        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>A point on the map: both halves or none, inside Vietnam.</summary>
    public static void CheckPoint(InputErrors errors, decimal? latitude, decimal? longitude)
    {
        foreach (var (field, message) in IncidentRules.CheckPoint((double?)latitude, (double?)longitude))
        {
            errors.Add(field, message);
        }
    }

    private static Task<KeyProject?> LoadForWriteAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.KeyProjects.Include(p => p.Milestones).Include(p => p.Disbursements).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    private static async Task<InputErrors> ApplyAsync(AppDbContext db, KeyProject project, ProjectInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.Text("name", input.Name, 300, required: true);
        var kind = input.Kind ?? "other";
        if (!ProjectNames.Kinds.Any(k => k.Code == kind))
        {
            errors.Add("kind", $"Không có loại dự án \"{(InputBoundary.Problem(kind, 40) is null ? kind : "?")}\"; chọn một trong: {string.Join(", ", ProjectNames.Kinds.Select(k => k.Code))}.");
        }

        var investor = errors.Text("investor", input.Investor, 300);
        var decision = errors.Text("decision", input.Decision, 200);
        var decidedOn = errors.Date("decidedOn", input.DecidedOn);
        if (decidedOn > today)
        {
            errors.Add("decidedOn", $"Ngày {decidedOn:dd/MM/yyyy} chưa đến.");
        }

        var total = errors.Range("totalInvestmentVnd", input.TotalInvestmentVnd, 0, MaxVnd);
        var sources = errors.Text("capitalSources", input.CapitalSources, 500);
        var note = errors.Text("note", input.Note, 4000);
        CheckPoint(errors, input.Latitude, input.Longitude);
        var site = CheckSite(errors, input.Site);

        var unit = input.UnitId is { } u ? await db.Units.FirstOrDefaultAsync(x => x.Id == u, ct) : null;
        if (input.UnitId is not null && unit is null)
        {
            errors.Add("unitId", $"Không có đơn vị hành chính mã {input.UnitId}.");
        }
        else if (unit is not null && !unit.IsValidOn(today))
        {
            var successors = await db.UnitLineages.Where(l => l.PredecessorId == unit.Id).Select(l => l.Successor!.Name).ToListAsync(ct);
            errors.Add("unitId", $"{unit.Name} không còn từ {unit.ValidTo!.Value.AddDays(1):dd/MM/yyyy}; chọn đơn vị hiện nay"
                + (successors.Count > 0 ? $" ({string.Join(", ", successors)}), và ghi đơn vị cũ ở \"Đơn vị trước sắp xếp\"." : "."));
        }

        var former = input.FormerUnitId is { } f ? await db.Units.FirstOrDefaultAsync(x => x.Id == f, ct) : null;
        if (input.FormerUnitId is not null && former is null)
        {
            errors.Add("formerUnitId", $"Không có đơn vị hành chính mã {input.FormerUnitId}.");
        }
        else if (former is { ValidTo: null })
        {
            errors.Add("formerUnitId", $"{former.Name} vẫn còn; ghi ở \"Đơn vị hiện nay\".");
        }

        if (input.UnitId is null && input.FormerUnitId is null && input.Latitude is null)
        {
            errors.Add("unitId", "Cần địa bàn: đơn vị hiện nay, đơn vị trước sắp xếp, hoặc vị trí trên bản đồ.");
        }

        if (decidedOn is { } decided)
        {
            foreach (var m in project.Milestones)
            {
                foreach (var (_, message) in ProjectSchedule.Check(m.Rule(), decided, DateOnly.MaxValue))
                {
                    errors.Add("decidedOn", $"{m.Kind.Vietnamese()}: {message}");
                }
            }
        }

        if (total is { } t && project.Disbursements.Sum(d => d.DisbursedVnd) is var paid && paid > t)
        {
            errors.Add("totalInvestmentVnd", $"Đã giải ngân {paid:N0} đồng, lớn hơn tổng mức đầu tư này.");
        }

        if (errors.Any)
        {
            return errors;
        }

        project.Name = name!;
        project.Kind = kind;
        project.AdministrativeUnitId = unit?.Id;
        project.FormerUnitId = former?.Id;
        (project.Latitude, project.Longitude, project.Site) = (input.Latitude, input.Longitude, site);
        (project.Investor, project.Decision, project.DecidedOn, project.TotalInvestmentVnd) = (investor, decision, decidedOn, total);
        (project.CapitalSources, project.Note, project.Published) = (sources, note, input.Published ?? false);
        return errors;
    }

    private static List<decimal[]>? CheckSite(InputErrors errors, IReadOnlyList<decimal[]>? site)
    {
        if (site is null || site.Count == 0)
        {
            return null;
        }

        if (site.Count is < 3 or > MaxSitePoints)
        {
            errors.Add("site", $"Ranh giới khu đất cần từ 3 đến {MaxSitePoints} điểm (có {site.Count}).");
            return null;
        }

        foreach (var (point, index) in site.Select((p, i) => (p, i)))
        {
            if (point is not [var lat, var lng] || !IncidentRules.InVietnam((double)lat, (double)lng))
            {
                errors.Add("site", $"Điểm thứ {index + 1} của ranh giới không phải [vĩ độ, kinh độ] trong lãnh thổ Việt Nam.");
                return null;
            }
        }

        return [.. site.Select(p => new[] { Math.Round(p[0], 6), Math.Round(p[1], 6) })];
    }
}
