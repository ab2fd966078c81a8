using System.Globalization;
using System.Text;
using LoTrinh.Core.Classification;

namespace LoTrinh.Web.Features.Classification;

/// <summary>
/// <c>lotrinh classify FILE.json [--json] [--criteria SET.json]</c>: scores one urban area from a file,
/// without a database. Exit 0 with the result, 2 with a one-line message when the input is unusable.
/// </summary>
public static class ClassifyCommand
{
    private const long MaxInputBytes = 1_000_000;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(FileInfo file, bool json, FileInfo? criteria, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        int Fail(string message)
        {
            error.WriteLine($"lotrinh classify: {message.ReplaceLineEndings(" ")}");
            return 2;
        }

        if (!file.Exists)
        {
            return Fail($"không tìm thấy tệp {file.FullName}.");
        }

        if (file.Length > MaxInputBytes)
        {
            return Fail($"tệp {file.Name} lớn hơn 1 MB; đây không phải một tệp số liệu đánh giá.");
        }

        var (input, problem) = ClassificationInput.FromJson(File.ReadAllText(file.FullName));
        if (input is null)
        {
            return Fail($"{file.Name}: {problem}");
        }

        CriteriaSet? set;
        if (criteria is not null)
        {
            if (!criteria.Exists)
            {
                return Fail($"không tìm thấy bộ tiêu chuẩn {criteria.FullName}.");
            }

            var (read, errors) = CriteriaSetReader.Read(File.ReadAllText(criteria.FullName));
            if (read is null)
            {
                return Fail($"{criteria.Name}: {string.Join("; ", errors)}");
            }

            set = string.Equals(read.Basis, input.Basis, StringComparison.OrdinalIgnoreCase) ? read : null;
        }
        else
        {
            set = CriteriaSetReader.BuiltIn.FirstOrDefault(s => string.Equals(s.Basis, input.Basis, StringComparison.OrdinalIgnoreCase));
        }

        if (set is null)
        {
            return Fail($"cơ sở '{input.Basis}' không có (có: {string.Join(", ", CriteriaSetReader.BuiltIn.Select(s => s.Basis))}).");
        }

        var check = Classifier.Check(set, input);
        if (check.Count > 0)
        {
            return Fail(string.Join("; ", check.Select(p => p.Message)));
        }

        var result = Classifier.Assess(set, input);
        output.WriteLine(json ? ResultJson.From(result).Serialize() : Table(result));
        return 0;
    }

    /// <summary>A plain-text report: verdict, groups, standards, what it lacks, provenance.</summary>
    public static string Table(ClassificationResult r)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"{r.Provenance.LegalBasis} — phiên bản {r.SetVersion} — độ tin cậy: {r.Provenance.Flag.Vietnamese()}");
        if (r.Provenance.Notice is { } notice)
        {
            text.AppendLine(Invariant, $"LƯU Ý: {notice}");
        }

        text.AppendLine();
        text.AppendLine(Invariant, $"{r.ClassName} ({r.Class}): {r.Verdict.Vietnamese().ToUpper(CultureInfo.GetCultureInfo("vi-VN"))} — {(r.Recognised switch { true => "recognised", false => "not recognised", null => "partial check" })}");
        if (r.Total is { } total)
        {
            text.AppendLine(Invariant, $"Tổng điểm (total): {P(total)} / mức đạt {P(r.PassTotal)}");
        }

        if (r.MetCount is { } met)
        {
            text.AppendLine(Invariant, $"Tiêu chuẩn đạt: {met}/{r.RequiredCount}");
        }

        foreach (var reason in r.Reasons)
        {
            text.AppendLine(Invariant, $"  - {reason}");
        }

        foreach (var note in r.Adjustments)
        {
            text.AppendLine(Invariant, $"  * {note}");
        }

        text.AppendLine();
        text.AppendLine("Nhóm tiêu chí             Điểm   Tối thiểu   Tối đa");
        foreach (var g in r.Groups)
        {
            text.AppendLine(Invariant, $"{Cut(g.Code + " " + g.Name, 24),-24} {P(g.Points),6} {P(g.MinPoints),11} {P(g.MaxPoints),8}{(g.Met == false ? "  ← chưa đạt" : "")}");
        }

        text.AppendLine();
        text.AppendLine("Mã           Giá trị              Điểm  Tối thiểu  Tối đa  Cách tính");
        foreach (var s in r.Standards)
        {
            text.AppendLine(Invariant, $"{s.Code,-12} {Cut(s.Value?.Display() ?? "—", 20),-20} {P(s.Points),5} {P(s.MinPoints),10} {P(s.MaxPoints),7}  {s.Computation}");
        }

        if (r.Gaps.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Còn thiếu (sắp theo điểm có thể tăng):");
            foreach (var g in r.Gaps)
            {
                var add = g.CouldAdd is { } c ? $"+{P(c)} điểm; " : "";
                var min = g.NeededForMin is { } m ? $"cần {m.Display()} để đạt mức tối thiểu; " : "";
                var max = g.NeededForMax is { } x ? $"{x.Display()} để đạt mức tối đa" : "";
                text.AppendLine(string.Create(Invariant, $"  {g.Code,-12} {Cut(g.Name, 40),-40} {add}{min}{max}").TrimEnd(' ', ';'));
            }
        }

        foreach (var g in r.GroupGaps)
        {
            text.AppendLine(Invariant, $"  Nhóm {g.Code}: thiếu {P(g.Shortfall)} điểm so với tối thiểu {P(g.MinPoints)}.");
        }

        text.AppendLine();
        text.Append(Invariant, $"Làm tròn: {r.Provenance.Rounding}");
        return text.ToString();
    }

    // Invariant digits: the CLI's output is read by scripts as well as people.
    private static string P(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
