using System.Text.RegularExpressions;

namespace LoTrinh.Core.Extraction;

/// <summary>
/// Finds the bodies a task names: the lead (chủ trì: the subject of the item, "X: …", "giao X …")
/// and the cooperating bodies ("phối hợp với X", "cùng với X"), each as written.
/// </summary>
public static partial class AgencyPhrases
{
    public static (IReadOnlyList<string> Lead, IReadOnlyList<string> Cooperating) Read(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return (Lead(segment), Cooperating(segment));
    }

    private static List<string> Lead(string segment)
    {
        var s = segment.Trim();
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        var firstStop = s.IndexOf(". ", StringComparison.Ordinal);

        // "Sở Xây dựng: rà soát …" names the lead before a colon; a colon in a later sentence ("… Thời gian hoàn thành: Quý III") does not.
        if (colon > 0 && colon < 160 && (firstStop < 0 || colon < firstStop))
        {
            var before = s[..colon].Trim();
            if (IsAgencyStart(before) && Verb().Match(before) is not { Success: true })
            {
                return Split(before);
            }

            s = s[(colon + 1)..].Trim();
        }

        if (IsAgencyStart(s) && SubjectEnd().Match(s) is { Success: true, Index: > 0 and < 200 } scope
            && (Predicate(s) is not { } first || first.Index > scope.Index))
        {
            return Split(s[..scope.Index]);
        }

        if (IsAgencyStart(s) && Predicate(s) is { } predicate && predicate.Index < 200 && !s[..predicate.Index].TrimEnd().EndsWith(','))
        {
            return Split(s[..predicate.Index]);
        }

        var assigned = Assigned().Match(segment);
        if (assigned.Success && IsAgencyPhrase(assigned.Groups["x"].Value))
        {
            var x = assigned.Groups["x"].Value;
            var verb = Verb().Match(x);
            if (verb.Success && verb.Index > 0)
            {
                return Split(x[..verb.Index]);
            }
        }

        // "Tài sản kết cấu hạ tầng đô thị - Bộ Xây dựng.": a list that hands each field to a body names it after a dash.
        if (TrailingBody().Match(s) is { Success: true } tail && IsBodyLine(tail.Groups["x"].Value))
        {
            return Split(Bare(tail.Groups["x"].Value));
        }

        return [];
    }

    /// <summary>
    /// The body a heading names for the items under it (a block lead): "1. Sở Công Thương",
    /// "Cục Biến đổi khí hậu có trách nhiệm:", "Trách nhiệm chung của các cơ quan, đơn vị",
    /// "Đối với Ủy ban nhân dân các xã, phường", or a heading that is itself a sentence with a subject.
    /// </summary>
    public static IReadOnlyList<string> OfHeading(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var h = Bare(heading);
        if (h.Length is 0 or > 200)
        {
            return [];
        }

        if (HeadingOf().Match(h) is { Success: true } of && IsAgencyPhrase(of.Groups["x"].Value))
        {
            return Split(of.Groups["x"].Value);
        }

        if (HeadingDuty().Match(h) is { Success: true } duty && IsAgencyStart(duty.Groups["x"].Value))
        {
            return Split(duty.Groups["x"].Value);
        }

        if (IsAgencyStart(h) && Predicate(h) is null && SubjectEnd().Match(h) is not { Success: true })
        {
            return Split(h);
        }

        return Lead(h);
    }

    /// <summary>
    /// The bodies a preamble hands the items to: "… kính đề nghị Ủy ban nhân dân các tỉnh … chỉ đạo …, cụ thể
    /// như sau:", "Thủ tướng Chính phủ yêu cầu các Bộ trưởng, … thực hiện các nhiệm vụ sau đây:".
    /// </summary>
    public static IReadOnlyList<string> Addressed(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var m = Addressing().Match(paragraph);
        if (!m.Success || !IsAgencyPhrase(m.Groups["x"].Value))
        {
            return [];
        }

        var x = m.Groups["x"].Value;
        var end = Predicate(x) is { } verb ? verb.Index : -1;
        return end > 0 ? Split(x[..end]) : [];
    }

    /// <summary>Whether the words open with a verb of action ("đơn giản hóa thành phần hồ sơ", "nâng cao …").</summary>
    public static bool StartsWithVerb(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Verb().Match(" " + words.TrimStart()) is { Success: true, Index: 0 };
    }

    /// <summary>A line that only names a body: "Sở Xây dựng (đối với tài sản kết cấu hạ tầng đô thị);".</summary>
    public static bool IsBodyLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bare = Bare(line);
        return bare.Length is > 3 and <= 120 && IsAgencyStart(bare) && Predicate(bare) is null && SubjectEnd().Match(bare) is not { Success: true }
            && !bare.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>The line without its parentheses and closing punctuation.</summary>
    public static string Bare(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Parenthesis().Replace(line, string.Empty).Trim().TrimEnd(':', '.', ';', ',', ' ');
    }

    /// <summary>The first verb that is not an element of a list ("cơ quan, tổ chức, đơn vị").</summary>
    private static Match? Predicate(string s) => Verb().Matches(s).FirstOrDefault(v => v.Index > 0
        && !(s[..v.Index].EndsWith(',') && v.Index + v.Length < s.Length && s[v.Index + v.Length] == ',')
        && !(v.Value.Trim() == "tổ chức" && ListedOrganisations().IsMatch(s[..(v.Index + v.Length)]) && (OrganisationsTail().IsMatch(s[(v.Index + v.Length)..]) || Verb().Match(s[(v.Index + v.Length)..]) is { Success: true, Index: 0 })));

    private static List<string> Cooperating(string segment)
    {
        var found = new List<string>();
        foreach (Match m in Cooperation().Matches(segment))
        {
            var x = m.Groups["x"].Value;
            if (!IsAgencyPhrase(x))
            {
                continue;
            }

            var stop = new[] { CooperationStop().Match(x), Verb().Match(x) }.Where(s => s.Success).MinBy(s => s.Index);
            var phrase = (stop is not null ? x[..stop.Index] : x).Trim(' ', ',');
            if (phrase.Length > 2)
            {
                found.AddRange(Split(phrase));
            }
        }

        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// "Các ban của Tỉnh ủy, ban cán sự đảng, đảng đoàn, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội":
    /// five bodies; "Các sở, ban, ngành" and "Sở Kế hoạch và Đầu tư": one each. A conjunct is a body of
    /// its own only when it starts like one.
    /// </summary>
    public static List<string> Split(string phrase)
    {
        var bodies = new List<string>();
        foreach (var group in phrase.Split(';'))
        {
            var parts = Conjunction().Split(group.Trim());
            var current = string.Empty;
            var separator = string.Empty;
            for (var i = 0; i < parts.Length; i += 2)
            {
                var part = parts[i].Trim();
                if (current.Length > 0 && BodyStart().IsMatch(part))
                {
                    bodies.Add(current.Trim(' ', ','));
                    current = part;
                }
                else
                {
                    current = current.Length == 0 ? part : current + separator + part;
                }

                separator = i + 1 < parts.Length ? parts[i + 1] : string.Empty;
            }

            if (current.Trim(' ', ',').Length > 0)
            {
                bodies.Add(current.Trim(' ', ','));
            }
        }

        return bodies;
    }

    /// <summary>Whether the words open with a body's head noun ("Sở …", "UBND …", "Vụ …", "các cơ quan …").</summary>
    public static bool IsAgencyStart(string s) => AgencyStart().IsMatch(s.TrimStart());

    /// <summary>Whether the words open with a body's head noun or a unit ("các huyện", "tỉnh …").</summary>
    public static bool IsAgencyPhrase(string s) => IsAgencyStart(s) || UnitStart().IsMatch(s.TrimStart());

    /// <summary>A conjunct that names a body of its own (capitalised, or "các …", or a party body).</summary>
    [GeneratedRegex(@"^(?:[cC]ác\s+(?:sở|Sở|ban|Ban|ngành|cơ quan|đơn vị|đoàn thể|tổ chức|huyện|xã|phường|phòng|Phòng|địa phương|đồng chí|cấp ủy|cấp uỷ|hội|Hội|TCCS|thành viên|UBND|Ủy ban|doanh nghiệp)|UBND|HĐND|UBMTTQ|MTTQ|Ủy ban|Uỷ ban|Hội đồng|Sở \p{Lu}|Ban (?:\p{Lu}|chỉ đạo|cán sự|thường vụ|quản lý|tuyên giáo|dân vận|tổ chức|kiểm tra|của)|ban cán sự|đảng đoàn|Phòng \p{Lu}|Văn phòng|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Đảng đoàn|Mặt trận|Công an|Bộ \p{Lu}|Cục|Chi cục|Trung tâm|Đài|Báo \p{Lu}|Kho bạc|Ngân hàng|Liên đoàn|Hội \p{Lu}|Đoàn \p{Lu}|Tỉnh đoàn|Thành đoàn|Huyện đoàn|Thường trực|Bí thư|Chủ tịch|Giám đốc|Lãnh đạo|Đồng chí|Viện|Trường \p{Lu}|Bệnh viện|Công ty|Thanh tra (?:\p{Lu}|tỉnh|thành phố)|Thuế (?:\p{Lu}|tỉnh|thành phố)|Kiểm toán|Hải quan|Bảo hiểm xã hội|Quỹ \p{Lu}|Tạp chí|Tổng cục|Vụ \p{Lu}|Học viện|Đại học|Bộ đội|Người đứng đầu|Thủ trưởng)", RegexOptions.CultureInvariant)]
    private static partial Regex BodyStart();

    [GeneratedRegex(@"^(?:các\s+|Các\s+)?(?:UBND|HĐND|UBMTTQ|MTTQ|Ủy ban|Uỷ ban|Hội đồng|Sở|sở|Ban (?:\p{Lu}|chỉ đạo|cán sự|thường vụ|quản lý|tuyên giáo|dân vận|tổ chức|kiểm tra|nội chính|kinh tế|pháp chế|văn hóa|dân tộc|của)|ban cán sự|Ban cán sự|Các ban|các ban|Phòng \p{Lu}|phòng|Văn phòng|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|đảng ủy|Đảng đoàn|đảng đoàn|Mặt trận|Công an|Bộ Chỉ huy|Bộ(?=[\s,])|Cục|Chi cục|Trung tâm|Đài|Báo \p{Lu}|Kho bạc|Ngân hàng|Liên đoàn|Liên minh|Hội \p{Lu}|Đoàn \p{Lu}|Tỉnh đoàn|Thành đoàn|Huyện đoàn|cơ quan|đơn vị|địa phương|cấp ủy|cấp uỷ|tổ chức|đoàn thể|TCCS|Thường trực|Ban Thường vụ|Bí thư|Phó Bí thư|Chủ tịch|Phó Chủ tịch|Giám đốc|Thủ trưởng|Trưởng|Lãnh đạo|lãnh đạo|đồng chí|Đồng chí|Tổ công tác|Tổ giúp việc|thành viên|Thành viên|Viện|Trường \p{Lu}|Bệnh viện|Chi nhánh|Công ty|Thanh tra (?:\p{Lu}|tỉnh|thành phố|huyện|xã|phường|Chính phủ)|Thuế (?:\p{Lu}|tỉnh|thành phố|cơ sở)|Kiểm toán|Hải quan|Bảo hiểm xã hội|Quỹ \p{Lu}|Tạp chí|Tổng cục|Vụ \p{Lu}|Học viện|Đại học|Bộ đội|Cảng vụ|Người đứng đầu|Uy ban)(?:(?<=\p{Lu})|(?![\p{Ll}]))", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyStart();

    /// <summary>"Trách nhiệm chung của X", "Nhiệm vụ của X", "Đối với X": a heading that names whose items follow.</summary>
    [GeneratedRegex(@"^(?:(?:Trách nhiệm|Nhiệm vụ)(?:\s+(?:chung|cụ thể|chính))?\s+(?:của|đối với)|Đối với|Giao)\s+(?<x>.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HeadingOf();

    /// <summary>"Cục Biến đổi khí hậu có trách nhiệm", "Sở Xây dựng thực hiện các nhiệm vụ sau".</summary>
    [GeneratedRegex(@"^(?<x>.+?)\s+(?:có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|thực hiện (?:các|một số|những) nhiệm vụ|tập trung (?:thực hiện|triển khai) (?:các|một số|những) nhiệm vụ)(?:\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingDuty();

    /// <summary>"đề nghị X …", "yêu cầu X …" closing a preamble that introduces the items ("… như sau:", "… sau đây:").</summary>
    [GeneratedRegex(@"(?:kính\s+)?(?:đề nghị|yêu cầu)\s+(?<x>[^:;]{3,400}?)(?:,\s*)?(?:cụ thể\s+)?(?:như sau|sau đây)\s*:\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Addressing();

    /// <summary>Where a subject ends without a verb: "Các Bộ, ngành liên quan khác trong phạm vi chức năng, nhiệm vụ, tăng cường …".</summary>
    [GeneratedRegex(@"\s(?:trong phạm vi|theo chức năng|theo thẩm quyền|căn cứ chức năng|theo phạm vi)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectEnd();

    /// <summary>"các cơ quan, tổ chức", "cá nhân và tổ chức": organisations listed among bodies, not the verb "tổ chức" (to hold).</summary>
    [GeneratedRegex(@"(?:,|\svà|\scác)\s+tổ chức$", RegexOptions.CultureInvariant)]
    private static partial Regex ListedOrganisations();

    [GeneratedRegex(@"^(?:\s+(?:có liên quan|liên quan|khác|thuộc|trên địa bàn)|\s*[,;]|\s+và\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationsTail();

    /// <summary>"(…)", or "(…" left open at the end of a heading wrapped before its closing bracket.</summary>
    [GeneratedRegex(@"\s*\([^)]*(?:\)|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesis();

    /// <summary>"… khu chế xuất — Bộ Tài chính.": the body after the last dash of an item.</summary>
    [GeneratedRegex(@"\s[-–—]\s*(?<x>[^-–—:;]{3,120}?)[.;]?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingBody();

    [GeneratedRegex(@"^(?:các\s+)?(?:huyện|tỉnh|thành phố|thị xã|xã|phường|thị trấn|quận)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex UnitStart();

    /// <summary>The predicate that ends the subject; a verb inside a committee's name ("Ban chỉ đạo", "Ban Tổ chức") does not count.</summary>
    [GeneratedRegex(@"(?<!\b(?:Ban|Tổ|Trưởng|Phó|chí|các|Các))\s(?:chỉ đạo|chủ trì|tổ chức|xây dựng|hướng dẫn|tham mưu|theo dõi|phối hợp|thực hiện|triển khai|tập trung|tăng cường|tiếp tục|chấn chỉnh|rà soát|phải|có trách nhiệm|chịu trách nhiệm|lãnh đạo|quan tâm|nghiên cứu|ban hành|kiểm tra|đôn đốc|sớm|khẩn trương|căn cứ|cụ thể hóa|cụ thể hoá|giám sát|bố trí|đẩy mạnh|nâng cao|đề xuất|trình|báo cáo|tham gia|phổ biến|quán triệt|tuyên truyền|vận động|hoàn thành|hoàn thiện|thẩm định|lập|cân đối|đảm bảo|bảo đảm|ưu tiên|hỗ trợ|nắm|làm việc|thường xuyên|định kỳ|quyết liệt|chủ động|kịp thời|cần|được giao|là cơ quan|cập nhật|sắp xếp|thành lập|kiện toàn|xử lý|giải quyết|cung cấp|thu hút|nêu cao|tích cực|khẩn|đề nghị|giao|đẩy nhanh|cân đối|lập|huy động|tổng hợp|phân bổ|tiếp nhận|ứng dụng|điều chỉnh|sửa đổi|duy trì|gửi|chấp hành|tuân thủ|tiến hành|phê duyệt|công bố|xác định|thống kê|số hóa|tham dự|nghiêm túc|chuẩn bị|nghiên cứu|đơn giản hóa|đơn giản hoá|cắt giảm)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex Verb();

    [GeneratedRegex(@"(?<![\p{L}])giao(?:\s+cho)?\s+(?<x>[^;.:]{3,200})", RegexOptions.CultureInvariant)]
    private static partial Regex Assigned();

    [GeneratedRegex(@"(?:phối hợp(?:\s*,\s*hỗ trợ)?(?:\s+(?:với|cùng))?|cùng với)\s+(?<x>[^;.:()]{3,200})", RegexOptions.CultureInvariant)]
    private static partial Regex Cooperation();

    [GeneratedRegex(@"\s(?:chỉ đạo|chủ trì|tổ chức|xây dựng|hướng dẫn|tham mưu|theo dõi|thực hiện|triển khai|tập trung|tăng cường|tiếp tục|rà soát|kiểm tra|đôn đốc|giám sát|nêu cao|thường xuyên|định kỳ|những|để|nhằm|trong|về|theo|khi|đối với|tại|trên|có|giải quyết|xử lý|hoàn thành|đề xuất|báo cáo|nâng cao|đảm bảo|bảo đảm|tuyên truyền|quản lý|triển khai|cung cấp)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex CooperationStop();

    [GeneratedRegex(@"(,\s*|\s+và\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex Conjunction();
}
