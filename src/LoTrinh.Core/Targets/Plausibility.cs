namespace LoTrinh.Core.Targets;

/// <summary>Whether a figure can be what its unit of measure says: a percentage between 0 and 100, a count, an area or a
/// density not below zero, nothing of fifteen digits or more. The bulk import checks the same in SQL.</summary>
public static class Plausibility
{
    public const decimal Ceiling = 1_000_000_000_000_000m;

    public static string? Problem(string unit, decimal value)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (Math.Abs(value) >= Ceiling)
        {
            return $"Giá trị {value} quá lớn để là số liệu thật; kiểm tra lại đơn vị và dấu thập phân.";
        }

        if (unit.Trim() == "%")
        {
            return value is < 0 or > 100 ? $"Giá trị {value}% phải từ 0 đến 100 (đơn vị tính %)." : null;
        }

        return value < 0 ? $"Giá trị {value} {unit} không thể âm." : null;
    }
}
