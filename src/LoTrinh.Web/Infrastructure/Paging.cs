using Microsoft.AspNetCore.WebUtilities;

namespace LoTrinh.Web;

/// <summary>Where a list is, for the pager: it keeps every filter in the link and changes only the page.</summary>
/// <param name="Parameter">The query parameter of the page number ("page"; another where a page shows two lists).</param>
public sealed record Paging(int Page, int Size, int Total, string Parameter = "page")
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    public string Link(HttpRequest request, int page)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query.Where(q => q.Key != Parameter).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query[Parameter] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(request.Path, query);
    }
}

/// <summary>The API's side of paging: a page of rows in the body, how many match in a header.</summary>
public static class PagedResponse
{
    public const string TotalHeader = "X-Total-Count";

    public static void SetTotal(this HttpResponse response, int total)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[TotalHeader] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
