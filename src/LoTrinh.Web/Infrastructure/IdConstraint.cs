using System.Globalization;

namespace LoTrinh.Web;

/// <summary>
/// A record id in a URL, written as digits only: "+1", " 1" and "01" name no record. The built-in
/// <c>long</c> constraint parses with the number styles of <c>long.TryParse</c>, which take all of them
/// as record 1, so one record would answer to many addresses.
/// </summary>
public sealed class IdConstraint : IRouteConstraint
{
    public const string Name = "id";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value) && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text && IsId(text);
    }

    public static bool IsId(string text) =>
        text.Length is > 0 and <= 18 && text[0] is >= '1' and <= '9' && text.All(char.IsAsciiDigit);
}
