using MiniExcelLibs;

namespace LoTrinh.Web;

/// <summary>
/// A list as a file: CSV (UTF-8 with a byte-order mark, so Excel reads Vietnamese) or XLSX (MiniExcel), the columns
/// the page shows, dates and numbers as the spreadsheet's own types.
/// </summary>
public static class TableExport
{
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
