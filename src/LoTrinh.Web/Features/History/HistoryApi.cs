using System.Text.Json;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.History;

/// <summary>One change as the history shows it: who, when, from where, what changed (each field before → after).</summary>
public sealed record HistoryEntry(
    long Id, DateTimeOffset At, string Actor, long? ActorId, string? Client, string Table, string TableLabel, string Action, string ActionLabel,
    IReadOnlyList<FieldChange> Changes, JsonElement? Before, JsonElement? After);

/// <summary>A field that changed: its column, its Vietnamese label, and the values as a person reads them (names, not ids).</summary>
public sealed record FieldChange(string Field, string? Before, string? After, string Label = "");

public static class HistoryApi
{
    /// <summary>The records that have a history view, by the name in the URL, with their table.</summary>
    public static readonly IReadOnlyDictionary<string, string> Subjects = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["directive"] = "directive",
        ["target"] = "target",
        ["task"] = "task_item",
        ["measurement"] = "measurement",
        ["urban_area"] = "urban_area",
        ["key_project"] = "key_project",
        ["incident"] = "incident",
    };

    public static void MapHistoryApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/history/{subject}/{id:id}", Get).WithTags("Lịch sử").Requires(Permission.ReadInternal)
            .WithSummary("Lịch sử thay đổi của một văn bản (directive), chỉ tiêu (target), nhiệm vụ (task), số liệu (measurement) hay đô thị (urban_area: loại, mục tiêu, đánh giá), dự án (key_project: mốc, vốn, nhiệm vụ, ảnh) hay vụ việc (incident): ai, lúc nào, từ đâu, trước và sau.");

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, NotFound>> Get(string subject, long id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, subject, id, ct) is { } entries ? TypedResults.Ok(entries) : TypedResults.NotFound();

    /// <summary>
    /// The changes of one record, newest first; null when the viewer cannot see the record (scope applies as to
    /// the record itself). A deleted record keeps its history.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntry>?> LoadAsync(AppDbContext db, string subject, long id, CancellationToken ct, int page = 1, int pageSize = 1000)
    {
        string[] deleted = [AppDbContext.DeletedFilter];
        var visible = subject switch
        {
            "directive" => await db.Directives.AnyAsync(d => d.Id == id, ct),
            "target" => await db.Targets.IgnoreQueryFilters(deleted).AnyAsync(t => t.Id == id, ct),
            "task" => await db.Tasks.IgnoreQueryFilters(deleted).AnyAsync(t => t.Id == id, ct),
            "measurement" => await db.Measurements.IgnoreQueryFilters(deleted).AnyAsync(m => m.Id == id, ct),
            "urban_area" => await db.UrbanAreas.AnyAsync(a => a.Id == id, ct),
            "key_project" => await db.KeyProjects.AnyAsync(p => p.Id == id, ct),
            "incident" => await db.Incidents.AnyAsync(i => i.Id == id, ct),
            _ => false,
        };
        if (!visible)
        {
            return null;
        }

        var table = Subjects[subject];
        var events = await db.AuditEvents.AsNoTracking().Where(a => a.SubjectTable == table && a.SubjectId == id)
            .OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var parsed = events.Select(e => (Event: e, Before: Parse(e.Before), After: Parse(e.After))).ToList();
        var agencyIds = parsed.SelectMany(p => new[] { p.Before, p.After }).SelectMany(AgencyIdsIn).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.ShortName ?? a.Name, ct);
        return [.. parsed.Select(p => Describe(p.Event, p.Before, p.After, agencies))];
    }

    /// <summary>How many changes a record has, for the pager.</summary>
    public static Task<int> CountAsync(AppDbContext db, string subject, long id, CancellationToken ct) =>
        db.AuditEvents.CountAsync(a => a.SubjectTable == Subjects[subject] && a.SubjectId == id, ct);

    private static HistoryEntry Describe(AuditEvent e, JsonElement? before, JsonElement? after, IReadOnlyDictionary<long, string> agencies)
    {
        var changes = Changes(before, after).Select(c => Readable(c, agencies)).ToList();
        // An agency's part in a task reads as one line: "Cơ quan phối hợp: + Sở Xây dựng".
        if (e.TableName == "task_agency" && e.Action is "insert" or "delete")
        {
            var row = (e.Action == "insert" ? after : before)!.Value;
            var role = RoleWord(Value(row, "role"));
            var name = Value(row, "agency_id") is { } id && long.TryParse(id, out var n) ? agencies.GetValueOrDefault(n, id) : "?";
            changes = [new FieldChange("agency_id", e.Action == "delete" ? name : null, e.Action == "insert" ? name : null, $"Cơ quan {role}")];
        }

        return new HistoryEntry(e.Id, e.At, e.ActorName, e.ActorId, e.Client, e.TableName, TableLabel(e.TableName), e.Action, ActionLabel(e.Action),
            changes, before, after);
    }

    private static readonly string[] AgencyFields = ["agency_id", "lead_agency_id", "received_from_agency_id", "successor_id", "merged_into_id", "issuer_agency_id"];

    private static IEnumerable<long> AgencyIdsIn(JsonElement? row)
    {
        if (row is not { ValueKind: JsonValueKind.Object } o)
        {
            yield break;
        }

        foreach (var p in o.EnumerateObject())
        {
            if (AgencyFields.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.Number)
            {
                yield return p.Value.GetInt64();
            }
            else if (p.Name == "cooperating_agency_ids" && p.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var v in p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number))
                {
                    yield return v.GetInt64();
                }
            }
        }
    }

    /// <summary>The field's Vietnamese label, and its values as words: agency names for ids, roles and yes/no in Vietnamese, dates as dd/MM/yyyy.</summary>
    private static FieldChange Readable(FieldChange c, IReadOnlyDictionary<long, string> agencies)
    {
        string? Word(string? v) => v is null ? null : c.Field switch
        {
            _ when AgencyFields.Contains(c.Field) => long.TryParse(v, out var id) ? agencies.GetValueOrDefault(id, v) : v,
            "cooperating_agency_ids" => string.Join("; ", v.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(x => long.TryParse(x, out var id) ? agencies.GetValueOrDefault(id, x) : x)),
            "role" => RoleWord(v),
            _ when v is "true" or "false" => v == "true" ? "có" : "không",
            _ when DateOnly.TryParseExact(v, "yyyy-MM-dd", out var d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            _ => v,
        };

        return c with { Before = Word(c.Before), After = Word(c.After), Label = FieldLabel(c.Field) };
    }

    private static string RoleWord(string? role) => role switch
    {
        "lead" => "chủ trì",
        "co_lead" => "cùng chủ trì",
        "cooperating" => "phối hợp",
        _ => role ?? string.Empty,
    };

    private static string FieldLabel(string field) => field switch
    {
        "text" => "Nội dung",
        "section" => "Mục",
        "quote" => "Trích văn bản",
        "deadline_text" => "Thời hạn",
        "due_on" => "Ngày đến hạn",
        "deadline_precision" => "Loại thời hạn",
        "deadline_exclusive" => "Trước ngày (không kể ngày đó)",
        "completed_on" => "Ngày hoàn thành",
        "deleted_at" => "Xóa lúc",
        "original_deadline_text" => "Thời hạn ban đầu",
        "original_due_on" => "Ngày đến hạn ban đầu",
        "agency_id" => "Cơ quan",
        "role" => "Vai trò",
        "ordinal" => "Thứ tự",
        "received_from_agency_id" => "Nhận từ",
        "lead_agency_id" => "Cơ quan chủ trì",
        "cooperating_agency_ids" => "Cơ quan phối hợp",
        "previous_deadline_text" => "Thời hạn trước đó",
        "document_number" => "Văn bản phân công",
        "document_date" => "Ngày văn bản phân công",
        "reason" => "Lý do",
        "assigned_by" => "Người phân công (mã tài khoản)",
        "task_id" => "Nhiệm vụ (mã)",
        "reported_on" => "Ngày báo cáo",
        "percent" => "Tỷ lệ hoàn thành (%)",
        "entered_by" => "Người nhập",
        "value" => "Giá trị",
        "source" => "Nguồn",
        "period_start" => "Từ ngày",
        "period_end" => "Đến ngày",
        "period_label" => "Kỳ",
        "published" => "Công bố",
        "number" => "Số hiệu",
        "title" => "Trích yếu",
        "year" => "Năm",
        "comparator" => "Phép so sánh",
        "low" => "Từ",
        "high" => "Đến",
        "name" => "Tên",
        "kind" => "Loại",
        "valid_to" => "Hiệu lực đến",
        "successor_id" => "Cơ quan kế thừa",
        "merged_into_id" => "Gộp vào",
        "class" => "Loại đô thị",
        "basis" => "Cơ sở pháp lý",
        "held_from" => "Tính từ ngày",
        "recognised_on" => "Ngày công nhận",
        "decision" => "Quyết định công nhận",
        "retired_on" => "Thôi theo dõi từ",
        "retired_reason" => "Lý do thôi theo dõi",
        "administrative_unit_id" => "Đơn vị hành chính (mã)",
        "former_unit_id" => "Đơn vị trước sắp xếp (mã)",
        "province_id" => "Tỉnh (mã)",
        "regions" => "Vùng",
        "note" => "Ghi chú",
        "assessed_on" => "Ngày đánh giá",
        "assessed_by" => "Người đánh giá",
        "total" => "Tổng điểm",
        "verdict" => "Kết quả",
        _ => field,
    };

    /// <summary>Field by field, what differs; an insert lists what was set, a delete what was there.</summary>
    public static IReadOnlyList<FieldChange> Changes(JsonElement? before, JsonElement? after)
    {
        var fields = new List<string>();
        foreach (var side in new[] { before, after })
        {
            if (side is { ValueKind: JsonValueKind.Object } o)
            {
                fields.AddRange(o.EnumerateObject().Select(p => p.Name).Where(n => !fields.Contains(n)));
            }
        }

        return [.. fields
            .Select(f => new FieldChange(f, Value(before, f), Value(after, f)))
            // An assessment's input and result are whole documents: its page shows them, the history its date, class and verdict.
            .Where(c => c.Before != c.After && c.Field is not ("id" or "created_at" or "entered_at" or "input" or "result"))];
    }

    private static string? Value(JsonElement? row, string field) =>
        row is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string TableLabel(string table) => table switch
    {
        "directive" => "Văn bản",
        "objective" => "Mục tiêu",
        "directive_link" => "Liên kết văn bản",
        "target" => "Chỉ tiêu",
        "task_item" => "Nhiệm vụ",
        "task_agency" => "Cơ quan thực hiện",
        "progress_update" => "Báo cáo tiến độ",
        "measurement" => "Số liệu",
        "task_assignment" => "Phân công",
        "urban_area" => "Đô thị",
        "key_project" => "Dự án",
        "project_milestone" => "Mốc tiến độ",
        "project_disbursement" => "Vốn, giải ngân",
        "project_task" => "Nhiệm vụ liên kết",
        "photo" => "Ảnh",
        "incident" => "Vụ việc",
        "incident_measure" => "Biện pháp xử lý",
        "urban_area_class" => "Loại đô thị",
        "urban_area_target" => "Mục tiêu loại đô thị",
        "assessment" => "Đánh giá",
        _ => table,
    };

    private static string ActionLabel(string action) => action switch
    {
        "insert" => "Thêm",
        "update" => "Sửa",
        "delete" => "Xóa hẳn",
        "soft_delete" => "Xóa",
        "restore" => "Khôi phục",
        _ => action,
    };
}
