using System.Globalization;
using LoTrinh.Core.Tasks;

namespace LoTrinh.Core.Incidents;

/// <summary>A measure taken on a field incident (biện pháp xử lý).</summary>
public enum MeasureKind
{
    /// <summary>Lập biên bản vi phạm hành chính.</summary>
    Record,

    /// <summary>Đình chỉ thi công, hoạt động.</summary>
    Suspension,

    /// <summary>Quyết định xử phạt vi phạm hành chính: an amount and a decision.</summary>
    Fine,

    /// <summary>Buộc khắc phục hậu quả, tháo dỡ công trình vi phạm.</summary>
    Remedy,

    /// <summary>Biện pháp khác.</summary>
    Other,
}

/// <summary>
/// An incident's status as of a date. An incident not yet given to an agency is "chưa giao"; once given it is tracked as a
/// task is, with the government's status classes against its deadline (hạn xử lý); resolved is completed.
/// </summary>
public sealed record IncidentStatus(bool Assigned, TaskStatusClass Class)
{
    public string Code => Assigned || Class.IsCompleted() ? Class.Code() : "unassigned";

    public string Vietnamese => !Assigned && !Class.IsCompleted() ? "Chưa giao xử lý" : Class switch
    {
        TaskStatusClass.CompletedOnTime => "Đã xử lý đúng hạn",
        TaskStatusClass.CompletedLate => "Đã xử lý quá hạn",
        TaskStatusClass.InProgressOverdue => "Đang xử lý quá hạn",
        TaskStatusClass.InProgressWithinDeadline => "Đang xử lý trong hạn",
        _ => "Đang xử lý, chưa có hạn",
    };

    public bool IsOpen => !Class.IsCompleted();
}

public static class IncidentRules
{
    /// <summary>
    /// Vietnam's bounding box, the Hoàng Sa and Trường Sa archipelagos included (about 6°–23.4° N, 102.1°–117.9° E). A box, not
    /// the border: a point in a neighbour near the border passes; one typed with latitude and longitude swapped, or in another
    /// country's hemisphere, does not.
    /// </summary>
    public const double SouthLatitude = 6.0, NorthLatitude = 23.4, WestLongitude = 102.1, EastLongitude = 117.9;

    public static bool InVietnam(double latitude, double longitude) =>
        latitude is >= SouthLatitude and <= NorthLatitude && longitude is >= WestLongitude and <= EastLongitude;

    /// <summary>What is wrong with a point, by field (latitude, longitude): half of it missing, or outside Vietnam's box.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckPoint(double? latitude, double? longitude)
    {
        if (latitude is null && longitude is null)
        {
            return [];
        }

        if (latitude is null || longitude is null)
        {
            return [(latitude is null ? "latitude" : "longitude", "Cần cả vĩ độ và kinh độ.")];
        }

        return InVietnam(latitude.Value, longitude.Value)
            ? []
            : [("latitude", string.Create(CultureInfo.InvariantCulture,
                $"Điểm ({latitude:0.######}, {longitude:0.######}) nằm ngoài lãnh thổ Việt Nam (vĩ độ {SouthLatitude}–{NorthLatitude}, kinh độ {WestLongitude}–{EastLongitude}); kiểm tra lại, có thể đã nhập đảo vĩ độ và kinh độ."))];
    }

    /// <summary>The status on <paramref name="asOf"/>: what happened after it (an assignment, a resolution) is not yet known.</summary>
    public static IncidentStatus Status(DateOnly? assignedOn, DateOnly? dueOn, DateOnly? resolvedOn, DateOnly asOf)
    {
        var assigned = assignedOn is { } on && on <= asOf;
        var due = assigned ? dueOn : null;
        return new(assigned, TaskStatusRules.ClassifyByLastDay(due, recurring: false, resolvedOn, asOf));
    }

    /// <summary>What is wrong with an assignment: a deadline before the incident happened or before the day it was given.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckAssignment(DateOnly occurredOn, DateOnly assignedOn, DateOnly? dueOn)
    {
        if (dueOn is { } due && (due < occurredOn || due < assignedOn))
        {
            return [("dueOn", $"Hạn xử lý {Day(due)} trước ngày {(due < occurredOn ? "xảy ra vụ việc " + Day(occurredOn) : "giao " + Day(assignedOn))}.")];
        }

        return [];
    }

    /// <summary>
    /// What is wrong with a measure, by field: taken before the incident or in the future; a fine without a positive amount
    /// or its decision; a suspension without its decision; an amount on a measure that has none.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> CheckMeasure(MeasureKind kind, DateOnly takenOn, string? decision, decimal? amount,
        DateOnly occurredOn, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (takenOn > today)
        {
            problems.Add(("takenOn", $"Ngày {Day(takenOn)} chưa đến."));
        }
        else if (takenOn < occurredOn)
        {
            problems.Add(("takenOn", $"Ngày {Day(takenOn)} trước khi vụ việc xảy ra ({Day(occurredOn)})."));
        }

        if (kind is MeasureKind.Fine or MeasureKind.Suspension && string.IsNullOrWhiteSpace(decision))
        {
            problems.Add(("decision", kind == MeasureKind.Fine ? "Xử phạt cần số quyết định xử phạt." : "Đình chỉ cần số quyết định (văn bản) đình chỉ."));
        }

        if (kind == MeasureKind.Fine && amount is not > 0)
        {
            problems.Add(("amountVnd", "Xử phạt cần số tiền phạt (đồng), lớn hơn 0."));
        }
        else if (kind != MeasureKind.Fine && amount is not null)
        {
            problems.Add(("amountVnd", "Chỉ quyết định xử phạt mới có số tiền."));
        }

        return problems;
    }

    public static string Code(this MeasureKind kind) => kind switch
    {
        MeasureKind.Record => "record",
        MeasureKind.Suspension => "suspension",
        MeasureKind.Fine => "fine",
        MeasureKind.Remedy => "remedy",
        MeasureKind.Other => "other",
    };

    public static string Vietnamese(this MeasureKind kind) => kind switch
    {
        MeasureKind.Record => "Lập biên bản vi phạm",
        MeasureKind.Suspension => "Đình chỉ",
        MeasureKind.Fine => "Xử phạt",
        MeasureKind.Remedy => "Buộc khắc phục hậu quả, tháo dỡ",
        MeasureKind.Other => "Khác",
    };

    public static bool TryParseMeasure(string? code, out MeasureKind kind) => Text.Codes.TryParse(code ?? "", Code, out kind);

    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
