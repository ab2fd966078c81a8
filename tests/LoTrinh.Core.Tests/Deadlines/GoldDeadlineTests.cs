using System.Globalization;
using System.Text.Json;
using LoTrinh.Core.Deadlines;

namespace LoTrinh.Core.Tests.Deadlines;

/// <summary>Every deadline in the hand-checked annotations parses to its due date and precision.</summary>
public sealed class GoldDeadlineTests
{
    public static TheoryData<string, string?, string> GoldDeadlines()
    {
        var data = new TheoryData<string, string?, string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Gold"), "*.gold.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var task in doc.RootElement.GetProperty("tasks").EnumerateArray())
            {
                if (task.GetProperty("deadline") is { ValueKind: JsonValueKind.Object } deadline
                    && seen.Add(deadline.GetRawText()))
                {
                    data.Add(deadline.GetProperty("text").GetString()!, deadline.GetProperty("due").GetString(),
                        deadline.GetProperty("precision").GetString()!);
                }
            }
        }

        return data;
    }

    [Fact]
    public void GoldFiles_AreCopiedBesideTheTests() => Assert.True(GoldDeadlines().Count >= 7, "the four annotation files hold 7 distinct deadlines");

    [Theory]
    [MemberData(nameof(GoldDeadlines))]
    public void Parse_GoldDeadline_MatchesAnnotation(string text, string? due, string precision)
    {
        var deadline = DeadlineParser.Parse(text).Deadline;

        Assert.Equal(due is null ? null : DateOnly.Parse(due, CultureInfo.InvariantCulture), deadline.Due);
        Assert.Equal(precision, deadline.Precision.ToString().ToLowerInvariant());
    }
}
