namespace LoTrinh.Web.Features.Units;

/// <summary>
/// An administrative unit (đơn vị hành chính) for the span of its validity. Codes are reused across
/// the 2025 reform, so code + validity identifies a unit, never the code alone.
/// </summary>
public sealed class AdministrativeUnit
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>province (tỉnh), district (huyện, until 30/6/2025) or commune (xã, phường, thị trấn, đặc khu).</summary>
    public required string Level { get; set; }

    /// <summary>The word the name opens with: Tỉnh, Thành phố, Huyện, Xã, Phường, Thị trấn, Đặc khu.</summary>
    public required string Kind { get; set; }

    public long? ParentId { get; set; }
    public AdministrativeUnit? Parent { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>Where its People's Committee sits, with the source that says so; entered one by one (no licensed list exists).</summary>
    public decimal? SeatLatitude { get; set; }

    public decimal? SeatLongitude { get; set; }
    public string? SeatSource { get; set; }

    /// <summary>The name without the word for its kind: "Huyện Đức Trọng" → "Đức Trọng".</summary>
    public string BareName => Bare(Name, Kind);

    /// <summary>The name without its kind: "Xã Đức Trọng" (kind "Xã") → "Đức Trọng".</summary>
    public static string Bare(string name, string kind) =>
        name.StartsWith(kind + " ", StringComparison.Ordinal) ? name[(kind.Length + 1)..] : name;

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

/// <summary>A predecessor → successor link of a reorganisation (sáp nhập), whole or in part.</summary>
public sealed class UnitLineage
{
    public long PredecessorId { get; set; }
    public AdministrativeUnit Predecessor { get; set; } = null!;
    public long SuccessorId { get; set; }
    public AdministrativeUnit Successor { get; set; } = null!;

    /// <summary>full: the whole predecessor went into the successor; partial: a part of it.</summary>
    public required string Kind { get; set; }

    public DateOnly EffectiveOn { get; set; }
}

public static class UnitLevels
{
    public const string Province = "province";
    public const string District = "district";
    public const string Commune = "commune";

    private static readonly (string Prefix, string Kind, string Level)[] Prefixes =
    [
        ("Thành phố", "Thành phố", Province),
        ("Tỉnh", "Tỉnh", Province),
        ("Huyện", "Huyện", District),
        ("Quận", "Quận", District),
        ("Thị xã", "Thị xã", District),
        ("Thị trấn", "Thị trấn", Commune),
        ("Đặc khu", "Đặc khu", Commune),
        ("Phường", "Phường", Commune),
        ("Xã", "Xã", Commune),
    ];

    /// <summary>Reads kind and level from the name ("Thị trấn Liên Nghĩa" → Thị trấn, commune).
    /// "Thành phố" is a province when its code has two digits, a district otherwise.</summary>
    public static (string Kind, string Level) FromName(string name, string code)
    {
        foreach (var (prefix, kind, level) in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return (kind, code.Length switch
                {
                    2 => Province,
                    3 => District,
                    _ => level == Province ? District : level,
                });
            }
        }

        return ("Khác", code.Length switch { 2 => Province, 3 => District, _ => Commune });
    }

    public static string Vietnamese(string level) => level switch
    {
        Province => "Cấp tỉnh",
        District => "Cấp huyện",
        _ => "Cấp xã",
    };
}
