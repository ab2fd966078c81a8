using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Tasks;

public sealed class IndexModel(AppDbContext db, TimeProvider time, Npgsql.NpgsqlDataSource data, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }

    /// <summary>"lead": only the tasks the agency leads (chủ trì), as the dashboard counts them.</summary>
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>The tasks of one directive (id or number), as its page links to them.</summary>
    [BindProperty(SupportsGet = true)] public string? Directive { get; set; }

    public string? DirectiveName { get; private set; }

    /// <summary>The order of the list (directive, due, due_desc).</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    /// <summary>The tasks of one locality's directives (a unit id), as the dashboard's locality table links to them.</summary>
    [BindProperty(SupportsGet = true)] public long? Locality { get; set; }

    public string? LocalityName { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public DateOnly AsOf { get; private set; }
    public string? Error { get; private set; }
    public TaskPage? Result { get; private set; }
    public Paging Paging { get; private set; } = new(1, 50, 0);

    /// <summary>A task just deleted from its page: shown with a way to restore it.</summary>
    [BindProperty(SupportsGet = true)] public long? Deleted { get; set; }

    public string? DeletedText { get; private set; }

    [Requires(LoTrinh.Core.Accounts.Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken ct) =>
        await db.RestoreAsync<TaskItem>(id, ct) ? Redirect($"/Tasks/Details/{id}") : NotFound();

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOf = time.Today();
        if (Deleted is { } deleted)
        {
            DeletedText = await db.Tasks.IgnoreQueryFilters([AppDbContext.DeletedFilter])
                .Where(t => t.Id == deleted && t.DeletedAt != null).Select(t => t.Text).FirstOrDefaultAsync(ct);
        }

        if (await FilterAsync(ct) is not { } filter)
        {
            return;
        }

        var (page, size) = Input.Paging(PageNumber, 50, 50);
        Result = await TaskBoard.QueryAsync(db, filter, page, size, ct);
        Paging = new Paging(page, size, Result.Total);
    }

    /// <summary>The most rows written while the request waits (Exports:DirectRows); a longer list is exported in the background.</summary>
    private int DirectRows => Math.Clamp(configuration.GetValue("Exports:DirectRows", 10_000), 0, Exports.ExportJobs.MaxRows);

    /// <summary>
    /// The list as it is filtered, as a file: CSV (UTF-8, for any tool) or XLSX (MiniExcel), with the same columns
    /// as the page. Up to 10,000 rows (Exports:DirectRows) at once; a longer list is queued and the person sees its
    /// progress (up to <see cref="Exports.ExportJobs.MaxRows"/>). An impossible filter answers 400 with its reason.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        AsOf = time.Today();
        if (TableExport.Format(format) is not { } type || await FilterAsync(ct) is not { } filter)
        {
            return TableExport.Refused("Không xuất được danh sách", Error ?? TableExport.FormatProblem);
        }

        var total = await TaskBoard.CountAsync(db, filter, ct);
        if (total > Exports.ExportJobs.MaxRows)
        {
            return TableExport.Refused("Danh sách quá dài", $"Danh sách có {total:N0} nhiệm vụ, quá {Exports.ExportJobs.MaxRows:N0} dòng cho một lần xuất; hãy lọc theo văn bản, cơ quan hoặc tình trạng.");
        }

        if (total > DirectRows)
        {
            var job = await Exports.ExportJobs.QueueTasksAsync(data, db.Viewer, filter, type, ct);
            return Redirect($"/Exports/Details/{job}");
        }

        var rows = await TaskBoard.RowsAsync(db, filter, 1, DirectRows, ct);
        var (file, contentType, name) = await TableExport.WriteAsync(rows.Select(t => TaskExport.Row(t, type)), type, $"nhiem-vu-{AsOf:yyyy-MM-dd}", ct);
        return File(file, contentType, name);
    }

    /// <summary>The filter the query string asks for, or null with <see cref="Error"/> saying why.</summary>
    private async Task<TaskFilter?> FilterAsync(CancellationToken ct)
    {
        if (!Input.TryDate(AsOfText, out var asOf, out var error))
        {
            Error = error;
            return null;
        }

        AsOf = asOf ?? AsOf;
        TaskStatusClass? status = TaskStatusClassNames.TryParseCode(Status ?? string.Empty, out var s) ? s : null;
        var (agencyId, agencyProblem) = await TaskBoard.FindAgencyAsync(db, Agency, ct);
        if (agencyProblem is not null)
        {
            Error = agencyProblem;
            return null;
        }

        var (directiveId, directiveProblem) = await Directives.DirectivesApi.FindAsync(db, Directive, ct);
        if (directiveProblem is not null)
        {
            Error = directiveProblem;
            return null;
        }

        DirectiveName = directiveId is { } d ? await db.Directives.Where(x => x.Id == d).Select(x => x.Number ?? x.Title).FirstAsync(ct) : null;
        if (ModelState.TryGetValue(nameof(Locality), out var localityEntry) && localityEntry.Errors.Count > 0)
        {
            Error = "Địa bàn phải là mã số của một đơn vị hành chính.";
            return null;
        }

        if (Locality is { } locality)
        {
            LocalityName = await db.Units.Where(u => u.Id == locality).Select(u => u.Name).FirstOrDefaultAsync(ct);
            if (LocalityName is null)
            {
                Error = $"Không có đơn vị hành chính mã số {locality}.";
                return null;
            }
        }

        if (TaskOrders.Parse(Sort) is not { } order)
        {
            Error = $"Không có cách sắp xếp \"{Sort}\"; chọn một cách trong danh sách.";
            return null;
        }

        return new TaskFilter(AsOf, status, agencyId, directiveId, Q, LeadOnly: Role == TaskRoles.Lead, LocalityId: Locality, Sort: order);
    }
}
