using System.Globalization;
using LoTrinh.Core.Classification;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace LoTrinh.Web.Features.Classification;

public sealed record RegisterImportResult(int Added, int Updated, int ClassesRecorded, IReadOnlyList<string> Problems)
{
    public string Summary => Problems.Count > 0
        ? $"Không ghi gì: {Problems.Count} lỗi."
        : $"Đã thêm {Added} đô thị, sửa {Updated}, ghi nhận {ClassesRecorded} loại đô thị.";
}

/// <summary>
/// The register as a sheet, one template both ways: the export is what a person edits and imports back. A row without
/// "Mã" adds an area; a row with it edits that area, and a class (with its date and decision or source) different from
/// the one held records a new class — history is never overwritten. Columns after "Nguồn" are for reading only.
/// </summary>
public static class RegisterWorkbook
{
    public const long MaxBytes = 5L * 1024 * 1024;
    public const int MaxRows = 5_000;

    private const string Id = "Mã", Name = "Đô thị", Province = "Tỉnh, thành phố", Unit = "Đơn vị hành chính", Former = "Đơn vị trước 01/07/2025",
        Regions = "Vùng", Note = "Ghi chú", Class = "Loại đô thị", Basis = "Cơ sở pháp lý", HeldFrom = "Tính từ ngày", RecognisedOn = "Ngày công nhận",
        Decision = "Quyết định công nhận", Source = "Nguồn";

    /// <summary>Which column a field of the register's checks is written in.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["name"] = Name,
        ["provinceId"] = Province,
        ["unitId"] = Unit,
        ["formerUnitId"] = Former,
        ["regions"] = Regions,
        ["note"] = Note,
        ["class"] = Class,
        ["basis"] = Basis,
        ["heldFrom"] = HeldFrom,
        ["recognisedOn"] = RecognisedOn,
        ["decision"] = Decision,
        ["source"] = Source,
        ["version"] = Id,
    };

    /// <summary>Every area (of a province when asked), with the class held today, in the template's columns.</summary>
    public static async Task<IReadOnlyList<IDictionary<string, object?>>> RowsAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var areas = await db.UrbanAreas.AsNoTracking().Include(a => a.Province).Include(a => a.AdministrativeUnit).Include(a => a.FormerUnit)
            .Include(a => a.Classes).Include(a => a.Targets).AsSplitQuery().OrderBy(a => a.RetiredOn != null).ThenBy(a => a.Name).ToListAsync(ct);
        return [.. areas.Select(a =>
        {
            var held = a.Classes.OrderBy(c => c.Id).Where(c => c.HeldFrom <= today).OrderBy(c => c.HeldFrom).LastOrDefault();
            return (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [Id] = a.Id,
                [Name] = a.Name,
                [Province] = a.Province?.Name,
                [Unit] = a.AdministrativeUnit?.Name,
                [Former] = a.FormerUnit?.Name,
                [Regions] = string.Join(", ", a.Regions),
                [Note] = a.Note,
                [Class] = held?.Class,
                [Basis] = held?.Basis,
                [HeldFrom] = held?.HeldFrom.ToDateTime(TimeOnly.MinValue),
                [RecognisedOn] = held?.RecognisedOn?.ToDateTime(TimeOnly.MinValue),
                [Decision] = held?.Decision,
                [Source] = held?.Source,
                ["Mục tiêu (chỉ đọc)"] = string.Join("; ", a.Targets.OrderBy(t => t.Year).Select(t => $"{t.Year}: loại {t.Class} (NQ {t.Basis})")),
                ["Thôi theo dõi từ (chỉ đọc)"] = a.RetiredOn?.ToDateTime(TimeOnly.MinValue),
            };
        })];
    }

    /// <summary>An uploaded file (page or API): its presence and size checked, then imported.</summary>
    public static async Task<RegisterImportResult> ImportFileAsync(AppDbContext db, IFormFile? file, DateOnly today, CancellationToken ct) =>
        file is null || file.Length == 0
            ? new RegisterImportResult(0, 0, 0, ["Chọn tệp .xlsx hoặc .csv (trường \"file\") để nhập."])
            : file.Length > MaxBytes
            ? new RegisterImportResult(0, 0, 0, [$"Tệp lớn hơn {MaxBytes / 1024 / 1024} MB."])
            : await ImportAsync(db, file.FileName, file.OpenReadStream(), today, ct);

    /// <summary>Reads the sheet and applies it in one transaction; any problem, and nothing is written.</summary>
    public static async Task<RegisterImportResult> ImportAsync(AppDbContext db, string fileName, Stream content, DateOnly today, CancellationToken ct)
    {
        var problems = new List<string>();
        var type = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ExcelType.XLSX,
            ".csv" => ExcelType.CSV,
            _ => (ExcelType?)null,
        };
        if (type is null)
        {
            return new(0, 0, 0, ["Chỉ nhận tệp .xlsx hoặc .csv (mẫu tải từ sổ đô thị)."]);
        }

        List<IDictionary<string, object?>> rows;
        try
        {
            rows = [.. MiniExcel.Query(content, useHeaderRow: true, excelType: type.Value).Cast<IDictionary<string, object?>>().Take(MaxRows + 1)];
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException or ArgumentException
                                      or System.Xml.XmlException or NotSupportedException)
        {
            return new(0, 0, 0, [$"Không đọc được tệp {Path.GetFileName(fileName)}: tệp hỏng hoặc không đúng định dạng."]);
        }

        if (rows.Count == 0 || !rows[0].ContainsKey(Name))
        {
            return new(0, 0, 0, [$"Tệp không có dòng nào, hoặc thiếu cột \"{Name}\": dùng mẫu tải từ sổ đô thị."]);
        }

        if (rows.Count > MaxRows)
        {
            return new(0, 0, 0, [$"Tệp có hơn {MaxRows:N0} dòng; sổ đô thị của một tỉnh không dài như vậy."]);
        }

        var (added, updated, classes) = (0, 0, 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            var line = index + 2;
            void Fail(string field, string message) => problems.Add($"Dòng {line}, cột \"{ColumnOf.GetValueOrDefault(field, field)}\": {message}");
            void FailAll(InputErrors errors)
            {
                foreach (var (field, messages) in errors.All)
                {
                    foreach (var m in messages)
                    {
                        Fail(field, m);
                    }
                }
            }

            string? Text(string column) => row.TryGetValue(column, out var v) ? Cell(v) : null;
            if (row.Values.All(v => string.IsNullOrWhiteSpace(Cell(v))))
            {
                continue;
            }

            var province = await ResolveAsync(db.Units.Where(u => u.Level == "province" && (u.ValidTo == null || u.ValidTo >= today)), Text(Province), ct);
            if (province.Id is null)
            {
                Fail("provinceId", province.Problem ?? "Bắt buộc.");
                continue;
            }

            var unit = await ResolveAsync(Register.UnitsOf(db, province.Id!.Value, today), Text(Unit), ct);
            var former = await ResolveAsync(Register.FormerUnitsOf(db, province.Id!.Value), Text(Former), ct);
            if (unit.Problem is { } up)
            {
                Fail("unitId", up);
            }

            if (former.Problem is { } fp)
            {
                Fail("formerUnitId", fp);
            }

            var regions = (Text(Regions) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var klass = new ClassInput(Text(Class), Text(Basis), Text(HeldFrom), Text(RecognisedOn), Text(Decision), Text(Source));
            var hasClass = klass.Class is not null || klass.Basis is not null;
            if (unit.Problem is not null || former.Problem is not null)
            {
                continue;
            }

            if (Text(Id) is not { } idText)
            {
                var input = new UrbanAreaInput(Text(Name), province.Id, unit.Id, former.Id, regions, null, Text(Note), 0);
                var (area, errors) = await Register.AddAsync(db, input, hasClass ? klass : null, today, ct);
                FailAll(errors);
                added += area is null ? 0 : 1;
                classes += area is not null && hasClass ? 1 : 0;
                continue;
            }

            if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || await db.UrbanAreas.Include(a => a.Classes).FirstOrDefaultAsync(a => a.Id == id, ct) is not { } existing)
            {
                Fail("version", $"Không có đô thị mã {idText} trong sổ; để trống cột Mã để thêm đô thị mới.");
                continue;
            }

            var held = UrbanRegister.ClassOn(existing.Classes.OrderBy(c => c.Id).Select(c => c.Record()), today);
            var edit = new UrbanAreaInput(Text(Name), province.Id, unit.Id, former.Id, regions, existing.Heritage, Text(Note), existing.Version);
            var changed = existing.Name != edit.Name || existing.ProvinceId != edit.ProvinceId || existing.AdministrativeUnitId != edit.UnitId
                || existing.FormerUnitId != edit.FormerUnitId || !existing.Regions.SequenceEqual(regions) || existing.Note != Input.Clean(edit.Note);
            if (changed)
            {
                FailAll(await Register.UpdateAsync(db, id, edit, today, ct) ?? new InputErrors());
                updated++;
            }

            // A class that is not the one held (or held from another day) is a new record; the same one is left alone.
            if (hasClass && (held is null || !string.Equals(held.Class, klass.Class, StringComparison.OrdinalIgnoreCase) || held.Basis != klass.Basis
                             || (Input.TryDate(klass.HeldFrom ?? klass.RecognisedOn, out var d, out _) && d != held.HeldFrom)))
            {
                var errors = await Register.AddClassAsync(db, id, klass, today, ct) ?? new InputErrors();
                FailAll(errors);
                classes += errors.Any ? 0 : 1;
            }
        }

        if (problems.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new(0, 0, 0, problems);
        }

        await tx.CommitAsync(ct);
        return new(added, updated, classes, []);
    }

    /// <summary>A unit named in a cell, among the units it may be; an unknown or ambiguous name is a problem.</summary>
    private static async Task<(long? Id, string? Problem)> ResolveAsync(IQueryable<Units.AdministrativeUnit> among, string? name, CancellationToken ct)
    {
        if (name is null)
        {
            return (null, null);
        }

        var key = VietnameseText.MatchKey(name);
        var found = (await among.Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Where(u => VietnameseText.MatchKey(u.Name) == key).ToList();
        return found switch
        {
            [var one] => (one.Id, null),
            [] => (null, $"Không có \"{name}\" trong các đơn vị được chọn."),
            _ => (null, $"Có {found.Count} đơn vị tên \"{name}\"."),
        };
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        _ => Input.Clean(value.ToString()),
    };
}
