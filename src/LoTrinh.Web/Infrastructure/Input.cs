using System.Globalization;
using LoTrinh.Core.Text;

namespace LoTrinh.Web;

/// <summary>
/// Reading what people type and send: dates, paging, text. Each reader gives a value or a Vietnamese
/// message that names what is wrong, for ProblemDetails on the API and for the field on a page.
/// </summary>
public static class Input
{
    public const int MaxPageSize = 1000;

    /// <summary>Pages beyond this are not a list anyone reads; the bound keeps the offset an int.</summary>
    public const int MaxPage = 100_000;

    /// <summary>The dates a programme can speak of: a resolution of 1900 to a target of 2200. Outside is a typing error.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    public static readonly DateOnly LatestDate = new(2200, 12, 31);

    public static bool TryDate(string? text, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var s = text.Trim();
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d.M.yyyy"];
        if (DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            if (parsed < EarliestDate || parsed > LatestDate)
            {
                error = $"Ngày {parsed:dd/MM/yyyy} nằm ngoài khoảng hợp lý ({EarliestDate.Year}–{LatestDate.Year}).";
                return false;
            }

            date = parsed;
            return true;
        }

        error = $"\"{s}\" không phải là một ngày có thật (dạng YYYY-MM-DD hoặc dd/mm/yyyy).";
        return false;
    }

    public static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : VietnameseText.CollapseWhitespace(VietnameseText.Normalize(text));

    public static (int Page, int Size) Paging(int? page, int? pageSize, int defaultSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? defaultSize, 1, MaxPageSize));
}

/// <summary>A 400 answer naming the fields at fault, in the shape of ValidationProblemDetails.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> All => _errors;

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public DateOnly? Date(string field, string? text, bool required = false)
    {
        if (!Input.TryDate(text, out var date, out var error))
        {
            Add(field, error!);
        }
        else if (required && date is null)
        {
            Add(field, "Cần nhập ngày.");
        }

        return date;
    }

    public string? Required(string field, string? text)
    {
        var clean = Input.Clean(text);
        if (clean is null)
        {
            Add(field, "Không được để trống.");
        }

        return clean;
    }

    /// <summary>Text of a field: cleaned, at most <paramref name="maxLength"/> characters, no NUL or broken Unicode.</summary>
    public string? Text(string field, string? text, int maxLength, bool required = false)
    {
        if (InputBoundary.Problem(text, maxLength) is { } problem)
        {
            Add(field, "Nội dung " + problem);
            return null;
        }

        return required ? Required(field, text) : Input.Clean(text);
    }

    /// <summary>
    /// A number typed on a page: "11.74" or "11,74"; money may group thousands with dots or spaces ("1.500.000.000").
    /// Outside [<paramref name="min"/>, <paramref name="max"/>] is refused with both bounds named.
    /// </summary>
    public decimal? Number(string field, string? text, decimal min, decimal max, bool grouped = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (grouped && s.Count(c => c == '.') > 1 || (grouped && s.Contains('.', StringComparison.Ordinal) && s.Contains(',', StringComparison.Ordinal)))
        {
            s = s.Replace(".", "", StringComparison.Ordinal);
        }
        else if (grouped && s.Contains('.', StringComparison.Ordinal) && s.Length - s.IndexOf('.', StringComparison.Ordinal) == 4)
        {
            s = s.Replace(".", "", StringComparison.Ordinal);
        }

        s = s.Replace(',', '.');
        if (!decimal.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            Add(field, InputBoundary.Problem(text, 40) is null ? $"\"{text.Trim()}\" không phải là một số." : "Không phải là một số.");
            return null;
        }

        return Range(field, value, min, max);
    }

    /// <summary>A number sent as a number (the API): inside [<paramref name="min"/>, <paramref name="max"/>] or refused.</summary>
    public decimal? Range(string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Giá trị {v:N0} nằm ngoài khoảng cho phép ({min:#,0.######} – {max:#,0.######})."));
            return null;
        }

        return value;
    }

    /// <summary>A yes/no the caller must state: missing is an error, never read as false.</summary>
    public bool? Flag(string field, bool? value)
    {
        if (value is null)
        {
            Add(field, "Cần ghi rõ true hoặc false.");
        }

        return value;
    }

    /// <summary>The save was made from an older reading of the record: refused, nothing written.</summary>
    public bool IsConflict { get; private set; }

    public void Conflict(string message)
    {
        IsConflict = true;
        Add("version", message);
    }

    /// <summary>409, with the record as it now is, so the caller can decide again.</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ConflictProblem(object? current) =>
        TypedResults.Problem(
            title: "Bản ghi vừa được người khác sửa sau khi bạn đọc; không có gì được ghi.",
            detail: string.Join(" ", _errors.GetValueOrDefault("version", [])),
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["current"] = current });

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem() =>
        TypedResults.ValidationProblem(_errors, title: "Dữ liệu gửi lên không hợp lệ; không có gì được ghi.");
}
