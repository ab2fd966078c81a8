namespace LoTrinh.Core.Documents;

/// <summary>Document kinds by their code in the number (Nghị định 30/2020, Phụ lục III; Party practice).</summary>
public static class DirectiveKinds
{
    private static readonly Dictionary<string, string> ByCode = new(StringComparer.Ordinal)
    {
        ["NQ"] = "Nghị quyết",
        ["CTr"] = "Chương trình hành động",
        ["KH"] = "Kế hoạch",
        ["KL"] = "Kết luận",
        ["QĐ"] = "Quyết định",
        ["CT"] = "Chỉ thị",
        ["TB"] = "Thông báo",
        ["BC"] = "Báo cáo",
        ["HD"] = "Hướng dẫn",
        ["NĐ"] = "Nghị định",
        ["TT"] = "Thông tư",
        ["CV"] = "Công văn",
        ["QC"] = "Quy chế",
        ["ĐA"] = "Đề án",
    };

    public static IEnumerable<string> Names => ByCode.Values;

    public static IEnumerable<(string Code, string Name)> All => ByCode.Select(k => (k.Key, k.Value));

    public static string? FromCode(string? code) => code is not null && ByCode.TryGetValue(code, out var name) ? name : null;
}
