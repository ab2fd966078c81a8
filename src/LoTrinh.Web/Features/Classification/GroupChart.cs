using System.Globalization;
using System.Net;
using System.Text;
using LoTrinh.Core.Text;

namespace LoTrinh.Web.Features.Classification;

/// <summary>
/// Bars of each group's points against its maximum, with a mark at its minimum: an inline SVG drawn
/// on the server, so the page needs no chart library and prints as it shows.
/// </summary>
public static class GroupChart
{
    private const int BarWidth = 300;
    private const int Row = 44;
    private const int Left = 70;

    public static string Svg(IReadOnlyList<GroupJson> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var svg = new StringBuilder();
        Append(svg, $"<svg id=\"group-chart\" role=\"img\" aria-label=\"Điểm từng nhóm so với điểm tối thiểu và tối đa\" viewBox=\"0 0 {BarWidth + 170} {(groups.Count * Row) + 10}\" width=\"100%\" class=\"chart\">");
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var y = (i * Row) + 8;
            var scale = BarWidth / g.MaxPoints!.Value;
            var colour = g.Met == false ? "#c2410c" : "#15803d";
            Append(svg, $"<text x=\"0\" y=\"{y + 18}\" font-size=\"13\">Nhóm {WebUtility.HtmlEncode(g.Code)}</text>");
            Append(svg, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{BarWidth}\" height=\"26\" fill=\"#e5e7eb\"/>");
            Append(svg, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{g.Points!.Value * scale:0.##}\" height=\"26\" fill=\"{colour}\"/>");
            if (g.MinPoints is { } min)
            {
                var x = Left + (min * scale);
                Append(svg, $"<line x1=\"{x:0.##}\" x2=\"{x:0.##}\" y1=\"{y - 3}\" y2=\"{y + 29}\" stroke=\"#111827\" stroke-width=\"2\"/>");
            }

            var label = $"{VietnameseText.FormatPoints(g.Points)} / {VietnameseText.FormatPoints(g.MaxPoints)}";
            Append(svg, $"<text x=\"{BarWidth + Left + 8}\" y=\"{y + 18}\" font-size=\"13\">{label}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Append(StringBuilder svg, FormattableString part) => svg.Append(part.ToString(CultureInfo.InvariantCulture));
}
