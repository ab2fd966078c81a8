using LoTrinh.Core.Classification;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Classification;

/// <summary>An urban area as a person enters it; <paramref name="Version"/> is the one read (0 when adding).</summary>
public sealed record UrbanAreaInput(
    string? Name, long? ProvinceId, long? UnitId, long? FormerUnitId, IReadOnlyList<string>? Regions, bool? Heritage, string? Note, uint? Version);

/// <summary>A class held from a date: a recognition with its decision, or a class a source attests.</summary>
public sealed record ClassInput(string? Class, string? Basis, string? HeldFrom, string? RecognisedOn, string? Decision, string? Source);

public sealed record RetireInput(string? RetiredOn, string? Reason, uint? Version);

/// <summary>
/// The register's writes (sổ theo dõi đô thị): add an urban area, edit it, record a class, retire it. Each checks
/// everything first and writes in one transaction, or writes nothing; the area's row is versioned.
/// </summary>
public static class Register
{
    private const string ConflictMessage = "Đô thị vừa được người khác sửa; tải lại trang để xem bản mới rồi sửa lại.";

    public static async Task<(UrbanArea? Area, InputErrors Errors)> AddAsync(AppDbContext db, UrbanAreaInput input, ClassInput? firstClass, DateOnly today, CancellationToken ct)
    {
        var area = new UrbanArea { Name = "", NameKey = "" };
        var errors = await ApplyAsync(db, area, input, today, ct);
        UrbanAreaClass? record = null;
        if (firstClass is not null && (firstClass.Class is not null || firstClass.Basis is not null))
        {
            record = await CheckClassAsync(db, area, firstClass, errors, today, ct);
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        if (record is not null)
        {
            area.Classes.Add(record);
        }

        db.UrbanAreas.Add(area);
        await db.SaveChangesAsync(ct);
        return (area, errors);
    }

    public static async Task<InputErrors?> UpdateAsync(AppDbContext db, long id, UrbanAreaInput input, DateOnly today, CancellationToken ct)
    {
        if (await db.UrbanAreas.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } area)
        {
            return null;
        }

        var errors = await ApplyAsync(db, area, input, today, ct);
        if (!errors.Any)
        {
            await db.SaveVersionedAsync(area, input.Version ?? 0, errors, ConflictMessage, ct);
        }

        return errors;
    }

    /// <summary>Records a class (a new recognition, or one found in a source); the history keeps every record.</summary>
    public static async Task<InputErrors?> AddClassAsync(AppDbContext db, long id, ClassInput input, DateOnly today, CancellationToken ct)
    {
        if (await db.UrbanAreas.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } area)
        {
            return null;
        }

        var errors = new InputErrors();
        var record = await CheckClassAsync(db, area, input, errors, today, ct);
        if (record is not null && area.RetiredOn is { } retired && record.HeldFrom >= retired)
        {
            errors.Add("heldFrom", $"Đô thị đã thôi theo dõi từ {retired:dd/MM/yyyy}.");
        }

        if (!errors.Any)
        {
            area.Classes.Add(record!);
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>Takes an area off the count from a day (merged, no longer urban); the reason is required.</summary>
    public static async Task<InputErrors?> RetireAsync(AppDbContext db, long id, RetireInput input, DateOnly today, CancellationToken ct)
    {
        if (await db.UrbanAreas.Include(a => a.Classes).FirstOrDefaultAsync(a => a.Id == id, ct) is not { } area)
        {
            return null;
        }

        var errors = new InputErrors();
        var on = errors.Date("retiredOn", input.RetiredOn, required: true);
        var reason = errors.Text("reason", input.Reason, 2000, required: true);
        if (on is { } day && day > today)
        {
            errors.Add("retiredOn", $"Ngày {day:dd/MM/yyyy} chưa đến.");
        }

        if (on is { } d && area.Classes.Count > 0 && d <= area.Classes.Min(c => c.HeldFrom))
        {
            errors.Add("retiredOn", $"Đô thị có loại từ {area.Classes.Min(c => c.HeldFrom):dd/MM/yyyy}; ngày thôi theo dõi phải sau đó.");
        }

        if (area.RetiredOn is not null)
        {
            errors.Add("retiredOn", $"Đô thị đã thôi theo dõi từ {area.RetiredOn:dd/MM/yyyy}.");
        }

        if (errors.Any)
        {
            return errors;
        }

        area.RetiredOn = on;
        area.RetiredReason = reason;
        await db.SaveVersionedAsync(area, input.Version ?? 0, errors, ConflictMessage, ct);
        return errors;
    }

    /// <summary>The province's units on today's map.</summary>
    public static IQueryable<AdministrativeUnit> UnitsOf(AppDbContext db, long province, DateOnly today) =>
        db.Units.Where(u => u.ParentId == province && (u.ValidTo == null || u.ValidTo >= today));

    /// <summary>Units of the province before 1/7/2025: the predecessors of its units, and its former province's districts.</summary>
    public static IQueryable<AdministrativeUnit> FormerUnitsOf(AppDbContext db, long province)
    {
        var formerProvinces = db.UnitLineages.Where(l => l.SuccessorId == province).Select(l => l.PredecessorId);
        var ofToday = db.Units.Where(u => u.ParentId == province).Select(u => u.Id);
        return db.Units.Where(u => u.ValidTo != null && u.Level != "province"
            && (db.UnitLineages.Any(l => l.PredecessorId == u.Id && ofToday.Contains(l.SuccessorId)) || formerProvinces.Contains(u.ParentId!.Value)));
    }

    /// <summary>The region codes the criteria sets adjust for (miền núi, Tây Nguyên…), with their names.</summary>
    public static IReadOnlyList<(string Code, string Name)> Regions(IEnumerable<CriteriaSet> sets) =>
        [.. sets.SelectMany(s => s.RegionalAdjustments).DistinctBy(r => r.Code).Select(r => (r.Code, r.Name))];

    private static async Task<InputErrors> ApplyAsync(AppDbContext db, UrbanArea area, UrbanAreaInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.Text("name", input.Name, 200, required: true);
        if (name is not null)
        {
            var key = VietnameseText.MatchKey(name);
            if (await db.UrbanAreas.AnyAsync(a => a.NameKey == key && a.Id != area.Id, ct))
            {
                errors.Add("name", $"Đã có đô thị tên \"{name}\".");
            }

            area.Name = name;
            area.NameKey = key;
        }

        var province = input.ProvinceId is { } p ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == p, ct) : null;
        if (province is null || province.Level != "province")
        {
            errors.Add("provinceId", input.ProvinceId is null ? "Chọn tỉnh, thành phố có đô thị." : "Không có tỉnh, thành phố này.");
        }
        else if (province.ValidTo is { } ended && ended < today)
        {
            errors.Add("provinceId", $"{province.Name} không còn từ {ended.AddDays(1):dd/MM/yyyy}; chọn {await SuccessorsAsync(db, province.Id, ct)}.");
        }

        if (input.UnitId is { } unitId)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
            if (unit is null)
            {
                errors.Add("unitId", "Không có đơn vị hành chính này.");
            }
            else if (unit.ValidTo is { } ended && ended < today)
            {
                // An urban area is placed on today's map: a unit that is gone names its successor instead.
                errors.Add("unitId", $"{unit.Name} không còn từ {ended.AddDays(1):dd/MM/yyyy}; chọn đơn vị kế thừa ({await SuccessorsAsync(db, unit.Id, ct)}) và ghi {unit.Name} là đơn vị trước sắp xếp.");
            }
            else if (province is not null && unit.ParentId != province.Id && unit.Id != province.Id)
            {
                errors.Add("unitId", $"{unit.Name} không thuộc {province.Name}.");
            }
        }

        if (input.FormerUnitId is { } formerId)
        {
            var former = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == formerId, ct);
            if (former is null)
            {
                errors.Add("formerUnitId", "Không có đơn vị hành chính này.");
            }
            else if (former.ValidTo is null)
            {
                errors.Add("formerUnitId", $"{former.Name} vẫn là đơn vị hiện nay; đơn vị trước sắp xếp là đơn vị đã không còn.");
            }
        }

        var known = Regions(await CriteriaSetStore.ActiveAsync(db, ct)).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var regions = (input.Regions ?? []).Select(r => r?.Trim() ?? "").Where(r => r.Length > 0).Distinct().ToList();
        if (regions.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
        {
            errors.Add("regions", $"Không có vùng '{unknown}' (có: {string.Join(", ", known)}).");
        }

        var note = errors.Text("note", input.Note, 4000);
        area.ProvinceId = province?.Id;
        area.AdministrativeUnitId = input.UnitId;
        area.FormerUnitId = input.FormerUnitId;
        area.Regions = regions;
        area.Heritage = input.Heritage ?? false;
        area.Note = note;
        return errors;
    }

    private static async Task<UrbanAreaClass?> CheckClassAsync(AppDbContext db, UrbanArea area, ClassInput input, InputErrors errors, DateOnly today, CancellationToken ct)
    {
        var urbanClass = errors.Text("class", input.Class, 20, required: true);
        var basis = errors.Text("basis", input.Basis, 40, required: true);
        var recognisedOn = errors.Date("recognisedOn", input.RecognisedOn);
        var heldFrom = errors.Date("heldFrom", input.HeldFrom) ?? recognisedOn;
        if (heldFrom is null && recognisedOn is null && !errors.All.ContainsKey("heldFrom") && !errors.All.ContainsKey("recognisedOn"))
        {
            errors.Add("recognisedOn", "Ghi ngày công nhận, hoặc khi chưa rõ, ngày của nguồn cho biết loại đô thị.");
        }

        var decision = errors.Text("decision", input.Decision, 200);
        var source = errors.Text("source", input.Source, 2000);
        if (decision is null && source is null)
        {
            errors.Add("source", "Ghi quyết định công nhận hoặc nguồn cho biết loại đô thị.");
        }

        if (urbanClass is null || basis is null || heldFrom is null)
        {
            return null;
        }

        var set = await CriteriaSetStore.FindAsync(db, basis, ct);
        var record = new ClassRecord(urbanClass, basis, heldFrom.Value, recognisedOn, decision, source);
        foreach (var (field, message) in UrbanRegister.Check(record, set, await ExistsFromAsync(db, area, ct), today))
        {
            errors.Add(field, message);
        }

        // Written as the basis writes it ("iv" is class IV).
        return new UrbanAreaClass
        {
            Class = set?.FindClass(urbanClass)?.Code ?? urbanClass,
            Basis = set?.Basis ?? basis,
            HeldFrom = heldFrom.Value,
            RecognisedOn = recognisedOn,
            Decision = decision,
            Source = source,
        };
    }

    /// <summary>The first day of the area's oldest unit; null when one of them existed before any date (no start on file).</summary>
    private static async Task<DateOnly?> ExistsFromAsync(AppDbContext db, UrbanArea area, CancellationToken ct)
    {
        long[] ids = [.. new[] { area.FormerUnitId, area.AdministrativeUnitId }.OfType<long>()];
        if (ids.Length == 0)
        {
            return null;
        }

        var starts = await db.Units.Where(u => ids.Contains(u.Id)).Select(u => u.ValidFrom).ToListAsync(ct);
        return starts.Any(s => s is null) ? null : starts.Min();
    }

    private static async Task<string> SuccessorsAsync(AppDbContext db, long unitId, CancellationToken ct)
    {
        var names = await db.UnitLineages.Where(l => l.PredecessorId == unitId)
            .Join(db.Units, l => l.SuccessorId, u => u.Id, (_, u) => u.Name).ToListAsync(ct);
        return names.Count == 0 ? "đơn vị kế thừa" : string.Join(", ", names);
    }
}
