using Microsoft.EntityFrameworkCore;
using LoTrinh.Core.Accounts;
using LoTrinh.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Tasks;

public sealed class DetailsModel(AppDbContext db, TimeProvider time) : FormPage
{
    public TaskDetails Task { get; private set; } = null!;
    public bool MayManage => db.Viewer.Can(Permission.ManageProgramme);
    public bool MayReport => db.Viewer.Can(Permission.ReportProgress);

    /// <summary>How many times the task's agencies were urged about it (đôn đốc), by the rules or by the secretariat.</summary>
    public int Urged { get; private set; }
    [BindProperty] public ProgressInput Progress { get; set; } = new(null, null, null);
    [BindProperty] public CompletionInput Completion { get; set; } = new(null);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await Show(id, ct);

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostProgressAsync(long id, CancellationToken ct) =>
        await TasksApi.AddProgressAsync(db, time, id, Progress, ct) switch
        {
            null => NotFound(),
            { Any: true } errors => await Show(id, ct, errors),
            _ => RedirectToPage(new { id }),
        };

    [Requires(Permission.ReportProgress)]
    public async Task<IActionResult> OnPostCompleteAsync(long id, CancellationToken ct) =>
        await TasksApi.CompleteAsync(db, time, id, Completion, ct) switch
        {
            null => NotFound(),
            { Any: true } errors => await Show(id, ct, errors),
            _ => RedirectToPage(new { id }),
        };

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct) =>
        await db.SoftDeleteAsync<TaskItem>(id, time, ct) ? Redirect($"/Tasks?deleted={id}") : NotFound();

    private async Task<IActionResult> Show(long id, CancellationToken ct, InputErrors? errors = null)
    {
        if (await TaskDetails.LoadAsync(db, id, time.Today(), ct) is not { } task)
        {
            return NotFound();
        }

        Task = task;
        Urged = await db.Urgings.CountAsync(u => u.TaskId == id && u.Audience != Core.Urging.Audience.Secretariat && u.Kind != Core.Urging.UrgeKind.DueSoon, ct);
        Errors = errors ?? new InputErrors();
        return Page();
    }
}
