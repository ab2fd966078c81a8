using System.Text.Json;
using System.Text.Json.Serialization;
using LoTrinh.Core.Text;
using LoTrinh.Web.Data;

namespace LoTrinh.Web.Features.Units;

/// <summary>
/// Loads Vietnam's administrative units after 1/7/2025 and the pre-2025 units they were formed from
/// (the dvhcvn/20250701 "new → old" mapping, seed/units/README.md), with lineage links.
/// </summary>
public static class UnitImporter
{
    /// <summary>The day the two-tier local government took over (Luật 72/2025/QH15).</summary>
    public static readonly DateOnly ReformDay = new(2025, 7, 1);

    public static readonly DateOnly LastDayBeforeReform = ReformDay.AddDays(-1);

    public static async Task<UnitIndex> ImportAsync(AppDbContext db, string mergesFile, CancellationToken ct)
    {
        await using var stream = File.OpenRead(mergesFile);
        var file = await JsonSerializer.DeserializeAsync<MergesFile>(stream, cancellationToken: ct)
            ?? throw new InvalidDataException($"{mergesFile} is empty.");

        var index = new UnitIndex();
        var oldUnits = new Dictionary<string, AdministrativeUnit>(StringComparer.Ordinal);
        AdministrativeUnit Old(string code, string name, AdministrativeUnit? parent)
        {
            if (!oldUnits.TryGetValue(code, out var unit))
            {
                unit = NewUnit(code, name, parent, validFrom: null, validTo: LastDayBeforeReform);
                oldUnits.Add(code, unit);
                index.Add(unit);
                db.Units.Add(unit);
            }

            return unit;
        }

        AdministrativeUnit AddNew(string code, string name, AdministrativeUnit? parent, List<MergeEntry> merges)
        {
            var unit = NewUnit(code, name, parent, ReformDay, null);
            index.Add(unit);
            db.Units.Add(unit);
            foreach (var merge in merges)
            {
                Link(db, Old(merge.OldId, merge.Name, null), unit, merge.Type);
            }

            return unit;
        }

        foreach (var province in file.Data)
        {
            var newProvince = AddNew(province.Id, province.Name, null, province.Merges);
            foreach (var commune in province.Communes)
            {
                AddNew(commune.Id, commune.Name, newProvince, commune.Merges);
            }
        }

        return index;
    }

    public static AdministrativeUnit NewUnit(string code, string name, AdministrativeUnit? parent, DateOnly? validFrom, DateOnly? validTo)
    {
        name = VietnameseText.CollapseWhitespace(VietnameseText.Normalize(name));
        var (kind, level) = UnitLevels.FromName(name, code);
        return new AdministrativeUnit
        {
            Code = code,
            Name = name,
            Kind = kind,
            Level = level,
            Parent = parent,
            ValidFrom = validFrom,
            ValidTo = validTo,
        };
    }

    private static void Link(AppDbContext db, AdministrativeUnit predecessor, AdministrativeUnit successor, string kind) =>
        db.UnitLineages.Add(new UnitLineage
        {
            Predecessor = predecessor,
            Successor = successor,
            Kind = kind is "full" or "partial" ? kind : throw new InvalidDataException($"Unknown merge type '{kind}'."),
            EffectiveOn = ReformDay,
        });

    private sealed record MergesFile([property: JsonPropertyName("data")] List<ProvinceEntry> Data);

    private sealed record ProvinceEntry(
        [property: JsonPropertyName("level1_id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("merges")] List<MergeEntry> Merges,
        [property: JsonPropertyName("level2s")] List<CommuneEntry> Communes);

    private sealed record CommuneEntry(
        [property: JsonPropertyName("level2_id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("merges")] List<MergeEntry> Merges);

    private sealed record MergeEntry(
        [property: JsonPropertyName("old_id")] string OldId,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("type")] string Type);
}

/// <summary>Units by code and validity, for resolving "code 24958 on 2023-08-11" while loading.</summary>
public sealed class UnitIndex
{
    private readonly Dictionary<string, List<AdministrativeUnit>> _byCode = new(StringComparer.Ordinal);

    public void Add(AdministrativeUnit unit)
    {
        if (!_byCode.TryGetValue(unit.Code, out var list))
        {
            _byCode[unit.Code] = list = [];
        }

        list.Add(unit);
    }

    public AdministrativeUnit Resolve(string code, DateOnly on) =>
        _byCode.TryGetValue(code, out var list) && list.FirstOrDefault(u => u.IsValidOn(on)) is { } unit
            ? unit
            : throw new InvalidDataException($"No administrative unit has code {code} on {on:yyyy-MM-dd}.");
}
