using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LoTrinh.Web.Features.Tasks;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
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

    /// <summary>The most rows one export carries; a narrower filter gets the rest.</summary>
    public const int MaxExported = 100_000;

    /// <summary>
    /// The list as it is filtered, as a file: CSV (UTF-8, for any tool) or XLSX (MiniExcel), with the same columns
    /// as the page. An impossible filter answers 400 with its reason; more than <see cref="MaxExported"/> rows too.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        AsOf = time.Today();
        if (TableExport.Format(format) is not { } type || await FilterAsync(ct) is not { } filter)
        {
            return Refused("Không xuất được danh sách", Error ?? "Chỉ xuất được định dạng csv hoặc xlsx.");
        }

        var (rows, total) = await TaskBoard.PageAsync(db, filter, 1, MaxExported, ct);
        if (total > MaxExported)
        {
            return Refused("Danh sách quá dài", $"Danh sách có {total:N0} nhiệm vụ, quá {MaxExported:N0} dòng cho một lần xuất; hãy lọc theo văn bản, cơ quan hoặc tình trạng.");
        }

        var table = rows.Select(t => new Dictionary<string, object?>
        {
            ["Mã"] = t.Id,
            ["Nhiệm vụ"] = t.Text,
            ["Văn bản"] = t.Directive,
            ["Mục"] = t.Section,
            ["Chủ trì"] = t.Lead,
            ["Phối hợp"] = string.Join("; ", t.CoLeads.Concat(t.Cooperating)),
            ["Thời hạn"] = t.Deadline?.Text,
            ["Hạn (ngày)"] = t.Deadline?.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Hoàn thành"] = t.CompletedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Tình trạng"] = t.StatusLabel,
        });
        var (file, contentType, name) = await TableExport.WriteAsync(table, type, $"nhiem-vu-{AsOf:yyyy-MM-dd}", ct);
        return File(file, contentType, name);
    }

    private BadRequestObjectResult Refused(string title, string detail) =>
        BadRequest(new ProblemDetails { Title = title, Detail = detail, Status = StatusCodes.Status400BadRequest });

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
