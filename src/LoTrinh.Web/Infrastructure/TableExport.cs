using MiniExcelLibs;

namespace LoTrinh.Web;

/// <summary>
/// A list as a file: CSV (UTF-8 with a byte-order mark, so Excel reads Vietnamese) or XLSX (MiniExcel), the columns
/// the page shows, dates and numbers as the spreadsheet's own types.
/// </summary>
public static class TableExport
{
    /// <summary>What a request for any other format is told.</summary>
    public const string FormatProblem = "Chỉ xuất được định dạng csv hoặc xlsx.";

    /// <summary>A page's export refused (400) with its reason; nothing is written.</summary>
    public static Microsoft.AspNetCore.Mvc.BadRequestObjectResult Refused(string title, string detail) =>
        new(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = title, Detail = detail, Status = StatusCodes.Status400BadRequest });

    /// <summary>"csv" (the default) or "xlsx"; null for anything else.</summary>
    public static ExcelType? Format(string? format) => format switch
    {
        "xlsx" => ExcelType.XLSX,
        null or "" or "csv" => ExcelType.CSV,
        _ => null,
    };

    public static async Task<(Stream File, string ContentType, string Name)> WriteAsync(
        IEnumerable<IDictionary<string, object?>> rows, ExcelType type, string name, CancellationToken ct)
    {
        var file = new MemoryStream();
        if (type == ExcelType.CSV)
        {
            file.Write(System.Text.Encoding.UTF8.Preamble);
        }

        await MiniExcel.SaveAsAsync(file, rows, excelType: type, cancellationToken: ct);
        file.Position = 0;
        return type == ExcelType.XLSX
            ? (file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : (file, "text/csv; charset=utf-8", name + ".csv");
    }
}
