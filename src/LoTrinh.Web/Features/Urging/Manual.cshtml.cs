using LoTrinh.Core.Accounts;
using LoTrinh.Core.Tasks;
using LoTrinh.Web.Data;
using LoTrinh.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace LoTrinh.Web.Features.Urging;

/// <summary>The secretariat picks overdue tasks and sends their lead agencies a văn bản đôn đốc.</summary>
public sealed class ManualModel(AppDbContext db, TimeProvider time) : FormPage
{
    [BindProperty(SupportsGet = true)] public long? Directive { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public List<long> Tasks { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<TaskRow> Overdue { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, 100, 0);
    public ManualUrgingAnswer? Sent { get; private set; }

    public async Task OnGetAsync(int? urged, int? notified, CancellationToken ct)
    {
        Sent = urged is { } u ? new ManualUrgingAnswer(u, notified ?? 0) : null;
        await LoadAsync(ct);
    }

    [Requires(Permission.ManageProgramme)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (answer, errors) = await UrgingApi.UrgeAsync(db, new ManualUrgingInput([.. Tasks], Note), time, ct);
        if (answer is not null)
        {
            return RedirectToPage(new { urged = answer.Urged, notified = answer.Notified });
        }

        Errors = errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (page, size) = Input.Paging(PageNumber, 100, 100);
        var board = await TaskBoard.PageAsync(db, new TaskFilter(time.Today(), TaskStatusClass.InProgressOverdue, DirectiveId: Directive), page, size, ct);
        Overdue = board.Rows;
        Paging = new Paging(page, size, board.Total);
    }
}
