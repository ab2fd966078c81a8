using System.Diagnostics;
using System.Text.Json;
using LoTrinh.Core.Classification;
using LoTrinh.Web.Features.Classification;

namespace LoTrinh.Web.Tests.Features.Classification;

/// <summary><c>lotrinh classify</c> (issue 3, "done when"): no database involved.</summary>
public sealed class ClassifyCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lotrinh-classify-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Every class III standard at its minimum level, written as a person would write the file.</summary>
    private static Dictionary<string, object> ClassIIIMinimum() => new()
    {
        ["2A.I.01"] = "Cấp xã",
        ["2A.I.02"] = "Cấp xã",
        ["2A.II.03"] = 20000,
        ["2A.II.04"] = 500,
        ["2A.II.05"] = 55,
        ["2A.III.06"] = "Cấp xã",
        ["2A.III.07"] = 4,
        ["2A.III.08"] = 85,
        ["2A.III.09"] = 3,
        ["2A.III.10"] = 50,
        ["2A.III.11"] = 70,
        ["2A.III.12"] = 50,
        ["2A.III.13"] = "has approved project",
        ["2A.III.14"] = 30,
        ["2A.III.15"] = 1,
        ["2A.III.16"] = 2,
        ["2A.III.17"] = 2,
        ["2A.III.18"] = 2,
        ["2A.III.19"] = 1.5,
        ["2A.III.20"] = 1,
        ["2A.III.21"] = 25,
        ["2A.III.22"] = 2.5,
        ["2A.III.23"] = "implemented 1–3 years",
    };

    private FileInfo Write(object content, string name = "input.json")
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content as string ?? JsonSerializer.Serialize(content, Json.Options));
        return new FileInfo(path);
    }

    private static (int Exit, string Out, string Err) Run(FileInfo file, bool json = false, FileInfo? criteria = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ClassifyCommand.Run(file, json, criteria, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void AtClassIIIMinimum_Prints75_Recognised()
    {
        var (exit, output, _) = Run(Write(new { basis = "111/2025", @class = "III", values = ClassIIIMinimum(), notConsidered = Array.Empty<string>(), heritage = false }));

        Assert.Equal(0, exit);
        Assert.Contains("Tổng điểm (total): 75.00", output, StringComparison.Ordinal);
        Assert.Contains("ĐẠT — recognised", output, StringComparison.Ordinal);
        Assert.Contains("Nguồn thứ cấp", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2A.II.03", 19999)]
    [InlineData("2A.III.10", 49.9)]
    [InlineData("2A.I.01", "Không có vai trò trung tâm")]
    [InlineData("2A.III.23", "Đã ban hành, áp dụng dưới 1 năm")]
    public void OneStandardBelowMinimum_NotRecognised_NamesIt(string code, object value)
    {
        var values = ClassIIIMinimum();
        values[code] = value;

        var (exit, output, _) = Run(Write(new { basis = "111/2025", @class = "III", values }));

        Assert.Equal(0, exit);
        Assert.Contains("KHÔNG ĐẠT — not recognised", output, StringComparison.Ordinal);
        Assert.Contains($"  - {code} ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        var values = ClassIIIMinimum();
        values["2A.II.03"] = 35000;

        var (exit, output, _) = Run(Write(new { basis = "111/2025", @class = "III", values }), json: true);

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("111/2025", root.GetProperty("basis").GetString());
        Assert.Equal("III", root.GetProperty("class").GetString());
        Assert.Equal(75.13m, root.GetProperty("total").GetDecimal()); // 5.5 + 1.5 × 15,000/180,000 = 5.625 → 5.63
        Assert.True(root.GetProperty("recognised").GetBoolean());
        Assert.Equal(3, root.GetProperty("groups").GetArrayLength());
        var population = root.GetProperty("standards").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "2A.II.03");
        Assert.Equal((35000m, 5.63m, 5.5m, 7m), (population.GetProperty("value").GetDecimal(), population.GetProperty("points").GetDecimal(),
            population.GetProperty("minPoints").GetDecimal(), population.GetProperty("maxPoints").GetDecimal()));
        Assert.StartsWith("Nội suy", population.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(23, root.GetProperty("gaps").GetArrayLength());
        Assert.Equal("SECONDARY", root.GetProperty("provenance").GetProperty("flag").GetString());
    }

    [Theory]
    [InlineData("{ not json", "JSON hợp lệ")]
    [InlineData("""{"basis": "111/2025", "class": "IV", "values": {}}""", "không có lớp 'IV'")]
    [InlineData("""{"basis": "999/2030", "class": "III", "values": {}}""", "cơ sở '999/2030' không có")]
    [InlineData("""{"basis": "111/2025", "class": "III", "values": {"2A.XX.01": 1}}""", "'2A.XX.01'")]
    [InlineData("""{"basis": "111/2025", "class": "III", "values": {"2A.II.03": "đông"}}""", "2A.II.03: cần một số")]
    [InlineData("""{"basis": "111/2025", "class": "III", "values": {"2A.I.01": 3}}""", "2A.I.01: cần một mức")]
    [InlineData("""{"basis": "111/2025", "class": "special", "values": {}}""", "chưa có trong dữ liệu")]
    public void BadInput_OneLine_ExitTwo(string content, string expected)
    {
        var (exit, output, error) = Run(Write(content));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("lotrinh classify: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void MissingFile_ExitTwo()
    {
        Assert.Equal(2, Run(new FileInfo(Path.Combine(_dir.FullName, "absent.json"))).Exit);
    }

    [Fact]
    public void CorrectedCriteriaFile_IsUsedInsteadOfTheBuiltIn()
    {
        // An administrator's correction: class III population minimum 50,000 (the September 2025 draft's figure).
        var corrected = CriteriaSetReader.BuiltInText("111/2025")
            .Replace("\"min\": 20000,", "\"min\": 50000,", StringComparison.Ordinal)
            .Replace("\"version\": \"2026-01-secondary\"", "\"version\": \"test\"", StringComparison.Ordinal);
        var input = Write(new { basis = "111/2025", @class = "III", values = ClassIIIMinimum() });

        var (exit, output, _) = Run(input, json: true, criteria: Write(corrected, "set.json"));

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("test", root.GetProperty("setVersion").GetString());
        Assert.False(root.GetProperty("recognised").GetBoolean());
    }

    [Fact]
    public async Task TheVerb_ExitsTwo_FromTheCommandLine()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "lotrinh.dll"), "classify", Write("[]").FullName])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("lotrinh classify: input.json: tệp phải là một đối tượng JSON.", error, StringComparison.Ordinal);
    }
}
