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

public sealed record FieldChange(string Field, string? Before, string? After);

public static class HistoryApi
{
    /// <summary>The records that have a history view, by the name in the URL, with their table.</summary>
    public static readonly IReadOnlyDictionary<string, string> Subjects = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["directive"] = "directive",
        ["target"] = "target",
        ["task"] = "task_item",
        ["measurement"] = "measurement",
    };

    public static void MapHistoryApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/history/{subject}/{id:id}", Get).WithTags("Lịch sử").Requires(Permission.ReadInternal)
            .WithSummary("Lịch sử thay đổi của một văn bản (directive), chỉ tiêu (target), nhiệm vụ (task) hay số liệu (measurement): ai, lúc nào, từ đâu, trước và sau.");

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, NotFound>> Get(string subject, long id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, subject, id, ct) is { } entries ? TypedResults.Ok(entries) : TypedResults.NotFound();

    /// <summary>
    /// The changes of one record, newest first; null when the viewer cannot see the record (scope applies as to
    /// the record itself). A deleted record keeps its history.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntry>?> LoadAsync(AppDbContext db, string subject, long id, CancellationToken ct)
    {
        string[] deleted = [AppDbContext.DeletedFilter];
        var visible = subject switch
        {
            "directive" => await db.Directives.AnyAsync(d => d.Id == id, ct),
            "target" => await db.Targets.IgnoreQueryFilters(deleted).AnyAsync(t => t.Id == id, ct),
            "task" => await db.Tasks.IgnoreQueryFilters(deleted).AnyAsync(t => t.Id == id, ct),
            "measurement" => await db.Measurements.IgnoreQueryFilters(deleted).AnyAsync(m => m.Id == id, ct),
            _ => false,
        };
        if (!visible)
        {
            return null;
        }

        var table = Subjects[subject];
        var events = await db.AuditEvents.AsNoTracking().Where(a => a.SubjectTable == table && a.SubjectId == id)
            .OrderByDescending(a => a.Id).ToListAsync(ct);
        return [.. events.Select(Describe)];
    }

    private static HistoryEntry Describe(AuditEvent e)
    {
        var before = Parse(e.Before);
        var after = Parse(e.After);
        return new HistoryEntry(e.Id, e.At, e.ActorName, e.ActorId, e.Client, e.TableName, TableLabel(e.TableName), e.Action, ActionLabel(e.Action),
            Changes(before, after), before, after);
    }

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
            .Where(c => c.Before != c.After && c.Field is not ("id" or "created_at" or "entered_at"))];
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
